import { ROPS_CONTACTS, type RopsContact } from '../../shared/rops-contacts.ts';

/**
 * The frame every e-mail shares (issue 17): the HTML document and the footer that names whom to contact —
 * the ROPS of the voivodeship the message is about — and says the message is sent automatically. Templates
 * write their body only; renderMail and renderReminder put it in this frame.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The sentence every footer opens with, unless replies do reach a person (a reminder with a reply-to). */
export const DO_NOT_REPLY = 'Ta wiadomość jest wysyłana automatycznie — nie odpowiadaj na nią.';
export const REPLIES_REACH_ROPS =
  'Ta wiadomość jest wysyłana automatycznie; odpowiedź trafi do koordynatora ROPS.';

/** The ROPS's contact in one line: name, address, e-mail, phone and office hours. */
export function ropsContactLine(rops: ContactLine): string {
  const hours = rops.hours ? `, godziny pracy: ${rops.hours}` : '';
  return `${rops.name}, ${rops.address}, e-mail: ${rops.email}, tel. ${rops.phone}${hours}`;
}

/** A contact as messages keep it (those queued before office hours were configured have none). */
export type ContactLine = Pick<RopsContact, 'name' | 'address' | 'email' | 'phone'> & { hours?: string };

/**
 * The footer's lines. Without a voivodeship (a coordinator's sign-in, a message queued before the footer
 * existed) it says where to turn without naming one ROPS.
 */
export function footerLines(
  wojewodztwo: string | undefined,
  options: { repliesReachRops?: boolean; about?: 'call' | 'project' } = {},
): string[] {
  const rops = wojewodztwo === undefined ? undefined : ROPS_CONTACTS[wojewodztwo];
  // A milestone's, an agreement's or a coordinator's deadline is about the project, not the recruitment.
  const topic = options.about === 'project' ? 'Kontakt w sprawie projektu' : 'Kontakt w sprawie naboru';
  return [
    options.repliesReachRops ? REPLIES_REACH_ROPS : DO_NOT_REPLY,
    rops
      ? `${topic}: ${ropsContactLine(rops)}.`
      : options.about === 'project'
        ? `${topic}: regionalny ośrodek polityki społecznej Państwa województwa.`
        : `${topic}: regionalny ośrodek polityki społecznej prowadzący nabór (dane kontaktowe na stronie naboru).`,
  ];
}

/** The HTML document of a template's body; the footer is added by `withFooter`. */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;max-width:640px">${body}</body></html>`;
}

const END = '</body></html>';

/** The message with the footer after its body, in the HTML (after a rule) and in the text part. */
export function withFooter<M extends { html: string; text: string }>(
  message: M,
  footer: readonly string[],
): M {
  if (!message.html.endsWith(END)) throw new Error('an e-mail template must be written with htmlDocument');
  const foot = footer
    .map((line) => `<p style="font-size:14px;color:#505a5f">${escapeHtml(line)}</p>`)
    .join('');
  return {
    ...message,
    html: `${message.html.slice(0, -END.length)}<hr>${foot}${END}`,
    text: `${message.text}\n\n-- \n${footer.join('\n')}`,
  };
}
