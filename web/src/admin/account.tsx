import { useState } from 'preact/hooks';
import { formatWarsaw } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav, FormErrors, useSaving, wojewodztwaList } from './admin-nav.tsx';
import { endOtherSessions, getOwnAccount } from './api.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** /admin/konto — one's own account and live sessions; the others can be ended from here. */
export function OwnAccount() {
  const all = useAdminTexts();
  const texts = all.administration;
  const { t } = useI18n();
  const [resource, retry] = useResource('admin:account', (signal) => getOwnAccount(signal));
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  const saving = useSaving();
  const [ended, setEnded] = useState<number | undefined>(undefined);
  if (resource.status !== 'ready') {
    return (
      <Titled title={texts.account}>
        <LoadingOrFailed
          heading={texts.account}
          loading={all.panel.loading}
          failed={all.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { user, account, sessions } = resource.data;
  const others = sessions.filter((session) => !session.current).length;
  return (
    <Titled title={texts.account}>
      <UserBar name={user.name} email={user.email} />
      <AdminNav current="account" lead={user.role === 'lead'} />
      <h1>{texts.account}</h1>
      <dl class="facts">
        <dt>{texts.name}</dt>
        <dd>{account.name}</dd>
        <dt>{texts.email}</dt>
        <dd>{account.email}</dd>
        <dt>{texts.role}</dt>
        <dd>{texts.roles[account.role] ?? account.role}</dd>
        <dt>{texts.wojewodztwa}</dt>
        <dd>{wojewodztwaList(t, user.wojewodztwa)}</dd>
        <dt>{texts.lastSignIn}</dt>
        <dd>{account.lastSignInAt ? formatWarsaw(account.lastSignInAt, t.locale) : texts.never}</dd>
      </dl>
      <h2 id="sessions-caption">{texts.ownSessions}</h2>
      <p class="hint">{texts.sessionsHint}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable) */}
      <section class="table-scroll" aria-labelledby="sessions-caption" tabIndex={0}>
        <table class="table" aria-labelledby="sessions-caption">
          <thead>
            <tr>
              <th scope="col">{texts.sessionStarted}</th>
              <th scope="col">{texts.sessionLastSeen}</th>
              <th scope="col">{texts.state}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  <time dateTime={session.startedAt}>{formatWarsaw(session.startedAt, t.locale)}</time>
                </td>
                <td>
                  <time dateTime={session.lastSeenAt}>{formatWarsaw(session.lastSeenAt, t.locale)}</time>
                </td>
                <td>{session.current ? texts.thisSession : texts.otherSession}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <FormErrors error={saving.error} title={texts.failed} />
      {ended !== undefined ? (
        <p class="notice" role="status">
          {texts.endedOthers(ended)}
        </p>
      ) : null}
      {others > 0 ? (
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={saving.busy ? true : undefined}
          onClick={async () => {
            const result = await saving.run(endOtherSessions);
            if (result) {
              setEnded(result.sessionsEnded);
              retry();
            }
          }}
        >
          {texts.endOthers}
        </button>
      ) : null}
    </Titled>
  );
}
