import { formatWarsaw } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav } from './admin-nav.tsx';
import { readAuditLog } from './api.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** /admin/dziennik?miesiac=YYYY-MM — the lead's audit log, a month at a time, newest first. */
export function AuditLog() {
  const all = useAdminTexts();
  const texts = all.administration;
  const { t } = useI18n();
  const { query, route } = useLocation();
  const month = /^\d{4}-\d{2}$/.test(query.miesiac ?? '') ? query.miesiac : undefined;
  const [resource, retry] = useResource(`admin:audit:${month ?? ''}`, (signal) =>
    readAuditLog(month, signal),
  );
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  if (resource.status !== 'ready') {
    return (
      <Titled title={texts.auditLog}>
        <LoadingOrFailed
          heading={texts.auditLog}
          loading={all.panel.loading}
          failed={all.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const log = resource.data;
  return (
    <Titled title={texts.auditLog}>
      <UserBar />
      <AdminNav current="audit" lead />
      <h1>{texts.auditLog}</h1>
      <form
        class="admin-choose"
        method="get"
        action="/admin/dziennik"
        onSubmit={(event) => {
          event.preventDefault();
          const chosen = String(new FormData(event.currentTarget).get('miesiac') ?? '');
          route(`/admin/dziennik?${new URLSearchParams({ miesiac: chosen })}`);
        }}
      >
        <div class="form-group">
          <label class="label" for="f-miesiac">
            {texts.month}
          </label>
          <input class="input" type="month" id="f-miesiac" name="miesiac" defaultValue={log.month} />
        </div>
        <button type="submit" class="button">
          {texts.show}
        </button>
      </form>
      <h2 id="audit-caption">
        {texts.auditLog}: {log.month}
      </h2>
      {log.entries.length === 0 ? (
        <p>{texts.noEntries}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
        <section class="table-scroll" aria-labelledby="audit-caption" tabIndex={0}>
          <table class="table" aria-labelledby="audit-caption">
            <thead>
              <tr>
                <th scope="col">{texts.when}</th>
                <th scope="col">{texts.what}</th>
                <th scope="col">{texts.who}</th>
                <th scope="col">{texts.subject}</th>
                <th scope="col">{texts.details}</th>
              </tr>
            </thead>
            <tbody>
              {log.entries.map((entry) => (
                <tr key={`${entry.at}|${entry.event}|${entry.subject}`}>
                  <td>
                    <time dateTime={entry.at}>{formatWarsaw(entry.at, t.locale)}</time>
                  </td>
                  <td>{texts.events[entry.event] ?? entry.event}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.subject}</td>
                  {/* The details are Polish whatever the panel's language: they are the log as written. */}
                  <td lang="pl">
                    {entry.details.map((line) => (
                      <span key={line} class="admin-log-line">
                        {line}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Titled>
  );
}
