import { formatWarsaw } from '../../shared/time.ts';
import { defangLinks } from './defang.ts';
import { escapeHtml, htmlDocument } from './layout.ts';
import type { MailMessage } from './mailer.ts';

/**
 * What the reminders tell a voivodeship's coordinators (issue 15): signatures still missing when an
 * agreement's signing deadline passed, and an address that no longer takes mail. A module of its own, as
 * the agreements' and trust's are; templates.ts hands these over.
 */
export type NoticeMailTemplate =
  | { template: 'notice-signing-overdue'; data: SigningOverdueMailData }
  | { template: 'notice-address-suppressed'; data: AddressSuppressedMailData };

export interface SigningOverdueMailData {
  agreementId: string;
  gminaName: string;
  deadline: string;
  /** The parties that have not signed, in the signing order. */
  parties: { name: string; signatory?: string | undefined; email?: string | undefined; turn: boolean }[];
  /** The agreement's page in the panel. */
  panelUrl: string;
}

export interface AddressSuppressedMailData {
  email: string;
  reason: 'bounce' | 'complaint';
  /** What the receiving server said (a bounce's diagnostic), or the complaint's feedback type. */
  detail: string;
  at: string;
  /** What the address was to the platform, if a reminder went to it: gmina, ops, pcpr, signatory… */
  role?: string | undefined;
  /** The reminders' page of the voivodeship, where the address is listed. */
  panelUrl: string;
}

export function isNoticeMail(mail: { template: string }): mail is NoticeMailTemplate {
  return mail.template.startsWith('notice-');
}

function message(to: string[], subject: string, texts: string[], action: [string, string]): MailMessage {
  // A bounce's diagnostic is a stranger server's text: whatever looks like a web address in it is defanged.
  const paragraphs = texts.map(defangLinks);
  const html = htmlDocument(
    subject,
    `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraphs
      .map((paragraph) => `<p style="white-space:pre-wrap">${escapeHtml(paragraph)}</p>`)
      .join('')}<p><a href="${escapeHtml(action[0])}">${escapeHtml(action[1])}</a></p>`,
  );
  const text = [subject, '', ...paragraphs.flatMap((paragraph) => [paragraph, '']), action[0]].join('\n');
  return { to, subject, html, text };
}

const ROLE_LABEL: Record<string, string> = {
  gmina: 'osoba do kontaktu gminy',
  draft: 'osoba do kontaktu gminy (karta niewysłana)',
  ops: 'OPS',
  pcpr: 'PCPR',
  coordinator: 'koordynator',
  signatory: 'osoba podpisująca porozumienie',
};

export function renderNoticeMail(to: string[], mail: NoticeMailTemplate): MailMessage {
  switch (mail.template) {
    case 'notice-signing-overdue': {
      const { data } = mail;
      const missing = data.parties.map(
        (party) =>
          `• ${party.name}: ${party.signatory ?? 'osoba podpisująca nie wskazana'}${party.email ? ` (${party.email})` : ''}${party.turn ? ' — odnośnik wysłany, podpisu brak' : ' — nie doszło do jej kolejki'}`,
      );
      return message(
        to,
        `Porozumienie niepodpisane w terminie — ${data.gminaName}`,
        [
          `Termin podpisania porozumienia ${data.agreementId} z gminą ${data.gminaName} minął ${formatWarsaw(data.deadline)}. Brakuje podpisów:`,
          missing.join('\n'),
          'Odnośniki do podpisu wygasły z terminem. W panelu możesz wysłać porozumienie ponownie z nowym terminem, zmienić osobę podpisującą, zapisać podpisanie na papierze albo anulować porozumienie. Ta wiadomość przychodzi raz na każdy termin.',
        ],
        [data.panelUrl, 'Otwórz porozumienie w panelu'],
      );
    }
    case 'notice-address-suppressed': {
      const { data } = mail;
      const why =
        data.reason === 'bounce'
          ? `Serwer odbiorcy odrzucił wiadomość na stałe${data.detail ? ` (${data.detail})` : ''}.`
          : `Odbiorca zgłosił wiadomość jako niechcianą (spam)${data.detail ? `: ${data.detail}` : ''}.`;
      return message(
        to,
        `Adres nie przyjmuje poczty z platformy: ${data.email}`,
        [
          `Od ${formatWarsaw(data.at)} nie wysyłamy żadnych wiadomości na adres ${data.email}${data.role ? ` (${ROLE_LABEL[data.role] ?? data.role})` : ''}. ${why}`,
          'Przypomnienia do tej osoby są pomijane (w dzienniku wysłanych z powodem). Ustal z gminą lub instytucją inny adres i popraw go w karcie lub porozumieniu. Ta wiadomość przychodzi raz dla każdego adresu.',
        ],
        [data.panelUrl, 'Adresy, do których nie wysyłamy'],
      );
    }
  }
}
