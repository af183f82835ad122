import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { OwnAccount } from './account.tsx';
import { AccountDetail, Accounts } from './accounts.tsx';
import { AdminNav } from './admin-nav.tsx';
import { AgreementScreen } from './agreement.tsx';
import { Agreements } from './agreements.tsx';
import { AuditLog } from './audit-log.tsx';
import { CallList } from './call-list.tsx';
import { CallManage } from './call-manage.tsx';
import { CardDetail } from './card.tsx';
import { Dashboard } from './dashboard.tsx';
import { EditDeadline } from './deadline-edit.tsx';
import { NewDeadline } from './deadline-new.tsx';
import { Deliverables } from './deliverables.tsx';
import { Erasure } from './erasure.tsx';
import { HeldMail } from './held-mail.tsx';
import { Offices } from './offices.tsx';
import { NewProgramme, ProgrammeDetail, Programmes } from './programmes.tsx';
import { Protocol } from './protocol.tsx';
import { Ranking } from './ranking.tsx';
import { Reminders } from './reminders.tsx';
import { Rules } from './rules.tsx';
import { Titled } from './session.tsx';
import { SignIn } from './sign-in.tsx';
import { SignedOut } from './signed-out.tsx';

// Its own chunk: it carries copies of the card form's modules (see register-card.tsx).
function RegisterCard(props: { callId: string; step?: string | undefined }) {
  const [screen, setScreen] = useState<typeof import('./register-card.tsx').default | undefined>();
  useEffect(() => {
    import('./register-card.tsx').then((module) => setScreen(() => module.default));
  }, []);
  const { t } = useI18n();
  const Screen = screen;
  return Screen ? <Screen {...props} /> : <p role="status">{t.call.loading}</p>;
}

/**
 * /admin/:section?/:callId?/:teryt? — the panel's screens by address: the list (/admin), signing in
 * (/admin/logowanie), signed out (/admin/wylogowano), one card (/admin/karty/<call>/<teryt>), and a call's
 * ranking (/admin/ranking/<call>?woj=NN), rules (/admin/zasady/<call>?woj=NN), printable ranking protocol
 * (/admin/protokol/<call>?woj=NN), the lead's overview (/admin/zestawienie/<call>), registering a card
 * received by post (/admin/rejestracja/<call>) and the administration screens. One route, so the
 * site's entry names one chunk for them all. The session is an HttpOnly cookie: the screens know they are
 * signed out when the API answers 401.
 */
export function AdminPanel(props: { section?: string; callId?: string; teryt?: string }) {
  const { t } = useI18n();
  const { query } = useLocation();
  const { section, callId, teryt } = props;
  const woj = /^\d{2}$/.test(query.woj ?? '') ? query.woj : undefined;
  if (section === undefined)
    return (
      <>
        <AdminNav current="cards" />
        <CallList />
      </>
    );
  if (section === 'logowanie' && !callId) return <SignIn />;
  if (section === 'wylogowano' && !callId) return <SignedOut />;
  if (section === 'rejestracja' && callId) return <RegisterCard callId={callId} step={teryt} />;
  if (section === 'karty' && callId && teryt) return <CardDetail callId={callId} teryt={teryt} />;
  if (callId && !teryt) {
    if (section === 'zestawienie') return <Dashboard callId={callId} />;
    if (section === 'ranking' && woj)
      return <Ranking key={`${callId}-${woj}`} callId={callId} wojewodztwo={woj} />;
    if (section === 'zasady' && woj)
      return <Rules key={`${callId}-${woj}`} callId={callId} wojewodztwo={woj} />;
    if (section === 'protokol' && woj) return <Protocol callId={callId} wojewodztwo={woj} />;
  }
  // Administration: /admin/konto, /admin/konta[/<e-mail>], /admin/dziennik, /admin/programy[/<id>|nowy].
  if (section === 'konto' && !callId) return <OwnAccount />;
  if (section === 'konta' && !teryt) return callId ? <AccountDetail email={callId} /> : <Accounts />;
  if (section === 'dziennik' && !callId) return <AuditLog />;
  if (section === 'programy' && callId === 'nowy' && !teryt) return <NewProgramme />;
  if (section === 'programy' && !teryt) return callId ? <ProgrammeDetail id={callId} /> : <Programmes />;
  // Reminders: /admin/przypomnienia[?woj=NN], the new deadline's form /admin/przypomnienia/nowy[?woj=NN], a
  // deadline's change /admin/przypomnienia/termin/<id>[?woj=NN] and the documents
  // /admin/przypomnienia/dokumenty[?woj=NN] (without `woj`, each the user's first voivodeship).
  if (section === 'przypomnienia' && !callId) return <Reminders key={woj ?? ''} wojewodztwo={woj} />;
  if (section === 'przypomnienia' && callId === 'nowy' && !teryt)
    return <NewDeadline key={woj ?? ''} wojewodztwo={woj} />;
  if (section === 'przypomnienia' && callId === 'termin' && teryt)
    return <EditDeadline key={`${teryt}-${woj ?? ''}`} deadlineId={teryt} wojewodztwo={woj} />;
  if (section === 'przypomnienia' && callId === 'dokumenty' && !teryt)
    return <Deliverables key={woj ?? ''} wojewodztwo={woj} />;
  // Trust (issue 13): /admin/poczta?woj=NN (held mail), /admin/urzedy?woj=NN (gmina offices), and the lead's
  // /admin/usuwanie-danych (erasing a gmina's personal data).
  if (section === 'poczta' && !callId) return <HeldMail key={woj ?? ''} wojewodztwo={woj} />;
  if (section === 'urzedy' && !callId) return <Offices key={woj ?? ''} wojewodztwo={woj} />;
  if (section === 'usuwanie-danych' && !callId) return <Erasure />;
  // Agreements (issue 16): /admin/porozumienia/<call>?woj=NN, /admin/porozumienia/<call>/<teryt>.
  if (section === 'porozumienia' && callId && teryt && /^\d{7}$/.test(teryt))
    return <AgreementScreen key={`${callId}-${teryt}`} callId={callId} teryt={teryt} />;
  if (section === 'porozumienia' && callId && !teryt && woj)
    return <Agreements key={`${callId}-${woj}`} callId={callId} wojewodztwo={woj} />;
  // A call over its life (issue 17): /admin/nabory/<call> (/admin/nabory/nowy is the announce form's page).
  if (section === 'nabory' && callId && !teryt) return <CallManage key={callId} callId={callId} />;
  return (
    <Titled title={t.notFound.title}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
    </Titled>
  );
}
