import { useState } from 'preact/hooks';
import { nestedInQuotes } from '../../../shared/quotes.ts';
import type { ReviewStatus } from '../../../shared/review/statuses.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { getRanking, getRules, listCalls } from './api.ts';
import { useReviewTexts } from './review-texts.ts';
import { Titled, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/protokol/<callId>?woj=NN — the ranking protocol to print (or save as PDF from the print dialog):
 * the call, the rule set with each criterion's maximum, the seats, every ranked card's points and where it
 * stands, the date and who prepared it. On paper only the protocol shows (admin.css, @media print).
 */
export function Protocol(props: { callId: string; wojewodztwo: string }) {
  const texts = useReviewTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { callId, wojewodztwo } = props;
  const [data, retry] = useResource(`admin:protocol:${callId}:${wojewodztwo}`, (signal) =>
    Promise.all([
      listCalls(signal),
      getRanking(callId, wojewodztwo, signal),
      getRules(callId, wojewodztwo, signal),
    ]).then(([calls, ranking, rules]) => ({ calls, ranking, rules })),
  );
  const signingIn = useSignInWhenSignedOut(data.status === 'error' ? data.error : undefined);
  // The moment the protocol was drawn up: fixed for the page, not each render.
  const [preparedAt] = useState(() => new Date().toISOString());
  const back = (
    <a class="back-link" href={`/admin?${new URLSearchParams({ nabor: callId, woj: wojewodztwo })}`}>
      {texts.ranking.backToList}
    </a>
  );
  if (data.status !== 'ready') {
    return (
      <Titled title={texts.protocol.title}>
        {back}
        <LoadingOrFailed
          heading={texts.protocol.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={data.status === 'error' ? data.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { calls, ranking, rules } = data.data;
  const call = calls.calls.find((item) => item.id === callId);
  const { user } = calls;
  const number = new Intl.NumberFormat(t.locale);
  const maxOf = (criterion: (typeof rules.rules.criteria)[number]) =>
    criterion.kind === 'computed'
      ? Math.max(0, ...criterion.bands.map((band) => band.points))
      : criterion.kind === 'manual'
        ? criterion.maxPoints
        : criterion.points;
  return (
    <Titled title={texts.protocol.title}>
      <div class="no-print">
        {back}
        <p>
          <button type="button" class="button" onClick={() => print()}>
            {texts.protocol.print}
          </button>
        </p>
      </div>
      <article class="protocol" aria-labelledby="protocol-title">
        <h1 id="protocol-title">{texts.protocol.title}</h1>
        <dl class="facts">
          <div class="facts__row">
            <dt>{texts.protocol.call}</dt>
            <dd lang="pl">{call ? nestedInQuotes(call.title) : callId}</dd>
          </div>
          <div class="facts__row">
            <dt>{texts.protocol.wojewodztwo}</dt>
            <dd>{wojewodztwoName(t, wojewodztwo)}</dd>
          </div>
          <div class="facts__row">
            <dt>{texts.protocol.ruleSet}</dt>
            <dd>{texts.rules.version(rules.rules.version)}</dd>
          </div>
          {ranking.settings ? (
            <div class="facts__row">
              <dt>{texts.protocol.settings}</dt>
              <dd>{texts.protocol.seatsOf(ranking.settings.seats, ranking.settings.reserveSize)}</dd>
            </div>
          ) : null}
          <div class="facts__row">
            <dt>{texts.protocol.preparedAt}</dt>
            <dd>
              <WarsawTime instant={preparedAt} />
            </dd>
          </div>
          <div class="facts__row">
            <dt>{texts.protocol.preparedBy}</dt>
            <dd>
              {user.name} ({user.email})
            </dd>
          </div>
        </dl>
        <h2 id="protocol-rules">{texts.protocol.ruleSet}</h2>
        <table class="table" aria-labelledby="protocol-rules">
          <thead>
            <tr>
              <th scope="col">{texts.protocol.criterion}</th>
              <th scope="col">{texts.rules.kind}</th>
              <th scope="col">{texts.protocol.maxPoints}</th>
            </tr>
          </thead>
          <tbody>
            {rules.rules.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row" lang="pl">
                  {criterion.label}
                </th>
                <td>{texts.rules[criterion.kind]}</td>
                <td class="table__number">{number.format(maxOf(criterion))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 id="protocol-ranking">{texts.protocol.ranking}</h2>
        <p>{texts.ranking.unscored(ranking.unscored)}</p>
        {ranking.ranked.length === 0 ? (
          <p>{texts.ranking.empty}</p>
        ) : (
          <table class="table" aria-labelledby="protocol-ranking">
            <thead>
              <tr>
                <th scope="col">{texts.ranking.position}</th>
                <th scope="col">{texts.ranking.gmina}</th>
                <th scope="col">{texts.ranking.powiat}</th>
                <th scope="col">{texts.ranking.points}</th>
                <th scope="col">{texts.ranking.proposal}</th>
                <th scope="col">{texts.ranking.status}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranked.map((card) => (
                <tr key={card.teryt}>
                  <td class="table__number">{card.position}</td>
                  <th scope="row">{card.gminaName}</th>
                  <td>{card.powiatName}</td>
                  <td class="table__number">{number.format(card.scoreTotal)}</td>
                  <td>{card.proposal ? (texts.ranking.proposals[card.proposal] ?? card.proposal) : ''}</td>
                  <td>{texts.statuses[card.status as ReviewStatus] ?? card.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p class="protocol__signature">{texts.protocol.signature}: ……………………………………</p>
      </article>
    </Titled>
  );
}
