import { useRef, useState } from 'preact/hooks';
import type { TCardLinkRequested } from '../../../shared/schemas/submission.ts';
import { pageTexts, usePageTexts } from '../card/page-texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { ApiError, isCallId, requestJson } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { reader } from '../lib/shape.ts';

/** The route loader waits for the pages' texts in the current language, so the page never shows a mix. */
export const textsReady = pageTexts.load;

/*
 * Its own request rather than one in card/api.ts: importing that module would make the bundler split it
 * out of the form's chunk into one more file for every page of the card.
 */
const readLinkRequested = reader<{ gminaName: string }>({ gminaName: 'string' });
// Compile-time only, as in card/api.ts: what the API promises must be something the reader accepts.
type Reads<Reader, Contract extends Reader> = Contract;
export type ContractRead = Reads<{ gminaName: string }, TCardLinkRequested>;

function requestCardLink(callId: string, teryt: string): Promise<{ gminaName: string }> {
  const path = `/api/calls/${encodeURIComponent(callId)}/cards/${encodeURIComponent(teryt)}/link`;
  return requestJson(path, readLinkRequested, { method: 'POST' });
}

type Sending = { status: 'idle' } | { status: 'sending' } | { status: 'sent'; gminaName: string };

/**
 * /nabory/:callId/odnosnik/:teryt — for a gmina told that its card was already sent: the card's link goes
 * by e-mail to the contact person the card names, and only there, so an office whose colleague sent it (or
 * whose e-mail was lost) gets back to its card, and nobody else learns anything from the card.
 */
export default function CardLinkPage(props: { callId?: string; teryt?: string }) {
  const callId = props.callId ?? '';
  const teryt = props.teryt ?? '';
  const { t } = useI18n();
  const pages = usePageTexts();
  const busy = useRef(false);
  const [sending, setSending] = useState<Sending>({ status: 'idle' });
  const [error, setError] = useState<ApiError>();
  const callHref = `/nabory/${encodeURIComponent(callId)}`;
  const known = isCallId(callId) && /^\d{7}$/.test(teryt);
  const title = known ? pages.cardLink.title : t.notFound.title;
  useDocumentTitle(title);

  if (!known) {
    return (
      <>
        <h1>{title}</h1>
        <p>{t.notFound.body}</p>
      </>
    );
  }

  const send = async () => {
    if (busy.current) return;
    busy.current = true;
    setError(undefined);
    setSending({ status: 'sending' });
    try {
      const { gminaName } = await requestCardLink(callId, teryt);
      setSending({ status: 'sent', gminaName });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('BAD_RESPONSE', { cause: failure }));
      setSending({ status: 'idle' });
    } finally {
      busy.current = false;
    }
  };

  return (
    <>
      <a class="back-link" href={callHref}>
        {pages.cardLink.backToCall}
      </a>
      <h1>{title}</h1>
      <p>{pages.cardLink.intro}</p>
      {sending.status === 'sent' ? null : (
        <>
          <p>{pages.cardLink.resendText}</p>
          {error?.code === 'CARD_NOT_FOUND' ? (
            <div class="notice notice--error" role="alert">
              <p class="notice__title">{pages.cardLink.failed}</p>
              <p>{t.errors.CARD_NOT_FOUND}</p>
              <p>
                <a href={`${callHref}/zgloszenie`}>{pages.cardLink.newCard}</a>
              </p>
            </div>
          ) : error ? (
            <ErrorNotice title={pages.cardLink.failed} error={error} onRetry={() => void send()} />
          ) : (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void send();
              }}
            >
              <button
                type="submit"
                class="button"
                aria-disabled={sending.status === 'sending' ? true : undefined}
              >
                {pages.cardLink.send}
              </button>
            </form>
          )}
        </>
      )}
      <p role="status" class={sending.status === 'sent' ? 'notice' : undefined}>
        {sending.status === 'sending'
          ? pages.cardLink.sending
          : sending.status === 'sent'
            ? pages.cardLink.done(sending.gminaName)
            : ''}
      </p>
      <p>{pages.cardLink.notUs}</p>
    </>
  );
}
