import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useResource } from '../lib/use-resource.ts';
import {
  declineAgreement,
  getSignedAgreementLink,
  getSigningPage,
  getSigningPdf,
  MAX_UPLOAD_BYTES,
  type SigningView,
  signAgreement,
  type UploadAnswer,
  uploadSignedPdf,
} from './api.ts';
import { DocumentText } from './document-text.tsx';
import { AgreementErrorNotice, RETRYABLE } from './error-notice.tsx';
import { ErrorSummary, type SummaryError } from './error-summary.tsx';
import { useErrorMessage } from './errors.ts';
import { useAgreementTexts } from './texts.ts';
import { Titled } from './titled.tsx';

const TOKEN_KEY = 'kooperacja.porozumienie.token';

/**
 * The signing link's token (/porozumienie#t=…): in the fragment, so it never reaches a server log, and taken
 * out of the address bar at once (history, a shared screen); kept in sessionStorage for this tab, so a
 * reload still opens the agreement. Sent only as an Authorization header.
 */
function signingToken(): string | undefined {
  const fresh = new URLSearchParams(location.hash.slice(1)).get('t') ?? undefined;
  if (fresh) history.replaceState(history.state, '', location.pathname + location.search);
  try {
    if (fresh) sessionStorage.setItem(TOKEN_KEY, fresh);
    return fresh ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return fresh;
  }
}

/** Codes that mean this link opens nothing now: each gets a page of its own rather than an error notice. */
const DEAD_LINK = [
  'LINK_INVALID',
  'SIGNING_LINK_EXPIRED',
  'SIGNING_LINK_REPLACED',
  'AGREEMENT_CANCELLED',
] as const;
type DeadLink = (typeof DEAD_LINK)[number];
const isDeadLink = (code: string): code is DeadLink => (DEAD_LINK as readonly string[]).includes(code);

/** /porozumienie — a signatory's page, opened by the e-mailed link. */
export function SigningPage() {
  const texts = useAgreementTexts();
  const [token, setToken] = useState(signingToken);
  // A link opened in a tab already showing this page changes only the fragment: no reload, so listen.
  useEffect(() => {
    const onLink = () => {
      if (location.hash.startsWith('#t=')) setToken(signingToken());
    };
    addEventListener('hashchange', onLink);
    return () => removeEventListener('hashchange', onLink);
  }, []);
  if (!token) {
    return (
      <Titled title={texts.title}>
        <h1>{texts.title}</h1>
        <p>{texts.noLink}</p>
      </Titled>
    );
  }
  return <Signing key={token} token={token} />;
}

/** What the signatory just did on this page, with the API's answer. */
type Done =
  | { kind: 'signed'; view: SigningView }
  | { kind: 'declined'; view: SigningView }
  | { kind: 'uploaded'; view: UploadAnswer };

function Signing(props: { token: string }) {
  const texts = useAgreementTexts();
  const { t } = useI18n();
  const [page, retry] = useResource(`signing:${props.token}`, (signal) =>
    getSigningPage(props.token, signal),
  );
  const [done, setDone] = useState<Done>();
  const headingRef = useRef<HTMLHeadingElement>(null);

  if (page.status !== 'ready' && !done) {
    if (page.status === 'error' && isDeadLink(page.error.code)) {
      const dead = texts.deadLink[page.error.code];
      return (
        <Titled title={dead.title}>
          <h1>{dead.title}</h1>
          <p>{dead.body}</p>
        </Titled>
      );
    }
    return (
      <Titled title={texts.title}>
        <h1 ref={headingRef}>{texts.title}</h1>
        <p role="status">{page.status === 'loading' ? texts.loading : ''}</p>
        {page.status === 'error' ? (
          <AgreementErrorNotice
            title={texts.loadFailed}
            error={page.error}
            action={
              RETRYABLE.has(page.error.code)
                ? {
                    label: t.retry,
                    run: () => {
                      focusHeading(headingRef.current);
                      retry();
                    },
                  }
                : undefined
            }
          />
        ) : null}
      </Titled>
    );
  }
  const view = done?.view ?? (page.status === 'ready' ? page.data : undefined);
  if (!view) return null;
  return (
    <Agreement
      token={props.token}
      view={view}
      done={done}
      onDone={setDone}
      onReload={() => {
        setDone(undefined);
        focusHeading(headingRef.current);
        retry();
      }}
    />
  );
}

