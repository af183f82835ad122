import type { TOwnAccountResponse } from '../../../shared/schemas/administration.ts';
import type { TDeliveriesResponse } from '../../../shared/schemas/deliverables.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav } from './admin-nav.tsx';
import { getOwnAccount } from './api.ts';
import { deliveryFileUrl, getDeliveries } from './deliverables-api.ts';
import { useDeliverablesTexts } from './deliverables-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/przypomnienia/dokumenty?woj=NN (without `woj`, the user's first voivodeship) — one voivodeship's
 * deadlines that ask for a document: for each, who
 * uploaded it (when, the file, its SHA-256, a download) and who has not, as the API lists them (the parties
 * of that voivodeship only; the download is checked again by the API).
 */

type Loaded = { own: TOwnAccountResponse; wojewodztwo: string; deadlines: TDeliveriesResponse['deadlines'] };

export function Deliverables(props: { wojewodztwo?: string | undefined }) {
  const texts = useDeliverablesTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const [resource, retry] = useResource(
    `admin:deliverables:${props.wojewodztwo ?? ''}`,
    async (signal): Promise<Loaded> => {
      const chosen = props.wojewodztwo;
      if (chosen) {
        const [own, deliveries] = await Promise.all([getOwnAccount(signal), getDeliveries(chosen, signal)]);
        return { own, wojewodztwo: chosen, deadlines: deliveries.deadlines };
      }
      const own = await getOwnAccount(signal);
      const first = own.user.wojewodztwa[0] ?? '';
      return { own, wojewodztwo: first, deadlines: (await getDeliveries(first, signal)).deadlines };
    },
  );
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  if (resource.status !== 'ready') {
    return (
      <Titled title={texts.title}>
        <LoadingOrFailed
          heading={texts.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { own, wojewodztwo, deadlines } = resource.data;
  const when = (instant: string) => formatWarsaw(instant, t.locale);
  const name = wojewodztwoName(t, wojewodztwo);
  return (
    <Titled title={`${texts.title}: ${name}`}>
      <UserBar name={own.user.name} email={own.user.email} />
      <AdminNav current="reminders" lead={own.user.role === 'lead'} />
      <a class="back-link" href={`/admin/przypomnienia?${new URLSearchParams({ woj: wojewodztwo })}`}>
        {texts.backToReminders}
      </a>
      <h1>
        {texts.title}: {name}
      </h1>
      <p>{texts.intro}</p>
      {deadlines.length === 0 ? <p>{texts.none}</p> : null}
      {deadlines.map((deadline) => {
        const caption = `dokumenty-${deadline.id}`;
        const delivered = deadline.parties.filter((party) => party.delivered).length;
        return (
          <div key={deadline.id}>
            <h2 id={caption} lang="pl">
              {deadline.title}
            </h2>
            <p>
              {texts.document}: <span lang="pl">{deadline.documentName}</span>. {texts.dueAt}:{' '}
              <time dateTime={deadline.dueAt}>{when(deadline.dueAt)}</time>.{' '}
              <strong>{texts.count(delivered, deadline.parties.length)}</strong>
            </p>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable) */}
            <section class="table-scroll" aria-labelledby={caption} tabIndex={0}>
              <table class="table" aria-labelledby={caption}>
                <thead>
                  <tr>
                    <th scope="col">{texts.party}</th>
                    <th scope="col">{texts.state}</th>
                    <th scope="col">{texts.file}</th>
                  </tr>
                </thead>
                <tbody>
                  {deadline.parties.map((party) => (
                    <tr key={party.party}>
                      <th scope="row">
                        <span class="admin-user__name">{party.email}</span>
                        <span class="hint review-block">{texts.roles[party.role] ?? party.role}</span>
                      </th>
                      <td>
                        {party.delivered ? (
                          <strong class="tag">{texts.delivered(when(party.delivered.at))}</strong>
                        ) : (
                          <strong class="tag tag--grey">{texts.waiting}</strong>
                        )}
                      </td>
                      <td>
                        {party.delivered ? (
                          <>
                            <a
                              href={deliveryFileUrl(wojewodztwo, deadline.id, party.party)}
                              download={party.delivered.filename}
                            >
                              {texts.download(party.delivered.filename)}
                            </a>
                            <span class="hint review-block digest">{party.delivered.sha256}</span>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        );
      })}
    </Titled>
  );
}
