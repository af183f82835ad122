import { useRef, useState } from 'preact/hooks';
import { requestCardLink } from '../card/api.ts';
import { pageTexts, usePageTexts } from '../card/page-texts.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { Titled } from '../components/titled.tsx';
import { ApiError, isCallId } from '../lib/api.ts';
import { useI18n } from '../lib/i18n.ts';

/** The route loader waits for the pages' texts in the current language, so the page never shows a mix. */
export const textsReady = pageTexts.load;

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

  if (!isCallId(callId) || !/^\d{7}$/.test(teryt)) {
    return (
      <Titled title={t.notFound.title}>
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
      </Titled>
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

  const title = pages.cardLink.title;
  return (
    <Titled title={title}>
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
    </Titled>
  );
}
