import { nestedInQuotes } from '../../shared/quotes.ts';
import { formatWarsaw } from '../../shared/time.ts';
import { defangLinks } from './defang.ts';
import { type ContactLine, escapeHtml, htmlDocument, ropsContactLine } from './layout.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The e-mails that keep a gmina from being locked out by a card sent in its name (issue 13): the notice to
 * the gmina office's official address, the notice to a card's previous contact address, and the voiding of a
 * card. A module of its own, as the agreements' are; templates.ts hands these over. Text a stranger typed
 * (names, the void's reason) is escaped in HTML and defanged, so no mail client links it.
 */
export type TrustMailTemplate =
  | { template: 'trust-office-notice'; data: OfficeNoticeMailData }
  | { template: 'trust-contact-changed'; data: ContactChangedMailData }
  | { template: 'trust-card-voided'; data: VoidedMailData };

export interface CardContact {
  name: string;
  email: string;
  phone: string;
}

export interface OfficeNoticeMailData {
  reference: string;
  callTitle: string;
  closesAt: string;
  gminaName: string;
  submittedAt: string;
  /** Online, or registered by the ROPS from a card that came by post or e-mail. */
  channel: 'online' | 'post' | 'email';
  contact: CardContact;
  rops: ContactLine;
}

export interface ContactChangedMailData {
  reference: string;
  callTitle: string;
  gminaName: string;
  changedAt: string;
  /** The address the card names now. */
  newEmail: string;
  rops: ContactLine;
}

export interface VoidedMailData {
  reference: string;
  callTitle: string;
  closesAt: string;
  gminaName: string;
  voidedAt: string;
  reason: string;
  /** Whom the e-mail goes to: the card's contact person, or the gmina office. */
  to: 'contact' | 'office';
  rops: ContactLine;
}

export function isTrustMail(mail: { template: string }): mail is TrustMailTemplate {
  return mail.template.startsWith('trust-');
}

function paragraphsDocument(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((text) => `<p style="white-space:pre-wrap">${escapeHtml(text)}</p>`).join('');
  return htmlDocument(title, `<h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}`);
}

function message(to: string[], subject: string, paragraphs: string[]): MailMessage {
  return {
    to,
    subject,
    html: paragraphsDocument(subject, paragraphs),
    text: [subject, '', ...paragraphs].join('\n\n'),
  };
}

export function ropsLines(rops: ContactLine): string {
  return ropsContactLine(rops);
}

const CHANNEL = {
  online: 'przez stronę naboru',
  post: 'pocztą (zarejestrowana przez ROPS)',
  email: 'e-mailem (zarejestrowana przez ROPS)',
} as const;

export function renderTrustMail(to: string[], mail: TrustMailTemplate): MailMessage {
  switch (mail.template) {
    case 'trust-office-notice': {
      const { data } = mail;
      const subject = `Karta zgłoszeniowa gminy ${data.gminaName} w naborze — ${data.reference}`;
      const contact = data.contact;
      return message(to, subject, [
        `W imieniu gminy ${data.gminaName} wysłano kartę zgłoszeniową w naborze „${nestedInQuotes(data.callTitle)}” (${CHANNEL[data.channel]}), ${formatWarsaw(data.submittedAt)} czasu polskiego. Numer zgłoszenia: ${data.reference}.`,
        `Jako osobę do kontaktu podano: ${defangLinks(contact.name)}, e-mail ${contact.email}, tel. ${defangLinks(contact.phone)}. Tylko ta osoba dostaje odnośnik do karty.`,
        'Piszemy na oficjalny adres urzędu gminy, bo gmina może złożyć w naborze tylko jedną kartę: jeśli wysłał ją urząd, nic nie trzeba robić.',
        `Jeśli urząd tej karty nie wysłał albo nie zna osoby do kontaktu, skontaktuj się niezwłocznie z koordynatorem naboru, podając numer zgłoszenia: ${ropsLines(data.rops)}. Koordynator może kartę unieważnić, a wtedy gmina wyśle własną (do ${formatWarsaw(data.closesAt)} czasu polskiego).`,
      ]);
    }
    case 'trust-contact-changed': {
      const { data } = mail;
      const subject = `Zmiana adresu osoby do kontaktu w karcie ${data.reference} — ${data.gminaName}`;
      return message(to, subject, [
        `W karcie zgłoszeniowej gminy ${data.gminaName} w naborze „${nestedInQuotes(data.callTitle)}” (numer ${data.reference}) ${formatWarsaw(data.changedAt)} czasu polskiego zmieniono adres osoby do kontaktu z tego adresu na ${data.newEmail}. Wiadomości o karcie i odnośniki do niej trafiają odtąd tam.`,
        `Jeśli nikt z urzędu gminy tego nie zmieniał, skontaktuj się z koordynatorem naboru: ${ropsLines(data.rops)}.`,
      ]);
    }
    case 'trust-card-voided': {
      const { data } = mail;
      const subject = `Unieważnienie karty zgłoszeniowej ${data.reference} — ${data.gminaName}`;
      const again =
        data.voidedAt < data.closesAt
          ? `Gmina może wysłać nową kartę do ${formatWarsaw(data.closesAt)} czasu polskiego (termin naboru).`
          : 'Termin naboru minął; o dalszym postępowaniu zdecyduje koordynator naboru.';
      return message(to, subject, [
        `Koordynator naboru „${nestedInQuotes(data.callTitle)}” unieważnił kartę zgłoszeniową gminy ${data.gminaName} (numer ${data.reference}) ${formatWarsaw(data.voidedAt)} czasu polskiego. Karta nie będzie oceniana, a odnośnik do niej już jej nie otwiera.`,
        `Powód: ${defangLinks(data.reason)}`,
        again,
        `Pytania: ${ropsLines(data.rops)}.`,
      ]);
    }
  }
}
