import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { GMINA_KINDS } from '../../../shared/gmina-kinds.ts';
import { nestedInQuotes } from '../../../shared/quotes.ts';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../shared/review/statuses.ts';
import type { CardChannel } from '../../../shared/schemas/review-lists.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { type AdminCall, type CardFilters, listCards } from './api.ts';
import { powiatyOf } from './powiaty.ts';
import { CARD_LIST_SORTS } from './review-steps.ts';
import { useReviewTexts } from './review-texts.ts';
import { useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** The list's filters as the panel's address names them (Back and a shared link bring them back). */
export const FILTER_PARAMS = {
  status: 'status',
  powiat: 'powiat',
  kind: 'rodzaj',
  sort: 'kolejnosc',
  q: 'szukaj',
} as const satisfies Record<keyof CardFilters, string>;

export function filtersOf(query: Record<string, string | undefined>): CardFilters {
  const filters: CardFilters = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS)) {
    const value = query[param]?.trim();
    if (value) filters[name as keyof CardFilters] = value;
  }
  return filters;
}

/** The address's part for the filters in use, in a fixed order. */
export function filterQuery(filters: CardFilters): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, param] of Object.entries(FILTER_PARAMS)) {
    const value = filters[name as keyof CardFilters];
    if (value) query[param] = value;
  }
  return query;
}