function Agreement(props: {
  token: string;
  view: SigningView;
  done: Done | undefined;
  onDone: (done: Done) => void;
  onReload: () => void;
}) {
  const { view, done } = props;
  const texts = useAgreementTexts();
  const doneRef = useRef<HTMLDivElement>(null);
  // The answer to what was just done takes the focus: the form that was pressed is gone.
  useLayoutEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const you = view.parties.find((party) => party.role === view.you.role);
  const open = view.status === 'signing' && view.yourTurn && !done;
  return (
    <Titled title={view.title}>
      {done ? (
        <div class="notice notice--success" role="status" tabIndex={-1} ref={doneRef}>
          <h2 class="notice__heading">
            {done.kind === 'signed'
              ? texts.sign.done
              : done.kind === 'declined'
                ? texts.decline.done
                : texts.upload.done}
          </h2>
          {done.kind === 'uploaded' ? <UploadResult answer={done.view} /> : null}
        </div>
      ) : null}
      <h1 lang="pl">{view.title}</h1>
      <dl class="facts">
        <div class="facts__row">
          <dt>{texts.you}</dt>
          <dd lang="pl">{texts.youOf(view.you.signatoryName, view.you.name)}</dd>
        </div>
        <div class="facts__row">
          <dt>{texts.agreementId}</dt>
          <dd>
            <strong class="reference reference--inline">{view.agreementId}</strong>
          </dd>
        </div>
        {view.deadline ? (
          <div class="facts__row">
            <dt>{texts.deadline}</dt>
            <dd>
              <WarsawTime instant={view.deadline} />
            </dd>
          </div>
        ) : null}
        <div class="facts__row">
          <dt>{texts.sha256}</dt>
          <dd>
            <code class="digest" id="document-sha256">
              {view.documentSha256}
            </code>
            <p class="hint">{texts.sha256Hint}</p>
          </dd>
        </div>
      </dl>

      <h2>{texts.partiesHeading}</h2>
      <ol class="parties">
        {view.parties.map((party) => (
          <li key={party.role}>
            <strong>{texts.roles[party.role]}</strong>: <span lang="pl">{party.name}</span> —{' '}
            <span class={party.status === 'signed' ? 'tag' : 'tag tag--grey'}>
              {texts.statuses[party.status] ?? party.status}
            </span>
            {party.signedAt ? (
              <>
                {' '}
                ({texts.signedOn} <WarsawTime instant={party.signedAt} />)
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <div class="notice">
        <p>
          {view.status === 'completed'
            ? texts.completed
            : view.status === 'declined'
              ? you?.status === 'declined'
                ? texts.youDeclined
                : texts.declinedAgreement
              : you?.status === 'signed'
                ? texts.youSigned
                : you?.status === 'uploaded'
                  ? texts.youUploaded
                  : view.yourTurn
                    ? texts.yourTurn
                    : texts.notYourTurn}
        </p>
        {view.status === 'completed' ? (
          <>
            <FinalDownload token={props.token} />
            <p>
              <a href={`/porozumienie/weryfikacja?id=${encodeURIComponent(view.agreementId)}`}>
                {texts.verifyLink}
              </a>
            </p>
          </>
        ) : null}
      </div>

      {open ? (
        <nav aria-labelledby="choose-title">
          <h2 id="choose-title">{texts.choose}</h2>
          <ul>
            <li>
              <a href="#podpis">{texts.chooseSign}</a>
            </li>
            <li>
              <a href="#plik">{texts.chooseUpload}</a>
            </li>
            <li>
              <a href="#odmowa">{texts.chooseDecline}</a>
            </li>
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="text-title">
        <h2 id="text-title">{texts.textHeading}</h2>
        <PdfDownload token={props.token} sha256={view.documentSha256} />
        {/* Set off by the inset's bar: the document, not the page's own words. */}
        <div class="inset agreement-text" lang="pl">
          <DocumentText html={view.html} />
        </div>
      </section>

      {open ? (
        <>
          <SignForm token={props.token} view={view} onDone={props.onDone} onReload={props.onReload} />
          <UploadForm token={props.token} onDone={props.onDone} onReload={props.onReload} />
          <DeclineForm token={props.token} view={view} onDone={props.onDone} onReload={props.onReload} />
        </>
      ) : null}
    </Titled>
  );
}

function UploadResult(props: { answer: UploadAnswer }) {
  const texts = useAgreementTexts();
  const { upload } = props.answer;
  return (
    <>
      <p>{upload.signed ? texts.upload.signed : texts.upload.unsigned}</p>
      <dl class="facts">
        {upload.signerName ? (
          <div class="facts__row">
            <dt>{texts.upload.signer}</dt>
            <dd>{upload.signerName}</dd>
          </div>
        ) : null}
        <div class="facts__row">
          <dt>{texts.upload.fileSha256}</dt>
          <dd>
            <code class="digest">{upload.sha256}</code>
          </dd>
        </div>
      </dl>
      <p>{texts.youUploaded}</p>
    </>
  );
}

/** The PDF (base64 in JSON, with the Bearer header a plain link cannot send), saved as a file. */
function PdfDownload(props: { token: string; sha256: string }) {
  const texts = useAgreementTexts();
  const [state, setState] = useState<{
    busy?: boolean;
    error?: ApiError;
    file?: { url: string; name: string };
  }>({});
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => () => (state.file ? URL.revokeObjectURL(state.file.url) : undefined), [state.file]);
  useLayoutEffect(() => {
    if (!state.file) return;
    linkRef.current?.focus();
    linkRef.current?.click();
  }, [state.file]);
  return (
    <div>
      {state.file ? (
        <a href={state.file.url} download={state.file.name} ref={linkRef}>
          {texts.pdfSave(state.file.name)}
        </a>
      ) : (
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={state.busy ? true : undefined}
          onClick={() => {
            if (state.busy) return;
            setState({ busy: true });
            getSigningPdf(props.token).then(
              (pdf) => {
                if (pdf.sha256 !== props.sha256) {
                  setState({ error: new ApiError('DOCUMENT_CHANGED') });
                  return;
                }
                const bytes = Uint8Array.from(atob(pdf.base64), (char) => char.charCodeAt(0));
                const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
                setState({ file: { url, name: pdf.filename } });
              },
              (error: unknown) =>
                setState({
                  error: error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error }),
                }),
            );
          }}
        >
          {texts.pdf}
        </button>
      )}
      <p class="visually-hidden" role="status">
        {state.busy ? texts.pdfPreparing : state.file ? texts.pdfReady : ''}
      </p>
      {state.error ? <AgreementErrorNotice title={texts.pdfFailed} error={state.error} /> : null}
    </div>
  );
}

/**
 * The sealed final record: the API checks the link and the file's digest and answers a link to the bucket
 * signed for a minute, which the page navigates to (a navigation, not a fetch: the CSP's connect-src stays
 * 'self'); the bucket answers it as an attachment, so the page stays. Up to 10 MB, so never through the API.
 */
function FinalDownload(props: { token: string }) {
  const texts = useAgreementTexts();
  const [state, setState] = useState<{
    busy?: boolean;
    error?: ApiError;
    file?: { sha256: string; size: number };
  }>({});
  return (
    <div>
      <button
        type="button"
        class="button"
        aria-disabled={state.busy ? true : undefined}
        onClick={() => {
          if (state.busy) return;
          setState({ busy: true });
          getSignedAgreementLink(props.token).then(
            (link) => {
              setState({ file: { sha256: link.sha256, size: link.size } });
              window.location.assign(link.url);
            },
            (error: unknown) =>
              setState({
                error: error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error }),
              }),
          );
        }}
      >
        {texts.final.download}
      </button>
      <div role="status">
        {state.busy ? <p class="visually-hidden">{texts.final.preparing}</p> : null}
        {state.file ? (
          <>
            <p>
              {texts.final.started(
                (state.file.size / 1_000_000).toLocaleString('pl-PL', { maximumFractionDigits: 1 }),
              )}{' '}
              <code class="digest">{state.file.sha256}</code>
            </p>
            <p class="hint">{texts.final.hint}</p>
          </>
        ) : null}
      </div>
      {state.error ? <AgreementErrorNotice title={texts.final.failed} error={state.error} /> : null}
    </div>
  );
}

interface FormProps {
  token: string;
  onDone: (done: Done) => void;
  onReload: () => void;
}

/** A form's sending state: a second press while one request is out does nothing. */
function useSending() {
  const busy = useRef(false);
  const [state, setState] = useState<{ busy?: boolean; error?: ApiError; verdict?: number }>({});
  const send = <T,>(request: () => Promise<T>, done: (answer: T) => void) => {
    if (busy.current) return;
    busy.current = true;
    setState({ busy: true });
    request().then(
      (answer) => {
        busy.current = false;
        setState({});
        done(answer);
      },
      (error: unknown) => {
        busy.current = false;
        setState({
          error: error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error }),
          verdict: Date.now(),
        });
      },
    );
  };
  return { state, setState, send };
}

