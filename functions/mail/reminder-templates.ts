import { nestedInQuotes } from '../../shared/quotes.ts';
import { addDays } from '../../shared/reminders/holidays.ts';
import type { TDeadlineKind } from '../../shared/schemas/reminders.ts';
import { formatWarsaw, formatWarsawDay, warsawDate } from '../../shared/time.ts';
import { escapeHtml, footerLines, htmlDocument, withFooter } from './layout.ts';

/**
 * The reminder before a deadline, in Polish (the language of the procedure): what is due and when, written
 * the Polish way, what to do, and a link. Rendered by the sender from the deadline as it stands at sending.
 */
export interface ReminderMailData {
  kind: TDeadlineKind;
  title: string;
  description: string;
  dueAt: string;
  /** Where to act: the call's page, the site. */
  link: string;
  /** Present for optional reminders: the one-click unsubscribe address. */
  unsubscribeUrl?: string | undefined;
  /** The voivodeship's coordinator, whom a reply reaches. */
  replyTo?: string | undefined;
  /** The voivodeship whose ROPS the footer names. */
  wojewodztwo?: string | undefined;
}

export interface RenderedReminder {
  subject: string;
  html: string;
  text: string;
}

/** "dziś", "jutro", "za 7 dni": from the Warsaw day of sending to the deadline's. */
export function whenDue(dueAt: Date, now: Date): string {
  const today = warsawDate(now);
  const due = warsawDate(dueAt);
  if (due === today) return 'dziś';
  if (due === addDays(today, 1)) return 'jutro';
  let days = 0;
  for (let day = today; day < due && days < 400; day = addDays(day, 1)) days += 1;
  return `za ${days} dni`;
}

function headline(data: ReminderMailData, when: string): string {
  const title = `„${nestedInQuotes(data.title)}”`;
  const day = formatWarsawDay(data.dueAt);
  switch (data.kind) {
    case 'call-closing':
      return `Nabór ${title} zamyka się ${when}: ${formatWarsaw(data.dueAt)}.`;
    case 'milestone-start':
      return `${data.title} zaczyna się ${when}: ${day}.`;
    case 'milestone-end':
      return `${data.title} kończy się ${when}: ${day}.`;
    default:
      return `Termin ${title} mija ${when}: ${formatWarsaw(data.dueAt)}.`;
  }
}

function whatToDo(kind: TDeadlineKind): string {
  switch (kind) {
    case 'call-closing':
      return 'Karta zgłoszeniowa Twojej gminy nie została jeszcze wysłana. Dokończ ją z zapisanego szkicu (odnośnik jest w wiadomości, którą dostałeś po zapisaniu) i wyślij przed terminem — po nim nabór nie przyjmuje kart.';
    case 'milestone-start':
      return 'Sprawdź zadania tego kamienia milowego w porozumieniu i zaplanuj pracę z partnerami (OPS, PCPR).';
    case 'milestone-end':
      return 'Do tego dnia zadania kamienia milowego powinny być wykonane, a dokumenty gotowe dla koordynatora ROPS.';
    default:
      return 'Szczegóły poniżej. W razie pytań odpowiedz na tę wiadomość — trafi do koordynatora ROPS.';
  }
}

export function renderReminder(data: ReminderMailData, now: Date): RenderedReminder {
  const when = whenDue(new Date(data.dueAt), now);
  const subject =
    data.kind === 'call-closing'
      ? `Przypomnienie: nabór „${nestedInQuotes(data.title)}” zamyka się ${when}`
      : `Przypomnienie: ${data.title} — ${when}, ${formatWarsawDay(data.dueAt)}`;
  const lines = [headline(data, when), whatToDo(data.kind), ...(data.description ? [data.description] : [])];
  const unsubscribeText = data.unsubscribeUrl
    ? ['', 'Nie chcesz dostawać takich przypomnień? Użyj opcji „Anuluj subskrypcję” w programie pocztowym.']
    : [];
  const text = [
    ...lines.flatMap((line) => [line, '']),
    `Szczegóły: ${data.link}`,
    '',
    'W załączniku termin do kalendarza (.ics).',
    ...unsubscribeText,
  ].join('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line).replace(/\n/g, '<br>')}</p>`).join('');
  const html = htmlDocument(
    subject,
    `${paragraphs}<p><a href="${escapeHtml(data.link)}">Szczegóły</a></p><p>W załączniku termin do kalendarza (.ics).</p>${data.unsubscribeUrl ? '<p style="font-size:14px;color:#505a5f">Nie chcesz dostawać takich przypomnień? Użyj opcji „Anuluj subskrypcję” w programie pocztowym.</p>' : ''}`,
  );
  // A reminder with a reply-to does reach a person: its footer says so instead of "do not reply".
  return withFooter(
    { subject, html, text },
    footerLines(data.wojewodztwo, { repliesReachRops: data.replyTo !== undefined }),
  );
}
