import { useLayoutEffect, useRef } from 'preact/hooks';
import { nestedInQuotes } from '../../../shared/quotes.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { type AdminCall, listCards } from './api.ts';
import { useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** The cards of one call in one voivodeship, a page at a time, each linking to the card's screen. */
export function CardList(props: {
  call: AdminCall;
  wojewodztwo: string;
  wojewodztwoLabel: string;
  pageToken: string | undefined;
  pageNumber: number;
  /**
   * The TERYT of the card the coordinator came back from: its row takes the focus (and is scrolled to),
   * unless the coordinator has moved the focus on while the list loaded.
   */
  returnedFrom?: string | undefined;
}) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { call, wojewodztwo, pageToken } = props;
  const key = `admin:cards:${call.id}:${wojewodztwo}:${pageToken ?? ''}`;
  const [page, retry] = useResource(key, (signal) =>
    listCards({ callId: call.id, wojewodztwo, pageToken }, signal),
  );
  useSignInWhenSignedOut(page.status === 'error' ? page.error : undefined);
  const base = { nabor: call.id, woj: wojewodztwo };
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
  // A card opened from this page comes back to this page, and to its row.
  const listQuery: Record<string, string> = pageToken
    ? { strona: pageToken, nr: String(props.pageNumber) }
    : {};

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
        {status}
        <p aria-hidden="true">{texts.panel.loading}</p>
      </>
    );
  }
  if (page.status === 'error') {
    return (
      <>
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
  const { cards, nextPageToken } = page.data;
  const caption = texts.panel.caption(
    <span lang="pl">{nestedInQuotes(call.title)}</span>,
    props.wojewodztwoLabel,
  );
  return (
    <>
      {status}
      <section aria-labelledby="cards-caption" tabIndex={-1} ref={sectionRef}>
        {/* The table's name, outside the part that scrolls sideways: as its caption it was cut off at 320 px. */}
        <h2 id="cards-caption" class="table__caption">
          {caption}
          {props.pageNumber > 1 ? `, ${texts.panel.pageCaption(props.pageNumber)}` : ''}
        </h2>
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
                </tr>
              </thead>
              <tbody>
                {cards.map((card) => (
                  <tr key={card.teryt}>
                    <th scope="row">
                      <a
                        id={`card-${card.teryt}`}
                        href={`/admin/karty/${encodeURIComponent(call.id)}/${card.teryt}${pageToken ? `?${new URLSearchParams(listQuery)}` : ''}`}
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