/** Refusals that mean the page is out of date: the notice offers to load the agreement again. */
const STALE = new Set<string>(['DOCUMENT_CHANGED', 'NOT_YOUR_TURN', 'ALREADY_SIGNED', 'AGREEMENT_STATE']);

function ServerError(props: { title: string; error: ApiError | undefined; onReload: () => void }) {
  const texts = useAgreementTexts();
  if (!props.error) return null;
  return (
    <AgreementErrorNotice
      title={props.title}
      error={props.error}
      action={STALE.has(props.error.code) ? { label: texts.reload, run: props.onReload } : undefined}
    />
  );
}

function SignForm(props: FormProps & { view: SigningView }) {
  const texts = useAgreementTexts();
  const message = useErrorMessage();
  const { state, setState, send } = useSending();
  const [errors, setErrors] = useState<{ list: SummaryError[]; at: number }>({ list: [], at: 0 });
  const fieldError = (href: string) => errors.list.find((error) => error.href === href)?.text;
  // The API's refusals that belong to a field go next to it, as the summary's links lead there.
  const apiField =
    state.error?.code === 'SIGNATURE_NAME_MISMATCH'
      ? '#f-fullName'
      : state.error?.code === 'CONSENT_REQUIRED'
        ? '#f-consent'
        : undefined;
  const list = apiField && state.error ? [{ href: apiField, text: message(state.error) }] : errors.list;
  const nameError = apiField === '#f-fullName' ? list[0]?.text : fieldError('#f-fullName');
  const consentError = apiField === '#f-consent' ? list[0]?.text : fieldError('#f-consent');
  return (
    <section aria-labelledby="podpis-title">
      <h2 id="podpis-title">
        <span id="podpis" tabIndex={-1}>
          {texts.sign.heading}
        </span>
      </h2>
      <ErrorSummary
        id="podpis-errors"
        title={texts.errorSummary}
        errors={list}
        verdict={apiField ? state.verdict : errors.at}
      />
      <p>{texts.sign.intro}</p>
      {state.error && !apiField ? (
        <ServerError title={texts.sign.failed} error={state.error} onReload={props.onReload} />
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const fullName = String(data.get('fullName') ?? '').trim();
          const consent = data.get('consent') === 'tak';
          const found: SummaryError[] = [
            ...(fullName ? [] : [{ href: '#f-fullName', text: texts.sign.nameRequired }]),
            ...(consent ? [] : [{ href: '#f-consent', text: texts.sign.consentRequired }]),
          ];
          setState({});
          setErrors({ list: found, at: Date.now() });
          if (found.length > 0) return;
          send(
            () =>
              signAgreement(props.token, { fullName, consent, documentSha256: props.view.documentSha256 }),
            (view) => props.onDone({ kind: 'signed', view }),
          );
        }}
      >
        <div class={nameError ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="f-fullName">
            {texts.sign.fullName}
          </label>
          <p class="hint" id="f-fullName-hint">
            {texts.sign.fullNameHint(props.view.you.signatoryName)}
          </p>
          {nameError ? (
            <p class="error-message" id="f-fullName-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {nameError}
            </p>
          ) : null}
          <input
            class={nameError ? 'input input--error' : 'input'}
            id="f-fullName"
            name="fullName"
            type="text"
            autoComplete="name"
            spellcheck={false}
            aria-describedby={nameError ? 'f-fullName-hint f-fullName-error' : 'f-fullName-hint'}
            aria-invalid={nameError ? true : undefined}
          />
        </div>
        <div class={consentError ? 'form-group form-group--error' : 'form-group'}>
          {consentError ? (
            <p class="error-message" id="f-consent-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {consentError}
            </p>
          ) : null}
          <div class="choice">
            <input
              class="choice__input"
              type="checkbox"
              id="f-consent"
              name="consent"
              value="tak"
              aria-describedby={consentError ? 'f-consent-error' : undefined}
              aria-invalid={consentError ? true : undefined}
            />
            <label class="choice__label" for="f-consent">
              {texts.sign.consent}
            </label>
          </div>
        </div>
        <button type="submit" class="button" aria-disabled={state.busy ? true : undefined}>
          {texts.sign.submit}
        </button>
      </form>
      <p role="status">{state.busy ? texts.sign.busy : ''}</p>
    </section>
  );
}

/** "%PDF-" at the start: what the API checks too, told here before 10 MB go up a rural link. */
async function looksLikePdf(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

function UploadForm(props: FormProps) {
  const texts = useAgreementTexts();
  const message = useErrorMessage();
  const { state, setState, send } = useSending();
  const [error, setError] = useState<{ text?: string; at: number }>({ at: 0 });
  const apiFileError =
    state.error && ['NOT_A_PDF', 'FILE_TOO_LARGE', 'UPLOAD_INCOMPLETE'].includes(state.error.code)
      ? message(state.error)
      : undefined;
  const fileError = apiFileError ?? error.text;
  return (
    <section aria-labelledby="plik-title">
      <h2 id="plik-title">
        <span id="plik" tabIndex={-1}>
          {texts.upload.heading}
        </span>
      </h2>
      <ErrorSummary
        id="plik-errors"
        title={texts.errorSummary}
        errors={fileError ? [{ href: '#f-file', text: fileError }] : []}
        verdict={apiFileError ? state.verdict : error.at}
      />
      <p>{texts.upload.intro}</p>
      {state.error && !apiFileError ? (
        <ServerError title={texts.upload.failed} error={state.error} onReload={props.onReload} />
      ) : null}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
          const file = input.files?.[0];
          const refuse = (text: string) => setError({ text, at: Date.now() });
          setState({});
          if (!file) return refuse(texts.upload.fileRequired);
          if (file.size > MAX_UPLOAD_BYTES) return refuse(texts.upload.tooBig);
          void looksLikePdf(file).then((pdf) => {
            if (!pdf) return refuse(texts.upload.notPdf);
            setError({ at: 0 });
            send(
              () => uploadSignedPdf(props.token, file),
              (view) => props.onDone({ kind: 'uploaded', view }),
            );
          });
        }}
      >
        <div class={fileError ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="f-file">
            {texts.upload.file}
          </label>
          <p class="hint" id="f-file-hint">
            {texts.upload.fileHint}
          </p>
          {fileError ? (
            <p class="error-message" id="f-file-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {fileError}
            </p>
          ) : null}
          <input
            class="file"
            id="f-file"
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={fileError ? 'f-file-hint f-file-error' : 'f-file-hint'}
            aria-invalid={fileError ? true : undefined}
          />
        </div>
        <button type="submit" class="button button--secondary" aria-disabled={state.busy ? true : undefined}>
          {texts.upload.submit}
        </button>
      </form>
      <p role="status">{state.busy ? texts.upload.busy : ''}</p>
    </section>
  );
}

function DeclineForm(props: FormProps & { view: SigningView }) {
  const texts = useAgreementTexts();
  const { state, setState, send } = useSending();
  const [error, setError] = useState<{ text?: string; at: number }>({ at: 0 });
  return (
    <section aria-labelledby="odmowa-title">
      <h2 id="odmowa-title">
        <span id="odmowa" tabIndex={-1}>
          {texts.decline.heading}
        </span>
      </h2>
      <ErrorSummary
        id="odmowa-errors"
        title={texts.errorSummary}
        errors={error.text ? [{ href: '#f-reason', text: error.text }] : []}
        verdict={error.at}
      />
      <p>{texts.decline.intro}</p>
      <ServerError title={texts.decline.failed} error={state.error} onReload={props.onReload} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
          setState({});
          if (!reason) return setError({ text: texts.decline.reasonRequired, at: Date.now() });
          if (reason.length > 2000) return setError({ text: texts.decline.reasonTooLong, at: Date.now() });
          setError({ at: 0 });
          send(
            () => declineAgreement(props.token, { reason, documentSha256: props.view.documentSha256 }),
            (view) => props.onDone({ kind: 'declined', view }),
          );
        }}
      >
        <div class={error.text ? 'form-group form-group--error' : 'form-group'}>
          <label class="label" for="f-reason">
            {texts.decline.reason}
          </label>
          <p class="hint" id="f-reason-hint">
            {texts.decline.reasonHint}
          </p>
          {error.text ? (
            <p class="error-message" id="f-reason-error">
              <span class="visually-hidden">{texts.errorPrefix} </span>
              {error.text}
            </p>
          ) : null}
          <textarea
            class={error.text ? 'textarea textarea--error' : 'textarea'}
            id="f-reason"
            name="reason"
            rows={4}
            aria-describedby={error.text ? 'f-reason-hint f-reason-error' : 'f-reason-hint'}
            aria-invalid={error.text ? true : undefined}
          />
        </div>
        <button type="submit" class="button button--warning" aria-disabled={state.busy ? true : undefined}>
          {texts.decline.submit}
        </button>
      </form>
      <p role="status">{state.busy ? texts.decline.busy : ''}</p>
    </section>
  );
}
