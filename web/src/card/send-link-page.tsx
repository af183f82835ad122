import { useRef, useState } from 'preact/hooks';
import type { TCardLinkRequested } from '../../../shared/schemas/submission.ts';
import { pageTexts, usePageTexts } from '../card/page-texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { GminaRops } from '../components/rops-contact.tsx';
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
const readLinkRequested = reader<{ requestedAt: string }>({ requestedAt: 'string' });
// Compile-time only, as in card/api.ts: what the API promises must be something the reader accepts.
type Reads<Reader, Contract extends Reader> = Contract;
export type ContractRead = Reads<{ requestedAt: string }, TCardLinkRequested>;

function requestCardLink(callId: string, teryt: string): Promise<{ requestedAt: string }> {
  const path = `/api/calls/${encodeURIComponent(callId)}/cards/${encodeURIComponent(teryt)}/link`;
  return requestJson(path, readLinkRequested, { method: 'POST' });
}

type Sending = 'idle' | 'sending' | 'sent';

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
  const [sending, setSending] = useState<Sending>('idle');
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
    setSending('sending');
    try {
      await requestCardLink(callId, teryt);
      setSending('sent');
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('BAD_RESPONSE', { cause: failure }));
      setSending('idle');
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
      {sending === 'sent' ? null : (
        <>
          <p>{pages.cardLink.resendText}</p>
          {error ? (
            <ErrorNotice title={pages.cardLink.failed} error={error} onRetry={() => void send()} />
          ) : (
            <form
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void send();
              }}
            >
              <button type="submit" class="button" aria-disabled={sending === 'sending' ? true : undefined}>
                {pages.cardLink.send}
              </button>
            </form>
          )}
        </>
      )}
      <p role="status" class={sending === 'sent' ? 'notice' : undefined}>
        {sending === 'sending' ? pages.cardLink.sending : sending === 'sent' ? pages.cardLink.done : ''}
      </p>
      <p>{pages.cardLink.notUs}</p>
      <GminaRops callId={callId} teryt={teryt} />
    </>
  );
}
