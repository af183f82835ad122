import type { TAdminCardRow } from '../../../shared/schemas/admin.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { type Agreement, listAgreements } from './agreement-api.ts';
import {
  AgreementErrors,
  AgreementFailure,
  AgreementState,
  KindChoice,
  PartyState,
  useGenerate,
} from './agreement-parts.tsx';
import { useAgreementTexts } from './agreement-texts.ts';
import { listCards } from './api.ts';
import { Saved, useRereadable } from './review-form.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/porozumienia/<callId>?woj=NN — the agreements of a call in one voivodeship: every card selected
 * for the project (and every agreement made, whatever its card has become since) with where its agreement
 * stands and each party's step, overdue ones tagged; an agreement prepared here for a card without one.
 */
interface Row {
  teryt: string;
  gminaName: string;
  agreement?: Agreement;
}

/** Every selected card of the call in the voivodeship, page by page (a few dozen at most). */
async function selectedCards(callId: string, wojewodztwo: string, signal: AbortSignal) {
  const cards: TAdminCardRow[] = [];
  let pageToken: string | undefined;
  do {
    const page = await listCards(
      { callId, wojewodztwo, pageToken, filters: { status: 'selected', sort: 'name' } },
      signal,
    );
    cards.push(...page.cards);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return cards;
}

export function Agreements(props: { callId: string; wojewodztwo: string }) {
  const texts = useAgreementTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { callId, wojewodztwo } = props;
  const data = useRereadable(`admin:agreements:${callId}:${wojewodztwo}`, (signal) =>
    Promise.all([
      listAgreements(callId, wojewodztwo, signal),
      selectedCards(callId, wojewodztwo, signal),
    ]).then(([list, cards]) => ({ list, cards })),
  );
  const { shown, resource } = data;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  const generation = useGenerate({
    callId,
    kind: shown?.list.kind,
    onDone: (agreement) => data.reread(texts.generated(agreement.gminaName)),
  });
  const title = `${texts.listTitle} — ${wojewodztwoName(t, wojewodztwo)}`;
  const back = (
    <a class="back-link" href={`/admin?${new URLSearchParams({ nabor: callId, woj: wojewodztwo })}`}>
      {texts.backToList}
    </a>
  );
  if (!shown) {
    const forbidden = resource.status === 'error' && resource.error.code === 'FORBIDDEN';
    return (
      <Titled title={forbidden ? texts.forbiddenTitle : title}>
        {back}
        <LoadingOrFailed
          heading={forbidden ? texts.forbiddenTitle : title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={data.retry}
          answer={forbidden ? <p>{texts.forbidden}</p> : undefined}
          waiting={signingIn}
        />
      </Titled>
    );
  }

  const byTeryt = new Map<string, Row>();
  for (const card of shown.cards) byTeryt.set(card.teryt, { teryt: card.teryt, gminaName: card.gminaName });
  for (const agreement of shown.list.agreements)
    byTeryt.set(agreement.teryt, { teryt: agreement.teryt, gminaName: agreement.gminaName, agreement });
  const rows = [...byTeryt.values()].sort((a, b) => a.gminaName.localeCompare(b.gminaName, 'pl'));
  const withoutAgreement = rows.some((row) => !row.agreement);
  const { write } = generation;
  const agreementHref = (teryt: string) =>
    `/admin/porozumienia/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}`;

  return (
    <Titled title={title}>
      <UserBar />
      {back}
      <h1>{title}</h1>
      <p>{texts.listIntro(wojewodztwoName(t, wojewodztwo))}</p>
      <p role="status" class="visually-hidden">
        {resource.status === 'loading' ? admin.panel.loading : write.state.busy ? texts.generating : ''}
      </p>
      <Saved text={data.saved} stamp={resource} onRetry={data.retry} />
      <AgreementErrors state={write.state} ids={['f-kind-two-party']} />
      <AgreementFailure
        failure={write.state.failure}
        onReload={data.retry}
        onRetry={() => write.refuse({})}
      />
      {rows.length === 0 ? (
        <p>{texts.empty}</p>
      ) : (
        <>
          {withoutAgreement ? (
            <KindChoice
              kind={shown.list.kind}
              chosen={generation.chosen}
              onChoose={generation.setChosen}
              error={write.state.errors['f-kind-two-party']}
            />
          ) : null}
          <p>{texts.counted(rows.length)}</p>
          <h2 id="agreements-caption" class="table__caption">
            {texts.listTitle}
          </h2>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable) */}
          <section class="table-scroll" aria-labelledby="agreements-caption" tabIndex={0}>
            <table class="table" aria-labelledby="agreements-caption">
              <thead>
                <tr>
                  <th scope="col">{texts.gmina}</th>
                  <th scope="col">{texts.agreementStatus}</th>
                  <th scope="col">{texts.parties}</th>
                  <th scope="col">{texts.action}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ teryt, gminaName, agreement }) => (
                  <tr key={teryt}>
                    <th scope="row">
                      {agreement ? <a href={agreementHref(teryt)}>{gminaName}</a> : gminaName}
                    </th>
                    <td>{agreement ? <AgreementState agreement={agreement} /> : texts.notGenerated}</td>
                    <td>
                      {agreement ? (
                        <ul class="agreement-parties">
                          {agreement.parties.map((party) => (
                            <li key={party.role}>
                              <span lang="pl">{party.name}</span>:{' '}
                              <PartyState agreement={agreement} party={party} />
                            </li>
                          ))}
                        </ul>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {agreement ? null : (
                        <button
                          type="button"
                          class="button button--small"
                          aria-disabled={write.state.busy ? true : undefined}
                          onClick={() => generation.generate(teryt)}
                        >
                          {texts.generateFor(gminaName)}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </Titled>
  );
}
