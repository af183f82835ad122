import { useEffect, useRef, useState } from 'preact/hooks';
import type { TDeliverableView, TDelivered } from '../../../shared/schemas/deliverables.ts';
import { ErrorSummary } from '../agreements/error-summary.tsx';
import { Titled } from '../agreements/titled.tsx';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';
import { focusHeading } from '../lib/page-focus.ts';
import { useResource } from '../lib/use-resource.ts';
import { deliverFile, getDeliverable, looksLikePdf, MAX_BYTES } from './api.ts';
import { texts } from './texts.ts';

const TOKEN_KEY = 'kooperacja.dokument.token';

/**
 * The upload link's token (/porozumienie/dokument#t=…): in the fragment, so no server log holds it, taken
 * out of the address bar at once and kept in sessionStorage for a reload; sent only as a Bearer header.
 */
function uploadToken(): string | undefined {
  const fresh = new URLSearchParams(location.hash.slice(1)).get('t') ?? undefined;
  if (fresh) history.replaceState(history.state, '', location.pathname + location.search);
  try {
    if (fresh) sessionStorage.setItem(TOKEN_KEY, fresh);
    return fresh ?? sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return fresh;
  }
}

const megabytes = (bytes: number) =>
  `${(bytes / (1024 * 1024)).toLocaleString('pl-PL', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/** /porozumienie/dokument — a party sends the document a deadline asks for, by its e-mailed link. */
export function DeliverablePage() {
  const [token] = useState(uploadToken);
  if (!token)
    return (
      <Titled title={texts.title}>
        <h1>{texts.title}</h1>
        <p>{texts.noLink}</p>
      </Titled>
    );
  return <Deliverable token={token} />;
}

function Deliverable(props: { token: string }) {
  const { t } = useI18n();
  const [view, retry] = useResource(`deliverable:${props.token}`, (signal) =>
    getDeliverable(props.token, signal),
  );
  if (view.status === 'loading')
    return (
      <Titled title={texts.title}>
        <h1>{texts.title}</h1>
        <p role="status">{texts.loading}</p>
      </Titled>
    );
  if (view.status === 'error') {
    const dead = view.error.code === 'LINK_INVALID';
    return (
      <Titled title={dead ? texts.deadTitle : texts.loadFailed}>
        <h1>{dead ? texts.deadTitle : texts.loadFailed}</h1>
        <p>{dead ? texts.deadBody : t.errors[view.error.code]}</p>
        {dead ? null : (
          <button type="button" class="button button--secondary" onClick={retry}>
            {t.retry}
          </button>
        )}
      </Titled>
    );
  }
  return <Loaded token={props.token} view={view.data} />;
}

function Delivered(props: { delivered: TDelivered }) {
  const { delivered } = props;
  return (
    <dl class="summary">
      <div class="summary__row">
        <dt class="summary__key">{texts.file}</dt>
        <dd class="summary__value">
          {delivered.filename} ({megabytes(delivered.size)})
        </dd>
      </div>
      <div class="summary__row">
        <dt class="summary__key">{texts.receivedAt}</dt>
        <dd class="summary__value">
          <WarsawTime instant={delivered.at} />
        </dd>
      </div>
      <div class="summary__row">
        <dt class="summary__key">{texts.sha256}</dt>
        <dd class="summary__value digest">{delivered.sha256}</dd>
      </div>
    </dl>
  );
}

type Sending = { sent: number; total: number } | undefined;

function Loaded(props: { token: string; view: TDeliverableView }) {
  const { t } = useI18n();
  const [delivered, setDelivered] = useState(props.view.delivered);
  const [confirmed, setConfirmed] = useState<{ replaced: boolean; at: number }>();
  const [sending, setSending] = useState<Sending>();
  const [error, setError] = useState<{ text?: string; server?: ApiError; at: number }>({ at: 0 });
  const confirmation = useRef<HTMLHeadingElement>(null);
  const { view } = props;
  useEffect(() => {
    if (confirmed) focusHeading(confirmation.current);
  }, [confirmed?.at]);

  const fileError = error.text;
  const serverError = error.server;
  const refuse = (text: string) => setError({ text, at: Date.now() });
  const percent = sending ? Math.floor((sending.sent / Math.max(1, sending.total)) * 100) : 0;
  return (
    <Titled title={fileError || serverError ? `${texts.errorPrefix} ${texts.title}` : texts.title}>
      <h1>{texts.title}</h1>
      <ErrorSummary
        id="dokument-errors"
        title={texts.errorSummary}
        errors={fileError ? [{ href: '#f-file', text: fileError }] : []}
        verdict={error.at}
      />
      <dl class="summary">
        <div class="summary__row">
          <dt class="summary__key">{texts.deadline}</dt>
          <dd class="summary__value">{view.title}</dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{texts.document}</dt>
          <dd class="summary__value">{view.documentName}</dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{texts.due}</dt>
          <dd class="summary__value">
            <WarsawTime instant={view.dueAt} />
          </dd>
        </div>
        <div class="summary__row">
          <dt class="summary__key">{texts.linkFor}</dt>
          <dd class="summary__value">{view.email}</dd>
        </div>
      </dl>
      {view.description ? <p>{view.description}</p> : null}

      {confirmed && delivered ? (
        <div class="notice notice--success">
          <h2 class="notice__heading" ref={confirmation}>
            {confirmed.replaced ? texts.replacedTitle : texts.deliveredTitle}
          </h2>
          <p>{texts.deliveredBody}</p>
          <Delivered delivered={delivered} />
        </div>
      ) : delivered ? (
        <section aria-labelledby="przeslany">
          <h2 id="przeslany">{texts.alreadyTitle}</h2>
          <Delivered delivered={delivered} />
        </section>
      ) : null}

      {serverError ? (
        <div class="notice notice--error" role="alert">
          <h2 class="notice__title">{texts.failed}</h2>
          <p>{serverMessage(serverError) ?? t.errors[serverError.code]}</p>
          {serverError.requestId ? <p>{t.errorReference(serverError.requestId)}</p> : null}
        </div>
      ) : null}

      {view.open ? (
        <section aria-labelledby="wyslij">
          <h2 id="wyslij">{delivered ? texts.replaceHeading : texts.sendHeading}</h2>
          <p>{delivered ? texts.replaceIntro : texts.sendIntro}</p>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (sending) return;
              const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement;
              const file = input.files?.[0];
              if (!file) return refuse(texts.fileRequired);
              if (file.size === 0) return refuse(texts.errorsByKey.missing);
              if (file.size > MAX_BYTES) return refuse(texts.errorsByKey.too_large);
              void looksLikePdf(file).then(async (pdf) => {
                if (!pdf) return refuse(texts.errorsByKey.not_pdf);
                setError({ at: 0 });
                setSending({ sent: 0, total: file.size });
                try {
                  const answer = await deliverFile(props.token, file, (sent) =>
                    setSending({ sent, total: file.size }),
                  );
                  setDelivered(answer.delivered);
                  setConfirmed({ replaced: answer.replaced, at: Date.now() });
                  input.value = '';
                } catch (failure) {
                  const apiError =
                    failure instanceof ApiError ? failure : new ApiError('BAD_RESPONSE', { cause: failure });
                  const key = apiError.fields?.file;
                  if (apiError.code === 'VALIDATION_FAILED' && key && key in texts.errorsByKey)
                    refuse(texts.errorsByKey[key as keyof typeof texts.errorsByKey]);
                  else setError({ server: apiError, at: Date.now() });
                } finally {
                  setSending(undefined);
                }
              });
            }}
          >
            <div class={fileError ? 'form-group form-group--error' : 'form-group'}>
              <label class="label" for="f-file">
                {texts.fileLabel}
              </label>
              <p class="hint" id="f-file-hint">
                {texts.fileHint}
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
            <button type="submit" class="button" aria-disabled={sending ? true : undefined}>
              {delivered ? texts.replaceSubmit : texts.submit}
            </button>
          </form>
          {sending ? (
            <p>
              <label for="f-progress">{texts.progressLabel}</label>{' '}
              <progress id="f-progress" max={sending.total} value={sending.sent}>
                {percent}%
              </progress>
            </p>
          ) : null}
          {/* Said in steps of a quarter, not at every event: a screen reader would read nothing else. */}
          <p role="status">
            {sending ? texts.progress(Math.floor(percent / 25) * 25, megabytes(sending.total)) : ''}
          </p>
        </section>
      ) : (
        <p class="notice">
          {view.cancelled ? texts.cancelled : delivered ? texts.closedDelivered : texts.closed}
        </p>
      )}
    </Titled>
  );
}

/** The API's refusals this page has its own words for. */
function serverMessage(error: ApiError): string | undefined {
  if (error.code === 'CONFLICT' && error.fields?.deadline === 'passed') return texts.closed;
  if (error.code === 'CONFLICT' && error.fields?.deadline === 'cancelled') return texts.cancelled;
  if (error.code === 'CONFLICT' && error.fields?.file === 'replaced_meanwhile')
    return texts.replacedMeanwhile;
  if (error.code === 'LINK_INVALID') return texts.deadBody;
  return undefined;
}
