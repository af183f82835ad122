import { nestedInQuotes } from '../../shared/quotes.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import { formatWarsaw, formatWarsawDay } from '../../shared/time.ts';
import { type AgreementMailTemplate, isAgreementMail, renderAgreementMail } from './agreement-templates.ts';
import { cardSummary, type SummarySection } from './card-summary.ts';
import { defangLinks } from './defang.ts';
import { escapeHtml, footerLines, htmlDocument, withFooter } from './layout.ts';
import type { MailMessage } from './mailer.ts';
import { isNoticeMail, type NoticeMailTemplate, renderNoticeMail } from './notice-templates.ts';
import { isTrustMail, renderTrustMail, type TrustMailTemplate } from './trust-templates.ts';

/**
 * Every e-mail the recruitment sends, rendered from the plain data its outbox item keeps. Whatever a gmina
 * typed is escaped in HTML and kept as plain text in the text part.
 */
export type MailTemplate = MailBody & {
  /** The voivodeship (TERYT code) whose ROPS the footer names: the gmina's, the call's. */
  wojewodztwo?: string | undefined;
};

type MailBody =
  | { template: 'card-submitted' | 'card-changed'; data: CardMailData }
  | { template: 'card-withdrawn'; data: WithdrawnMailData }
  | { template: 'card-link'; data: CardLinkMailData }
  | { template: 'draft-saved'; data: DraftMailData }
  | { template: 'sign-in'; data: SignInMailData }
  | { template: 'review-decision'; data: DecisionMailData }
  | { template: 'correction-request'; data: CorrectionMailData }
  | { template: 'call-extended'; data: CallExtendedMailData }
  | { template: 'call-cancelled'; data: CallCancelledMailData }
  | { template: 'call-invitation'; data: CallInvitationMailData }
  | AgreementMailTemplate
  | TrustMailTemplate
  | NoticeMailTemplate;

/** A call's closing moved later (issue 17): to every gmina with a draft or a card in it. */
export interface CallExtendedMailData {
  callTitle: string;
  previousClosesAt: string;
  closesAt: string;
  reason: string;
  callUrl: string;
}

/** A call cancelled (issue 17): to every gmina with a draft or a card in it. */
export interface CallCancelledMailData {
  callTitle: string;
  cancelledAt: string;
  reason: string;
  callUrl: string;
}

/** A gmina invited to a call by invitation: to the address of its office the coordinator gave. */
export interface CallInvitationMailData {
  callTitle: string;
  gminaName: string;
  opensAt: string;
  closesAt: string;
  /** The call's page, naming the gmina. */
  callUrl: string;
}

/** A decision about a card, to the gmina's contact and its OPS: the reason only where it says "no". */
export interface DecisionMailData {
  decision: 'selected' | 'reserve' | 'not_selected' | 'formally_rejected';
  reference: string;
  callTitle: string;
  gminaName: string;
  decidedAt: string;
  reason?: string;
}

/** What the ROPS asks the gmina to correct, by when, and a link that allows the change until then. */
export interface CorrectionMailData {
  reference: string;
  callTitle: string;
  gminaName: string;
  what: string;
  until: string;
  cardUrl: string;
}

export interface CardMailData {
  reference: string;
  version: number;
  sha256: string;
  receivedAt: string;
  callTitle: string;
  closesAt: string;
  gminaName: string;
  powiatName: string;
  answers: TCardAnswers;
  /** The page that reads, changes or withdraws the card (the token is in its fragment). */
  cardUrl: string;
  receiptUrl: string;
}

export interface WithdrawnMailData {
  reference: string;
  withdrawnAt: string;
  callTitle: string;
  closesAt: string;
  gminaName: string;
}

/** A new link to a card, asked for on the site by someone who has not got (or has lost) the first one. */
export interface CardLinkMailData {
  reference: string;
  callTitle: string;
  closesAt: string;
  gminaName: string;
  cardUrl: string;
  /** What the link can do, as things stood when it was asked for: change or withdraw, send again, or only read. */
  can: 'change' | 'resend' | 'read';
}

export interface DraftMailData {
  callTitle: string;
  closesAt: string;
  draftUrl: string;
}

