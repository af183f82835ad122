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
  /** The page the body's unsubscribe link opens (one press there; a link a scanner follows changes nothing). */
  unsubscribePageUrl?: string | undefined;
  /** The voivodeship's coordinator, whom a reply reaches. */
  replyTo?: string | undefined;
  /** A deadline asking for a document: the recipient's own upload link and what to upload. */
  upload?: { url: string; documentName: string } | undefined;
  /**
   * An agreement's signing deadline: when the signatory's personal link was e-mailed. The reminder carries
   * no link of its own (the token is stored hashed; a new one would kill the old), it names that e-mail.
   */
  linkSentAt?: string | undefined;
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
    case 'agreement-signing':
      return `${data.title}: termin podpisania mija ${when}, ${formatWarsaw(data.dueAt)}.`;
    default:
      return `Termin ${title} mija ${when}: ${formatWarsaw(data.dueAt)}.`;
  }
}

function whatToDo(data: ReminderMailData): string {
  switch (data.kind) {
    case 'call-closing':
      return 'Karta zgłoszeniowa Twojej gminy nie została jeszcze wysłana. Dokończ ją z zapisanego szkicu (odnośnik jest w wiadomości, którą dostałeś po zapisaniu) i wyślij przed terminem — po nim nabór nie przyjmuje kart.';
    case 'milestone-start':
      return 'Sprawdź zadania tego kamienia milowego w porozumieniu i zaplanuj pracę z partnerami (OPS, PCPR).';
    case 'milestone-end':
      return 'Do tego dnia zadania kamienia milowego powinny być wykonane, a dokumenty gotowe dla koordynatora ROPS.';
    case 'agreement-signing':
      return `Twojego podpisu jeszcze nie ma. Podpiszesz porozumienie, otwierając osobisty odnośnik z wiadomości „Porozumienie do podpisu”${data.linkSentAt ? ` wysłanej ${formatWarsaw(data.linkSentAt)}` : ''}; działa on do terminu. Jeśli tej wiadomości nie masz albo odnośnik nie działa, odpowiedz na to przypomnienie: koordynator ROPS wyśle Ci nowy odnośnik (poprzedni przestanie wtedy działać).`;
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
  const uploadLine = data.upload
    ? `Prześlij dokument „${nestedInQuotes(data.upload.documentName)}” (PDF, do 10 MB) przez swój osobisty odnośnik — do terminu możesz go też zastąpić nowszą wersją. Gdy go prześlesz, przypomnienia przestaną przychodzić.`
    : undefined;
  const lines = [
    headline(data, when),
    uploadLine ?? whatToDo(data),
    ...(data.description ? [data.description] : []),
  ];
  // A signing reminder has no page to link to: the personal link is in the earlier e-mail.
  const details = data.kind !== 'agreement-signing';
  const mailClientOption = 'opcji „Anuluj subskrypcję” w programie pocztowym';
  const unsubscribeText = !data.unsubscribeUrl
    ? []
    : data.unsubscribePageUrl
      ? [
          '',
          `Nie chcesz dostawać takich przypomnień? Zrezygnuj: ${data.unsubscribePageUrl} (albo użyj ${mailClientOption}).`,
        ]
      : ['', `Nie chcesz dostawać takich przypomnień? Użyj ${mailClientOption}.`];
  const unsubscribeHtml = !data.unsubscribeUrl
    ? ''
    : `<p style="font-size:14px;color:#505a5f">Nie chcesz dostawać takich przypomnień? ${
        data.unsubscribePageUrl
          ? `<a href="${escapeHtml(data.unsubscribePageUrl)}">Zrezygnuj z przypomnień</a> albo użyj ${mailClientOption}.`
          : `Użyj ${mailClientOption}.`
      }</p>`;
  const text = [
    ...lines.flatMap((line) => [line, '']),
    ...(data.upload ? [`Prześlij dokument: ${data.upload.url}`, ''] : []),
    ...(details ? [`Szczegóły: ${data.link}`, ''] : []),
    'W załączniku termin do kalendarza (.ics).',
    ...unsubscribeText,
  ].join('\n');
  const paragraphs = lines.map((line) => `<p>${escapeHtml(line).replace(/\n/g, '<br>')}</p>`).join('');
  const html = htmlDocument(
    subject,
    `${paragraphs}${data.upload ? `<p><a href="${escapeHtml(data.upload.url)}">Prześlij dokument</a></p>` : ''}${details ? `<p><a href="${escapeHtml(data.link)}">Szczegóły</a></p>` : ''}<p>W załączniku termin do kalendarza (.ics).</p>${unsubscribeHtml}`,
  );
  // A reminder with a reply-to does reach a person: its footer says so instead of "do not reply".
  return withFooter(
    { subject, html, text },
    footerLines(data.wojewodztwo, {
      repliesReachRops: data.replyTo !== undefined,
      about: data.kind === 'call-closing' ? 'call' : 'project',
    }),
  );
}
