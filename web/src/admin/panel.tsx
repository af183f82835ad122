import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../lib/i18n.ts';
import { OwnAccount } from './account.tsx';
import { AccountDetail, Accounts } from './accounts.tsx';
import { AdminNav } from './admin-nav.tsx';
import { AuditLog } from './audit-log.tsx';
import { CallList } from './call-list.tsx';
import { CardDetail } from './card.tsx';
import { ProgrammeDetail, Programmes } from './programmes.tsx';
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
 * (/admin/logowanie), signed out (/admin/wylogowano) and one card (/admin/karty/<call>/<teryt>). One route,
 * so the site's entry names one chunk for them all. The session is an HttpOnly cookie: the screens know
 * they are signed out when the API answers 401.
 */
export function AdminPanel(props: { section?: string; callId?: string; teryt?: string }) {
  const { t } = useI18n();
  if (props.section === undefined)
    return (
      <>
        <AdminNav current="cards" />
        <CallList />
      </>
    );
  if (props.section === 'logowanie' && !props.callId) return <SignIn />;
  if (props.section === 'wylogowano' && !props.callId) return <SignedOut />;
  if (props.section === 'rejestracja' && props.callId)
    return <RegisterCard callId={props.callId} step={props.teryt} />;
  if (props.section === 'karty' && props.callId && props.teryt)
    return <CardDetail callId={props.callId} teryt={props.teryt} />;
  // Administration (issue 17): /admin/konto, /admin/konta[/<e-mail>], /admin/dziennik, /admin/programy[/<id>].
  if (props.section === 'konto' && !props.callId) return <OwnAccount />;
  if (props.section === 'konta' && !props.teryt)
    return props.callId ? <AccountDetail email={props.callId} /> : <Accounts />;
  if (props.section === 'dziennik' && !props.callId) return <AuditLog />;
  if (props.section === 'programy' && !props.teryt)
    return props.callId ? <ProgrammeDetail id={props.callId} /> : <Programmes />;
  return (
    <Titled title={t.notFound.title}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
    </Titled>
  );
}