export interface SignInMailData {
  /** The page that exchanges the link's token (in its fragment) for a session. */
  signInUrl: string;
  expiresAt: string;
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

function link(url: string, label: string): string {
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`;
}

function summaryHtml(sections: SummarySection[]): string {
  return sections
    .map(
      (section) =>
        `<h3 style="font-size:16px">${escapeHtml(section.title)}</h3><table style="border-collapse:collapse">${section.rows
          .map(
            ([label, value]) =>
              `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(label)}</th><td style="padding:4px 0;white-space:pre-wrap">${escapeHtml(defangLinks(value))}</td></tr>`,
          )
          .join('')}</table>`,
    )
    .join('');
}

function summaryText(sections: SummarySection[]): string {
  return sections
    .map(
      (section) =>
        `${section.title.toUpperCase()}\n${section.rows.map(([label, value]) => `${label}: ${defangLinks(value)}`).join('\n')}`,
    )
    .join('\n\n');
}

function receiptLines(data: CardMailData): string[] {
  return [
    `Numer zgłoszenia: ${data.reference} (wersja ${data.version})`,
    `Czas otrzymania przez serwer: ${formatWarsaw(data.receivedAt)} czasu polskiego (${data.receivedAt})`,
    `Skrót SHA-256 odpowiedzi: ${data.sha256}`,
  ];
}

/**
 * The message of an outbox item, in the shared frame: its footer names the ROPS of the voivodeship the
 * message is about (`wojewodztwo`, set where the message is queued) and says not to reply.
 */
export function renderMail(to: string[], mail: MailTemplate): MailMessage {
  return withFooter(renderBody(to, mail), footerLines(mail.wojewodztwo));
}

function renderBody(to: string[], mail: MailTemplate): MailMessage {
  if (isAgreementMail(mail)) return renderAgreementMail(to, mail);
  if (isTrustMail(mail)) return renderTrustMail(to, mail);
  if (isNoticeMail(mail)) return renderNoticeMail(to, mail);
  switch (mail.template) {
    case 'card-submitted':
    case 'card-changed': {
      const { data } = mail;
      const changed = mail.template === 'card-changed';
      const subject = `${changed ? 'Zmiana karty zgłoszeniowej' : 'Potwierdzenie karty zgłoszeniowej'} ${data.reference} — ${data.gminaName}`;
      const intro = changed
        ? `Otrzymaliśmy zmienioną kartę zgłoszeniową gminy ${data.gminaName} w naborze „${nestedInQuotes(data.callTitle)}”. Obowiązuje jej najnowsza wersja.`
        : `Otrzymaliśmy kartę zgłoszeniową gminy ${data.gminaName} w naborze „${nestedInQuotes(data.callTitle)}”.`;
      const until = `Do ${formatWarsaw(data.closesAt)} czasu polskiego (termin naboru) możesz kartę zmienić albo wycofać:`;
      const sections = cardSummary(data.answers, data.gminaName, data.powiatName);
      const receipt = receiptLines(data);
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(intro)}<h2 style="font-size:18px">Potwierdzenie odbioru</h2>${receipt.map(paragraph).join('')}${link(data.receiptUrl, 'Sprawdź potwierdzenie')}${paragraph(until)}${link(data.cardUrl, 'Zobacz, zmień lub wycofaj kartę')}${paragraph('Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.')}<h2 style="font-size:18px">Twoje odpowiedzi</h2>${summaryHtml(sections)}`,
        ),
        text: [
          subject,
          '',
          intro,
          '',
          'POTWIERDZENIE ODBIORU',
          ...receipt,
          `Sprawdź potwierdzenie: ${data.receiptUrl}`,
          '',
          until,
          data.cardUrl,
          'Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.',
          '',
          'TWOJE ODPOWIEDZI',
          '',
          summaryText(sections),
        ].join('\n'),
      };
    }
    case 'card-withdrawn': {
      const { data } = mail;
      const subject = `Wycofanie karty zgłoszeniowej ${data.reference} — ${data.gminaName}`;
      // A card may be withdrawn after the deadline too (until a decision), and then cannot be sent again.
      const again =
        data.withdrawnAt < data.closesAt
          ? `Do terminu naboru (${formatWarsaw(data.closesAt)} czasu polskiego) możesz ją wysłać ponownie, korzystając z odnośnika z e-maila potwierdzającego.`
          : 'Termin naboru minął, więc nie można jej wysłać ponownie.';
      const body = `Karta zgłoszeniowa gminy ${data.gminaName} w naborze „${nestedInQuotes(data.callTitle)}” została wycofana ${formatWarsaw(data.withdrawnAt)} czasu polskiego. Nie będzie oceniana. ${again}`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}`,
        ),
        text: [subject, '', body].join('\n'),
      };
    }
    case 'card-link': {
      const { data } = mail;
      const subject = `Odnośnik do karty zgłoszeniowej ${data.reference} — ${data.gminaName}`;
      const until = `${formatWarsaw(data.closesAt)} czasu polskiego (termin naboru)`;
      const can = {
        change: `Przez odnośnik zobaczysz kartę, a do ${until} możesz ją też zmienić albo wycofać.`,
        resend: `Karta jest wycofana: przez odnośnik zobaczysz ją i do ${until} możesz ją wysłać ponownie.`,
        read: `Termin naboru minął ${formatWarsaw(data.closesAt)} czasu polskiego: przez odnośnik zobaczysz kartę, ale nie można jej już zmienić.`,
      }[data.can];
      const body = `Na stronie naboru „${nestedInQuotes(data.callTitle)}” poproszono o ponowne wysłanie odnośnika do karty zgłoszeniowej gminy ${data.gminaName}. Wysyłamy go na adres osoby do kontaktu podany w karcie. ${can}`;
      const notAsked =
        'Jeśli nikt z urzędu gminy o to nie prosił, zignoruj tę wiadomość: odnośnik trafia tylko na ten adres, a wcześniejsze nadal działają.';
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}${link(data.cardUrl, data.can === 'change' ? 'Zobacz, zmień lub wycofaj kartę' : 'Zobacz kartę')}${paragraph('Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.')}${paragraph(notAsked)}`,
        ),
        text: [
          subject,
          '',
          body,
          '',
          data.cardUrl,
          '',
          'Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.',
          notAsked,
        ].join('\n'),
      };
    }
    case 'draft-saved': {
      const { data } = mail;
      const subject = `Zapisana karta zgłoszeniowa — ${data.callTitle}`;
      const body = `Zapisaliśmy Twoją niedokończoną kartę zgłoszeniową w naborze „${nestedInQuotes(data.callTitle)}”. Aby ją dokończyć na dowolnym komputerze, otwórz odnośnik poniżej. Działa do końca naboru: ${formatWarsaw(data.closesAt)} czasu polskiego.`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}${link(data.draftUrl, 'Dokończ kartę zgłoszeniową')}${paragraph('Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.')}`,
        ),
        text: [
          subject,
          '',
          body,
          '',
          data.draftUrl,
          '',
          'Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.',
        ].join('\n'),
      };
    }
    case 'review-decision': {
      const { data } = mail;
      const call = `„${nestedInQuotes(data.callTitle)}”`;
      const [title, outcome] = {
        selected: ['gmina wybrana', `gmina ${data.gminaName} została wybrana do udziału w naborze ${call}.`],
        reserve: [
          'gmina na liście rezerwowej',
          `gmina ${data.gminaName} została umieszczona na liście rezerwowej naboru ${call}. Jeśli zwolni się miejsce, poinformujemy o tym.`,
        ],
        not_selected: ['gmina niewybrana', `gmina ${data.gminaName} nie została wybrana w naborze ${call}.`],
        formally_rejected: [
          'karta odrzucona formalnie',
          `karta zgłoszeniowa gminy ${data.gminaName} nie przeszła oceny formalnej w naborze ${call}.`,
        ],
      }[data.decision];
      const subject = `Decyzja w naborze: ${title} — ${data.gminaName} (${data.reference})`;
      const body = `Uprzejmie informujemy, że ${outcome}`;
      const when = `Data decyzji: ${formatWarsaw(data.decidedAt)} czasu polskiego. Numer zgłoszenia: ${data.reference}.`;
      const reason = data.reason ? `Uzasadnienie: ${data.reason}` : undefined;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}${reason ? `<p style="white-space:pre-wrap">${escapeHtml(reason)}</p>` : ''}${paragraph(when)}`,
        ),
        text: [subject, '', body, ...(reason ? ['', reason] : []), '', when].join('\n'),
      };
    }
    case 'correction-request': {
      const { data } = mail;
      const subject = `Prośba o uzupełnienie karty zgłoszeniowej ${data.reference} — ${data.gminaName}`;
      const body = `Koordynator naboru „${nestedInQuotes(data.callTitle)}” prosi o poprawienie lub uzupełnienie karty zgłoszeniowej gminy ${data.gminaName}:`;
      const until = `Zmiany możesz wprowadzić do ${formatWarsawDay(data.until)} r. (do końca dnia, ${formatWarsaw(data.until)} czasu polskiego) przez odnośnik poniżej, także po terminie naboru. Po tej dacie karta będzie tylko do wglądu.`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}<p style="white-space:pre-wrap">${escapeHtml(data.what)}</p>${paragraph(until)}${link(data.cardUrl, 'Popraw kartę')}${paragraph('Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.')}`,
        ),
        text: [
          subject,
          '',
          body,
          data.what,
          '',
          until,
          data.cardUrl,
          '',
          'Odnośnik jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.',
        ].join('\n'),
      };
    }
    case 'call-extended': {
      const { data } = mail;
      const subject = `Przedłużony termin naboru — ${data.callTitle}`;
      const body = `Termin naboru „${nestedInQuotes(data.callTitle)}” został przedłużony: karty zgłoszeniowe można wysyłać i zmieniać do ${formatWarsaw(data.closesAt)} czasu polskiego (zamiast do ${formatWarsaw(data.previousClosesAt)}). Piszemy, bo Twoja gmina ma w tym naborze zapisaną lub wysłaną kartę.`;
      const reason = `Powód: ${data.reason}`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}<p style="white-space:pre-wrap">${escapeHtml(reason)}</p>${link(data.callUrl, 'Strona naboru')}`,
        ),
        text: [subject, '', body, '', reason, '', data.callUrl].join('\n'),
      };
    }
    case 'call-cancelled': {
      const { data } = mail;
      const subject = `Odwołany nabór — ${data.callTitle}`;
      const body = `Nabór „${nestedInQuotes(data.callTitle)}” został odwołany ${formatWarsaw(data.cancelledAt)} czasu polskiego. Kart zgłoszeniowych nie można już wysyłać, a wysłane nie będą oceniane. Piszemy, bo Twoja gmina ma w tym naborze zapisaną lub wysłaną kartę.`;
      const reason = `Powód: ${data.reason}`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}<p style="white-space:pre-wrap">${escapeHtml(reason)}</p>${link(data.callUrl, 'Strona naboru')}`,
        ),
        text: [subject, '', body, '', reason, '', data.callUrl].join('\n'),
      };
    }
    case 'call-invitation': {
      const { data } = mail;
      const subject = `Zaproszenie do naboru — ${data.callTitle}`;
      const body = `Gmina ${data.gminaName} jest zaproszona do naboru „${nestedInQuotes(data.callTitle)}”. Nabór jest tylko dla zaproszonych gmin. Kartę zgłoszeniową można wysłać od ${formatWarsaw(data.opensAt)} do ${formatWarsaw(data.closesAt)} czasu polskiego na stronie naboru:`;
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}${link(data.callUrl, 'Strona naboru i karta zgłoszeniowa')}`,
        ),
        text: [subject, '', body, '', data.callUrl].join('\n'),
      };
    }
    case 'sign-in': {
      const { data } = mail;
      const subject = 'Logowanie do panelu koordynatora — Kooperacja';
      const body = `Aby zalogować się do panelu koordynatora naborów, otwórz odnośnik poniżej. Działa jeden raz, do ${formatWarsaw(data.expiresAt)} czasu polskiego.`;
      const notYou =
        'Jeśli to nie Ty prosisz o zalogowanie, zignoruj tę wiadomość: bez odnośnika nikt się nie zaloguje.';
      return {
        to,
        subject,
        html: htmlDocument(
          subject,
          `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraph(body)}${link(data.signInUrl, 'Zaloguj się')}${paragraph(notYou)}`,
        ),
        text: [subject, '', body, '', data.signInUrl, '', notYou].join('\n'),
      };
    }
  }
}