/** The cards of one call in one voivodeship, a page at a time, each linking to the card's screen. */
export function CardList(props: {
  call: AdminCall;
  wojewodztwo: string;
  wojewodztwoLabel: string;
  pageToken: string | undefined;
  pageNumber: number;
  filters: CardFilters;
  /**
   * The TERYT of the card the coordinator came back from: its row takes the focus (and is scrolled to),
   * unless the coordinator has moved the focus on while the list loaded.
   */
  returnedFrom?: string | undefined;
}) {
  const texts = useAdminTexts();
  const review = useReviewTexts();
  const { t } = useI18n();
  const { call, wojewodztwo, pageToken, filters } = props;
  const filtered = filterQuery(filters);
  const key = `admin:cards:${call.id}:${wojewodztwo}:${new URLSearchParams(filtered)}:${pageToken ?? ''}`;
  const [page, retry] = useResource(key, (signal) =>
    listCards({ callId: call.id, wojewodztwo, pageToken, filters }, signal),
  );
  useSignInWhenSignedOut(page.status === 'error' ? page.error : undefined);
  const base = { nabor: call.id, woj: wojewodztwo, ...filtered };
  // The status filter's counts, kept while the next list loads.
  const counts = useRef<Record<string, number>>({});
  if (page.status === 'ready') counts.current = page.data.counts;
  const sectionRef = useRef<HTMLElement>(null);
  const openedWith = useRef(key);
  const chosen = useRef(false);
  if (key !== openedWith.current) chosen.current = true;

  /*
   * Another call, voivodeship or page changes only the query string: the router keeps this component and
   * the focus would stay on a link or button that is gone. Once the chosen cards are in, the focus goes to
   * the list, whose name says what it now shows; the list the page opened with leaves the focus alone
   * (even when it arrives after the coordinator has already asked for another).
   */
  useLayoutEffect(() => {
    if (page.status !== 'ready') return;
    if (chosen.current) sectionRef.current?.focus();
    // Only while the focus is where the page put it (the heading, or nowhere): not if they moved on.
    else if (props.returnedFrom && /^(BODY|MAIN|H1)$/.test(document.activeElement?.tagName ?? 'BODY'))
      document.getElementById(`card-${props.returnedFrom}`)?.focus();
  }, [page]);
  // A card opened from this page comes back to this page (with its filters), and to its row.
  const listQuery: Record<string, string> = {
    ...filtered,
    ...(pageToken ? { strona: pageToken, nr: String(props.pageNumber) } : {}),
  };
  const filterForm = (
    <Filters key={key} call={call} wojewodztwo={wojewodztwo} filters={filters} counts={counts.current} />
  );

  // Always in the page, so that what it says on each change is announced.
  const status = (
    <p role="status" class="visually-hidden">
      {page.status === 'loading'
        ? texts.panel.loading
        : page.status === 'ready'
          ? texts.panel.listed(page.data.cards.length, props.pageNumber)
          : ''}
    </p>
  );
  if (page.status === 'loading') {
    return (
      <>
        {filterForm}
        {status}
        <p aria-hidden="true">{texts.panel.loading}</p>
      </>
    );
  }
  if (page.status === 'error') {
    return (
      <>
        {filterForm}
        {status}
        {/* A page token the API refuses (mistyped, or for another voivodeship) would be refused again. */}
        {page.error.code === 'VALIDATION_FAILED' && pageToken ? (
          <div class="notice notice--error" role="alert">
            <p>
              {texts.panel.stalePage}{' '}
              <a href={`/admin?${new URLSearchParams(base)}`}>{texts.panel.firstPage}</a>
            </p>
          </div>
        ) : (
          <ErrorNotice title={texts.panel.loadFailed} error={page.error} onRetry={retry} />
        )}
      </>
    );
  }
  const { cards, nextPageToken, total } = page.data;
  const number = new Intl.NumberFormat(t.locale);
  const caption = texts.panel.caption(
    <span lang="pl">{nestedInQuotes(call.title)}</span>,
    props.wojewodztwoLabel,
  );
  return (
    <>
      {filterForm}
      {status}
      <section aria-labelledby="cards-caption" tabIndex={-1} ref={sectionRef}>
        {/* The table's name, outside the part that scrolls sideways: as its caption it was cut off at 320 px. */}
        <h2 id="cards-caption" class="table__caption">
          {caption}
          {props.pageNumber > 1 ? `, ${texts.panel.pageCaption(props.pageNumber)}` : ''}
        </h2>
        <p>{review.list.total(total)}</p>
        {cards.length === 0 ? (
          <p>{texts.panel.empty}</p>
        ) : (
          // Scrolls on its own at 320 px (WCAG 1.4.10) instead of the page; its links keep it keyboard-reachable.
          <div class="table-scroll">
            <table class="table" aria-labelledby="cards-caption">
              <thead>
                <tr>
                  <th scope="col">{texts.panel.gmina}</th>
                  <th scope="col">{texts.panel.powiat}</th>
                  <th scope="col">{texts.panel.kind}</th>
                  <th scope="col">{texts.panel.submittedAt}</th>
                  <th scope="col">{texts.panel.reference}</th>
                  <th scope="col">{texts.panel.status}</th>
                  <th scope="col">{review.list.reviewStatus}</th>
                  <th scope="col">{review.list.score}</th>
                  <th scope="col">{review.list.channel}</th>
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr key={card.teryt}>
                    <th scope="row">
                      <a
                        id={`card-${card.teryt}`}
                        href={`/admin/karty/${encodeURIComponent(call.id)}/${card.teryt}${Object.keys(listQuery).length ? `?${new URLSearchParams(listQuery)}` : ''}`}
                      >
                        {card.gminaName}
                      </a>
                    </th>
                    <td>{card.powiatName}</td>
                    <td>{texts.kinds[card.kind]}</td>
                    <td>
                      <time dateTime={card.submittedAt}>{formatWarsaw(card.submittedAt, t.locale)}</time>
                    </td>
                    <td class="table__code">{card.reference}</td>
                    <td>{texts.statuses[card.status]}</td>
                    <td>{review.statuses[card.reviewStatus as ReviewStatus] ?? card.reviewStatus}</td>
                    <td class="table__number">
                      {card.scoreTotal === undefined
                        ? review.list.none
                        : `${number.format(card.scoreTotal)}${card.scoreComplete ? '' : ` (${review.list.incomplete})`}`}
                    </td>
                    <td>{review.channels[card.channel as CardChannel] ?? card.channel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {props.pageNumber > 1 || nextPageToken ? (
          <nav class="admin-pages" aria-label={texts.panel.pages}>
            {props.pageNumber > 1 ? (
              <a href={`/admin?${new URLSearchParams(base)}`}>{texts.panel.firstPage}</a>
            ) : null}
            {nextPageToken ? (
              <a
                href={`/admin?${new URLSearchParams({ ...base, strona: nextPageToken, nr: String(props.pageNumber + 1) })}`}
              >
                {texts.panel.nextPage}
              </a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}

/**
 * The list's filters, order and search: a GET form whose values go into the address (so Back returns to
 * the list as it was filtered); the status options count the cards under the other filters.
 */
function Filters(props: {
  call: AdminCall;
  wojewodztwo: string;
  filters: CardFilters;
  counts: Record<string, number>;
}) {
  const texts = useAdminTexts();
  const review = useReviewTexts();
  const { route } = useLocation();
  const [powiaty, setPowiaty] = useState<[string, string][]>([]);
  useEffect(() => {
    const controller = new AbortController();
    powiatyOf(props.wojewodztwo, controller.signal).then(setPowiaty, () => {
      // Without the register the powiat filter offers only "all"; the rest works.
    });
    return () => controller.abort();
  }, [props.wojewodztwo]);
  const { filters } = props;
  const base = { nabor: props.call.id, woj: props.wojewodztwo };
  return (
    <form
      class="admin-filters"
      method="get"
      action="/admin"
      aria-labelledby="filters-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const chosen: CardFilters = {};
        for (const name of Object.keys(FILTER_PARAMS) as (keyof CardFilters)[]) {
          const value = String(data.get(FILTER_PARAMS[name]) ?? '').trim();
          if (value) chosen[name] = value;
        }
        route(`/admin?${new URLSearchParams({ ...base, ...filterQuery(chosen) })}`);
      }}
    >
      <h2 id="filters-heading" class="admin-filters__heading">
        {review.list.filters}
      </h2>
      <input type="hidden" name="nabor" value={props.call.id} />
      <input type="hidden" name="woj" value={props.wojewodztwo} />
      <div class="admin-filters__fields">
        <div class="form-group">
          <label class="label" for="f-status">
            {review.list.status}
          </label>
          <select
            class="select"
            id="f-status"
            name={FILTER_PARAMS.status}
            defaultValue={filters.status ?? ''}
          >
            <option value="">{review.list.anyStatus}</option>
            {REVIEW_STATUSES.map((status) => (
              <option key={status} value={status}>
                {props.counts[status] === undefined
                  ? review.statuses[status]
                  : review.list.statusOption(review.statuses[status], props.counts[status] ?? 0)}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-powiat">
            {review.list.powiat}
          </label>
          <select
            class="select"
            id="f-powiat"
            name={FILTER_PARAMS.powiat}
            defaultValue={filters.powiat ?? ''}
            key={powiaty.length}
          >
            <option value="">{review.list.anyPowiat}</option>
            {powiaty.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-kind">
            {review.list.kind}
          </label>
          <select class="select" id="f-kind" name={FILTER_PARAMS.kind} defaultValue={filters.kind ?? ''}>
            <option value="">{review.list.anyKind}</option>
            {GMINA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {texts.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-sort">
            {review.list.sort}
          </label>
          <select class="select" id="f-sort" name={FILTER_PARAMS.sort} defaultValue={filters.sort ?? 'sent'}>
            {CARD_LIST_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {review.list.sorts[sort]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-q">
            {review.list.search}
          </label>
          <p class="hint" id="f-q-hint">
            {review.list.searchHint}
          </p>
          <input
            class="input input--medium"
            id="f-q"
            name={FILTER_PARAMS.q}
            type="search"
            autoComplete="off"
            aria-describedby="f-q-hint"
            defaultValue={filters.q ?? ''}
          />
        </div>
      </div>
      <div class="button-group">
        <button type="submit" class="button">
          {review.list.apply}
        </button>
        {Object.keys(filterQuery(filters)).length > 0 ? (
          <a href={`/admin?${new URLSearchParams(base)}`}>{review.list.clear}</a>
        ) : null}
      </div>
    </form>
  );
}
