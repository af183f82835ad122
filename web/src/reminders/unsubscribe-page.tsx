import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';

/** Where the link in an optional reminder's body leads (functions/domain/send-reminder.ts). */
export const UNSUBSCRIBE_PATH = '/przypomnienia/rezygnacja';

// The page's own few texts, both languages here: a dictionary part or lib/api.ts would be modules this
// chunk shares with the card's pages, and sharing moves bytes onto the card form's route.
const TEXTS = {
  pl: {
    title: 'Rezygnacja z przypomnień',
    intro:
      'Ten odnośnik pochodzi z przypomnienia o terminie, wysłanego automatycznie przez platformę Kooperacja. Po rezygnacji nie będziemy wysyłać na Twój adres przypomnień nieobowiązkowych, takich jak zamknięcie naboru.',
    duties:
      'Przypomnienia obowiązkowe — o kamieniach milowych projektu i o podpisaniu porozumienia — nadal będą przychodzić. W razie pytań odpowiedz na otrzymane przypomnienie: trafi do koordynatora ROPS.',
    button: 'Zrezygnuj z przypomnień',
    sending: 'Wysyłanie…',
    done: 'Gotowe. Nie będziemy już wysyłać przypomnień nieobowiązkowych na adres, na który przyszła ta wiadomość.',
    invalid:
      'Ten odnośnik jest nieprawidłowy lub niepełny. Skopiuj go z wiadomości w całości albo użyj opcji „Anuluj subskrypcję” w programie pocztowym.',
    failed: 'Nie udało się połączyć z serwerem. Sprawdź połączenie z internetem i spróbuj ponownie.',
    home: 'Przejdź do strony głównej',
  },
  en: {
    title: 'Unsubscribe from reminders',
    intro:
      'This link comes from a deadline reminder sent automatically by the Kooperacja platform. Once you unsubscribe, we will send no optional reminders, such as a call closing, to your address.',
    duties:
      "Required reminders — of the project's milestones and of signing the agreement — will still come. With any question, reply to the reminder you received: it reaches the ROPS coordinator.",
    button: 'Unsubscribe from reminders',
    sending: 'Sending…',
    done: 'Done. We will send no more optional reminders to the address this e-mail came to.',
    invalid:
      'This link is not valid or not complete. Copy it from the e-mail whole, or use "Unsubscribe" in your e-mail program.',
    failed: 'The server could not be reached. Check your internet connection and try again.',
    home: 'Go to the home page',
  },
};

/** The token from the e-mailed link's fragment (never sent in a request line), taken out of the address bar. */
function linkToken(): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get('t') ?? undefined;
  if (token) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

type State = 'ready' | 'sending' | 'done' | 'invalid' | 'failed';

/**
 * /przypomnienia/rezygnacja#t=… — what the unsubscribe link in a reminder's body opens: it explains and
 * asks for one press, which POSTs the token (mail scanners follow links: a GET never unsubscribes).
 */
export function UnsubscribePage() {
  const { language } = useI18n();
  const texts = TEXTS[language];
  useDocumentTitle(texts.title);
  const [token] = useState(linkToken);
  const [state, setState] = useState<State>(token ? 'ready' : 'invalid');
  const outcome = useRef<HTMLDivElement>(null);
  // As the outcome is drawn, not a frame later: a screen reader then reads it, not what had the focus.
  useLayoutEffect(() => {
    if (state !== 'ready' && state !== 'sending') outcome.current?.focus();
  }, [state]);

  async function unsubscribe(event: Event) {
    event.preventDefault();
    if (!token || state === 'sending') return;
    setState('sending');
    try {
      const response = await fetch(`/api/reminders/unsubscribe?t=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      setState(response.ok ? 'done' : response.status < 500 ? 'invalid' : 'failed');
    } catch {
      setState('failed');
    }
  }

  const message = state === 'done' || state === 'invalid' || state === 'failed' ? texts[state] : undefined;
  return (
    <>
      <h1>{texts.title}</h1>
      <p>{texts.intro}</p>
      <p>{texts.duties}</p>
      <div ref={outcome} tabIndex={-1} role="status">
        {message ? (
          <div class={state === 'done' ? 'notice' : 'notice notice--error'}>
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      {state === 'done' || state === 'invalid' ? (
        <p>
          <a href="/">{texts.home}</a>
        </p>
      ) : (
        <form onSubmit={unsubscribe}>
          <button type="submit" class="button" aria-disabled={state === 'sending'}>
            {state === 'sending' ? texts.sending : texts.button}
          </button>
        </form>
      )}
    </>
  );
}
