import { nestedInQuotes } from '../../../shared/quotes.ts';
import { REVIEW_STATUSES } from '../../../shared/review/statuses.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { getDashboard } from './api.ts';
import { useReviewTexts } from './review-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/zestawienie/<callId> — the lead ROPS's overview of a call: every voivodeship they see side by side,
 * cards per review status, selected and on reserve. A voivodeship is a row (16 at most), the statuses are
 * columns, so at 320 px the table scrolls on its own.
 */
export function Dashboard(props: { callId: string }) {
  const texts = useReviewTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const [dashboard, retry] = useResource(`admin:dashboard:${props.callId}`, (signal) =>
    getDashboard(props.callId, signal),
  );
  const signingIn = useSignInWhenSignedOut(dashboard.status === 'error' ? dashboard.error : undefined);
  const back = (
    <a class="back-link" href={`/admin?${new URLSearchParams({ nabor: props.callId })}`}>
      {texts.ranking.backToList}
    </a>
  );
  if (dashboard.status !== 'ready') {
    return (
      <Titled title={texts.dashboard.title}>
        {back}
        <LoadingOrFailed
          heading={texts.dashboard.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={dashboard.status === 'error' ? dashboard.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { data } = dashboard;
  const number = new Intl.NumberFormat(t.locale);
  const sum = (pick: (row: (typeof data.wojewodztwa)[number]) => number) =>
    number.format(data.wojewodztwa.reduce((total, row) => total + pick(row), 0));
  return (
    <Titled title={texts.dashboard.title}>
      <UserBar />
      {back}
      <h1>{texts.dashboard.title}</h1>
      <p>{texts.dashboard.intro}</p>
      <h2 id="dashboard-caption" class="table__caption">
        {texts.dashboard.call}: <span lang="pl">{nestedInQuotes(data.callTitle)}</span>
      </h2>
      <div class="table-scroll">
        <table class="table review-dashboard" aria-labelledby="dashboard-caption">
          <thead>
            <tr>
              <th scope="col">{texts.dashboard.wojewodztwo}</th>
              <th scope="col">{texts.dashboard.cards}</th>
              {REVIEW_STATUSES.map((status) => (
                <th scope="col" key={status}>
                  {texts.statuses[status]}
                </th>
              ))}
              <th scope="col">{texts.dashboard.selected}</th>
              <th scope="col">{texts.dashboard.reserve}</th>
            </tr>
          </thead>
          <tbody>
            {data.wojewodztwa.map((row) => (
              <tr key={row.wojewodztwo}>
                <th scope="row">
                  <a href={`/admin?${new URLSearchParams({ nabor: props.callId, woj: row.wojewodztwo })}`}>
                    {wojewodztwoName(t, row.wojewodztwo)}
                  </a>
                </th>
                <td class="table__number">{number.format(row.cards)}</td>
                {REVIEW_STATUSES.map((status) => (
                  <td class="table__number" key={status}>
                    {number.format(row.byStatus[status] ?? 0)}
                  </td>
                ))}
                <td class="table__number">{number.format(row.selected)}</td>
                <td class="table__number">{number.format(row.reserve)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{texts.card.total}</th>
              <td class="table__number">{sum((row) => row.cards)}</td>
              {REVIEW_STATUSES.map((status) => (
                <td class="table__number" key={status}>
                  {sum((row) => row.byStatus[status] ?? 0)}
                </td>
              ))}
              <td class="table__number">{sum((row) => row.selected)}</td>
              <td class="table__number">{sum((row) => row.reserve)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </Titled>
  );
}
