import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nestedInQuotes } from '../../../shared/quotes.ts';
import { formatWarsaw, formatWarsawDay } from '../../../shared/time.ts';
import '../admin/admin.css';
import type { TAdminUser } from '../../../shared/schemas/admin.ts';
import { type AdminCall, listCalls, listCards, requestSignInLink, startSession } from '../admin/api.ts';
import { CardDetail } from '../admin/card-detail.tsx';
import {
  rememberReturn,
  returnPath,
  Titled,
  takeReturn,
  UserBar,
  useSignInWhenSignedOut,
} from '../admin/session.tsx';
import { adminTexts, useAdminTexts } from '../admin/texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import type { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';

/** The route loader waits for the panel's texts in the current language, so the page never shows a mix. */
export const textsReady = adminTexts.load;

/**
 * /admin — the coordinators' panel: signing in by e-mailed link (/admin/logowanie, the link's token in
 * the fragment), the cards of a call and voivodeship (/admin), one card (/admin/karty/<call>/<teryt>),
 * and the page after signing out (/admin/wylogowano). Announcing a call (/admin/nabory/nowy) is a page of
 * its own, admin-new-call.tsx. The session is an HttpOnly cookie: the pages know
 * they are signed out when the API answers 401.
 */
export default function AdminPage(props: { section?: string; callId?: string; teryt?: string }) {
  const { t } = useI18n();
  if (props.section === undefined) return <CardList />;
  if (props.section === 'logowanie' && !props.callId) return <SignIn />;
  if (props.section === 'wylogowano' && !props.callId) return <SignedOut />;
  if (props.section === 'karty' && props.callId && props.teryt)
    return <CardDetail callId={props.callId} teryt={props.teryt} />;
  return (
    <Titled title={t.notFound.title}>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
    </Titled>
  );
}

/** The link's token, taken out of the address at once so it stays in no history entry or bookmark. */
function takeToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  if (!token) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type SignInState =
  | {
      step: 'form';
      linkInvalid?: boolean;
      signedInAs?: TAdminUser;
      fieldError?: boolean;
      error?: ApiError;
      busy?: boolean;
    }
  | { step: 'sent'; email: string }
  | { step: 'confirm'; token: string; busy?: boolean; error?: ApiError };

