import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { CallList } from './call-list.tsx';
import { CardDetail } from './card.tsx';
import { Dashboard } from './dashboard.tsx';
import { Protocol } from './protocol.tsx';
import { Ranking } from './ranking.tsx';
import { Rules } from './rules.tsx';
import { Titled } from './session.tsx';
import { SignIn } from './sign-in.tsx';
import { SignedOut } from './signed-out.tsx';

/**
 * /admin/:section?/:callId?/:teryt? — the panel's screens by address: the list (/admin), signing in
 * (/admin/logowanie), signed out (/admin/wylogowano), one card (/admin/karty/<call>/<teryt>), and a call's
 * ranking (/admin/ranking/<call>?woj=NN), rules (/admin/zasady/<call>?woj=NN), printable ranking protocol
 * (/admin/protokol/<call>?woj=NN) and the lead's overview (/admin/zestawienie/<call>). One route, so the
 * site's entry names one chunk for them all. The session is an HttpOnly cookie: the screens know they are
 * signed out when the API answers 401.
 */
export function AdminPanel(props: { section?: string; callId?: string; teryt?: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const { section, callId, teryt } = props;
  const woj = /^\d{2}$/.test(query.woj ?? '') ? query.woj : undefined;
  if (section === undefined) return <CallList />;
  if (section === 'logowanie' && !callId) return <SignIn />;
  if (section === 'wylogowano' && !callId) return <SignedOut />;
  if (section === 'karty' && callId && teryt) return <CardDetail callId={callId} teryt={teryt} />;
  if (callId && !teryt) {
    if (section === 'zestawienie') return <Dashboard callId={callId} />;
    if (section === 'ranking' && woj)
      return <Ranking key={`${callId}-${woj}`} callId={callId} wojewodztwo={woj} />;
    if (section === 'zasady' && woj)
      return <Rules key={`${callId}-${woj}`} callId={callId} wojewodztwo={woj} />;
    if (section === 'protokol' && woj) return <Protocol callId={callId} wojewodztwo={woj} />;
  }
  return (
    <Titled title={t.notFound.title}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
    </Titled>
  );
}