function SignIn() {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [state, setState] = useState<SignInState>({ step: 'form' });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const back = returnPath(query.powrot);

  useEffect(() => {
    const takeLink = () => {
      const token = takeToken();
      if (token) setState({ step: 'confirm', token });
    };
    takeLink();
    // A link opened in a tab already showing this page changes only the fragment: no reload, so listen.
    addEventListener('hashchange', takeLink);
    return () => removeEventListener('hashchange', takeLink);
  }, []);

  useLayoutEffect(() => {
    if (state.step === 'sent') focusHeading(headingRef.current);
    if (state.step === 'form' && state.fieldError) inputRef.current?.focus();
  }, [state]);

  if (state.step === 'confirm') {
    /*
     * The token is exchanged only when the coordinator presses the button: mail scanners that open links
     * (and run their pages) before the coordinator does would otherwise use up the single-use token.
     * A failure other than a dead link keeps the token, so the button can simply be pressed again.
     */
    const exchange = () => {
      if (state.busy) return;
      setState({ step: 'confirm', token: state.token, busy: true });
      const enter = () => route(back ?? takeReturn() ?? '/admin', true);
      startSession(state.token).then(enter, (error: ApiError) => {
        if (error.code !== 'LINK_INVALID' && error.code !== 'VALIDATION_FAILED') {
          setState({ step: 'confirm', token: state.token, error });
          return;
        }
        // A used link pressed again (a second tab, the e-mail opened twice) while signed in here: said, with
        // who is signed in (on a shared computer it may be someone else) and the way to the panel.
        listCalls().then(
          ({ user }) => setState({ step: 'form', linkInvalid: true, signedInAs: user }),
          () => setState({ step: 'form', linkInvalid: true }),
        );
      });
    };
    return (
      <Titled title={texts.signIn.title}>
        <h1>{texts.signIn.title}</h1>
        {state.error ? (
          <div class="notice notice--error" role="alert">
            <p class="notice__title">{texts.signIn.exchangeFailed}</p>
            <p>{t.errors[state.error.code]}</p>
          </div>
        ) : null}
        <p>{texts.signIn.confirmIntro}</p>
        <p role="status" class="visually-hidden">
          {state.busy ? texts.signIn.checking : ''}
        </p>
        <button type="button" class="button" aria-disabled={state.busy ? true : undefined} onClick={exchange}>
          {state.busy ? texts.signIn.checking : texts.signIn.confirm}
        </button>
      </Titled>
    );
  }
  if (state.step === 'sent') {
    return (
      <Titled title={texts.signIn.sentTitle}>
        <h1 ref={headingRef}>{texts.signIn.sentTitle}</h1>
        <p>{texts.signIn.sent(state.email)}</p>
        <p>{texts.signIn.sentHint}</p>
        <button type="button" class="button button--secondary" onClick={() => setState({ step: 'form' })}>
          {texts.signIn.again}
        </button>
      </Titled>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    if (state.busy) return;
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email') ?? '').trim();
    if (!EMAIL.test(email)) {
      setState({ step: 'form', fieldError: true });
      return;
    }
    setState({ step: 'form', busy: true });
    rememberReturn(back);
    requestSignInLink(email).then(
      () => setState({ step: 'sent', email }),
      (error: ApiError) =>
        setState(
          error.code === 'VALIDATION_FAILED' ? { step: 'form', fieldError: true } : { step: 'form', error },
        ),
    );
  };

  return (
    <Titled title={state.fieldError ? `${texts.errorPrefix} ${texts.signIn.title}` : texts.signIn.title}>
      <h1>{texts.signIn.title}</h1>
      {back && !state.linkInvalid ? (
        <div class="notice" role="status">
          <p>{texts.signIn.signInToContinue}</p>
        </div>
      ) : null}
      {state.linkInvalid ? (
        <div class="notice notice--error" role="alert">
          <p>{texts.signIn.linkInvalid}</p>
          {state.signedInAs ? (
            <p>
              {texts.panel.signedInAs(state.signedInAs.name, state.signedInAs.email)}{' '}
              <a href={back ?? '/admin'}>{texts.signIn.toPanel}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {state.error ? (
        <ErrorNotice
          title={texts.signIn.failed}
          error={state.error}
          onRetry={() => setState({ step: 'form' })}
        />
      ) : null}
      <p>{texts.signIn.intro}</p>
      <form method="post" action="/admin/logowanie" noValidate onSubmit={submit}>
        <div class={state.fieldError ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="f-email">
            {texts.signIn.email}
          </label>
          <p class="hint" id="f-email-hint">
            {texts.signIn.emailHint}
          </p>
          {state.fieldError ? (
            <p class="error-message" id="f-email-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {texts.signIn.badEmail}
            </p>
          ) : null}
          <input
            ref={inputRef}
            class={state.fieldError ? 'input input--error' : 'input'}
            id="f-email"
            name="email"
            type="email"
            autoComplete="email"
            spellcheck={false}
            aria-describedby={state.fieldError ? 'f-email-hint f-email-error' : 'f-email-hint'}
            aria-invalid={state.fieldError ? true : undefined}
          />
        </div>
        <button type="submit" class="button" aria-disabled={state.busy ? true : undefined}>
          {state.busy ? texts.signIn.sending : texts.signIn.submit}
        </button>
      </form>
    </Titled>
  );
}

function SignedOut() {
  const texts = useAdminTexts();
  return (
    <Titled title={texts.signIn.signedOutTitle}>
      <h1>{texts.signIn.signedOutTitle}</h1>
      <p>{texts.signIn.signedOut}</p>
      <p>
        <a href="/admin/logowanie">{texts.signIn.signInAgain}</a>
      </p>
    </Titled>
  );
}

function CardList() {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { query, route } = useLocation();
  const [calls, retry] = useResource('admin:calls', (signal) => listCalls(signal));
  const signingIn = useSignInWhenSignedOut(calls.status === 'error' ? calls.error : undefined);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The list of calls is read from an index, which can lag a moment behind a call just announced: asked
  // again (three times at most, a second apart) rather than showing another call in its place.
  const askedAgain = useRef(0);
  const missing =
    calls.status === 'ready' &&
    query.ogloszono === '1' &&
    !calls.data.calls.some((call) => call.id === query.nabor);
  useEffect(() => {
    if (!missing || askedAgain.current >= 3) return;
    askedAgain.current += 1;
    const timer = setTimeout(retry, 1000);
    return () => clearTimeout(timer);
  }, [calls]);

  const heading = <h1 ref={headingRef}>{texts.panel.title}</h1>;
  if (calls.status !== 'ready') {
    return (
      <Titled title={texts.panel.title}>
        {heading}
        <p role="status">{calls.status === 'loading' || signingIn ? texts.panel.loading : ''}</p>
        {calls.status === 'error' && !signingIn ? (
          <ErrorNotice
            title={texts.panel.loadFailed}
            error={calls.error}
            onRetry={() => {
              focusHeading(headingRef.current);
              retry();
            }}
          />
        ) : null}
      </Titled>
    );
  }

  const { user } = calls.data;
  const list = calls.data.calls;
  const chosenCall = list.find((call) => call.id === query.nabor) ?? list[0];
  const announced = query.ogloszono === '1' && chosenCall?.id === query.nabor ? chosenCall : undefined;
  const chosenWojewodztwo =
    chosenCall?.wojewodztwa.find((code) => code === query.woj) ?? chosenCall?.wojewodztwa[0];
  return (
    <Titled title={texts.panel.title}>
      <UserBar name={user.name} email={user.email} />
      {heading}
      <p>
        <a href="/admin/nabory/nowy">{texts.panel.announce}</a>
      </p>
      {announced ? <Announced call={announced} /> : null}
      {chosenCall && chosenWojewodztwo ? (
        <>
          <ChooseCall
            key={`${chosenCall.id}|${chosenWojewodztwo}`}
            calls={list}
            callId={chosenCall.id}
            wojewodztwo={chosenWojewodztwo}
            onChoose={(callId, wojewodztwo) =>
              route(`/admin?${new URLSearchParams({ nabor: callId, woj: wojewodztwo })}`)
            }
          />
          <CardsTable
            call={chosenCall}
            wojewodztwo={chosenWojewodztwo}
            wojewodztwoLabel={wojewodztwoName(t, chosenWojewodztwo)}
            pageToken={query.strona}
            pageNumber={Number(query.nr) > 1 ? Number(query.nr) : 1}
            returnedFrom={query.karta}
          />
        </>
      ) : (
        <p>{texts.panel.noCalls}</p>
      )}
    </Titled>
  );
}

/**
 * Said once the call is stored (the form comes here only then), with where gminas will find it. It takes the
 * focus: a status region that appears with its text already in it is often not read out.
 */
function Announced(props: { call: AdminCall }) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => ref.current?.focus(), []);
  const { call } = props;
  return (
    <div class="notice" tabIndex={-1} ref={ref}>
      <p>
        {texts.panel.announced(
          call.opensAt <= new Date().toISOString() ? undefined : formatWarsawDay(call.opensAt, t.locale),
        )}{' '}
        <a href={`/nabory/${encodeURIComponent(call.id)}`}>{texts.panel.callPage}</a>
      </p>
    </div>
  );
}

/** Where a call stands (by the browser's clock: only what the list says, the API decides the rest). */
function phaseOf(call: AdminCall, now: string): 'open' | 'closed' | 'upcoming' {
  return call.closesAt <= now ? 'closed' : call.opensAt <= now ? 'open' : 'upcoming';
}

function ChooseCall(props: {
  calls: AdminCall[];
  callId: string;
  wojewodztwo: string;
  onChoose: (callId: string, wojewodztwo: string) => void;
}) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const [callId, setCallId] = useState(props.callId);
  const now = new Date().toISOString();
  const call = props.calls.find((item) => item.id === callId) ?? props.calls[0];
  const wojewodztwa = call?.wojewodztwa ?? [];
  return (
    <form
      class="admin-choose"
      method="get"
      action="/admin"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        props.onChoose(String(data.get('nabor')), String(data.get('woj')));
      }}
    >
      <fieldset class="admin-choose__fields">
        <legend class="label">{texts.panel.choose}</legend>
        <div class="form-group">
          <label class="label" for="f-nabor">
            {texts.panel.call}
          </label>
          <select
            class="select"
            id="f-nabor"
            name="nabor"
            value={callId}
            onChange={(event) => setCallId(event.currentTarget.value)}
          >
            {props.calls.map((item) => {
              const phase = phaseOf(item, now);
              const day = formatWarsawDay(phase === 'upcoming' ? item.opensAt : item.closesAt, t.locale);
              return (
                // Calls are named in Polish whatever the panel's language (the title is most of the text).
                <option key={item.id} value={item.id} lang="pl">
                  {texts.panel.callOption(item.title, phase, day)}
                </option>
              );
            })}
          </select>
        </div>
        <div class="form-group">
          <label class="label" for="f-woj">
            {texts.panel.wojewodztwo}
          </label>
          <select
            class="select"
            id="f-woj"
            name="woj"
            key={callId}
            defaultValue={wojewodztwa.includes(props.wojewodztwo) ? props.wojewodztwo : wojewodztwa[0]}
          >
            {wojewodztwa.map((code) => (
              <option key={code} value={code}>
                {wojewodztwoName(t, code)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button">
        {texts.panel.show}
      </button>
    </form>
  );
}

function CardsTable(props: {
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
