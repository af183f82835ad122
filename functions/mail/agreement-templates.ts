import { formatWarsaw } from '../../shared/time.ts';
import { escapeHtml, htmlDocument } from './layout.ts';
import type { MailMessage } from './mailer.ts';

/**
 * The agreements' e-mails (porozumienia), rendered from the plain data their outbox items keep. A module of
 * its own, so the recruitment's templates stay as they are; templates.ts hands these over.
 */
export type AgreementMailTemplate =
  | { template: 'agreement-signing-link'; data: SigningLinkMailData }
  | { template: 'agreement-declined'; data: DeclinedMailData }
  | { template: 'agreement-upload-received'; data: UploadReceivedMailData }
  | { template: 'agreement-completed'; data: CompletedMailData };

export interface SigningLinkMailData {
  agreementId: string;
  gminaName: string;
  partyName: string;
  signatoryName: string;
  deadline: string;
  /** The signing page; the token is in its fragment. */
  signUrl: string;
  why: 'turn' | 'resent' | 'restarted';
}

export interface DeclinedMailData {
  agreementId: string;
  gminaName: string;
  partyName: string;
  signatoryName: string;
  reason: string;
}

export interface UploadReceivedMailData {
  agreementId: string;
  gminaName: string;
  partyName: string;
  signed: boolean;
  signerName?: string | undefined;
}

export interface CompletedMailData {
  agreementId: string;
  gminaName: string;
  finalSha256: string;
  verifyUrl: string;
  /** The sealed final PDF in the documents bucket, attached when the message is sent. */
  attachment: { key: string; sha256: string; filename: string };
}

export function isAgreementMail(mail: { template: string }): mail is AgreementMailTemplate {
  return mail.template.startsWith('agreement-');
}

function message(
  to: string[],
  subject: string,
  paragraphs: string[],
  action?: [string, string],
): MailMessage {
  const html = htmlDocument(
    subject,
    `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${paragraphs
      .map((paragraph) => `<p style="white-space:pre-wrap">${escapeHtml(paragraph)}</p>`)
      .join('')}${action ? `<p><a href="${escapeHtml(action[0])}">${escapeHtml(action[1])}</a></p>` : ''}`,
  );
  const text = [
    subject,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(action ? [action[0]] : []),
  ]
    .join('\n')
    .trimEnd();
  return { to, subject, html, text };
}

export function renderAgreementMail(to: string[], mail: AgreementMailTemplate): MailMessage {
  switch (mail.template) {
    case 'agreement-signing-link': {
      const { data } = mail;
      const intro = {
        turn: `Prosimy o podpisanie porozumienia o współpracy ${data.agreementId} z gminą ${data.gminaName} w imieniu: ${data.partyName}.`,
        resent: `Przesyłamy nowy odnośnik do podpisania porozumienia ${data.agreementId} z gminą ${data.gminaName} w imieniu: ${data.partyName}. Wcześniejsze odnośniki już nie działają.`,
        restarted: `Treść porozumienia ${data.agreementId} z gminą ${data.gminaName} została zmieniona, dlatego złożone podpisy straciły ważność. Prosimy o ponowne podpisanie w imieniu: ${data.partyName}.`,
      }[data.why];
      return message(
        to,
        `Porozumienie do podpisu — ${data.gminaName}`,
        [
          `Szanowna Pani / Szanowny Panie ${data.signatoryName},`,
          intro,
          `Na stronie zobaczysz treść porozumienia i jego skrót SHA-256. Aby podpisać, wpisz swoje imię i nazwisko i potwierdź zgodę. Odnośnik działa do ${formatWarsaw(data.deadline)} czasu polskiego i jest przeznaczony tylko dla Ciebie: nie przekazuj go dalej.`,
        ],
        [data.signUrl, 'Przeczytaj i podpisz porozumienie'],
      );
    }
    case 'agreement-declined': {
      const { data } = mail;
      return message(to, `Odmowa podpisania porozumienia — ${data.gminaName}`, [
        `${data.signatoryName} (${data.partyName}) odmówił(a) podpisania porozumienia ${data.agreementId}.`,
        `Podany powód: ${data.reason}`,
        'Podpisywanie zostało wstrzymane. Możesz poprawić treść, zmienić osobę podpisującą albo anulować porozumienie w panelu koordynatora.',
      ]);
    }
    case 'agreement-upload-received': {
      const { data } = mail;
      return message(to, `Przesłano podpisany plik porozumienia — ${data.gminaName}`, [
        `${data.partyName} przesłał(a) plik PDF porozumienia ${data.agreementId} podpisany poza platformą.`,
        data.signed
          ? `Plik zawiera podpis elektroniczny${data.signerName ? ` (podpisujący według certyfikatu: ${data.signerName})` : ''}.`
          : 'Plik nie zawiera podpisu elektronicznego.',
        'Podpis tej Strony zostanie uznany po Twoim potwierdzeniu w panelu koordynatora.',
      ]);
    }
    case 'agreement-completed': {
      const { data } = mail;
      return message(
        to,
        `Porozumienie podpisane — ${data.gminaName}`,
        [
          `Wszystkie Strony podpisały porozumienie ${data.agreementId}. W załączniku jest jego egzemplarz końcowy z podpisami i historią, opatrzony pieczęcią elektroniczną platformy.`,
          `Skrót SHA-256 egzemplarza końcowego: ${data.finalSha256}`,
          'Zgodność pliku można sprawdzić na stronie weryfikacji:',
        ],
        [data.verifyUrl, 'Sprawdź porozumienie'],
      );
    }
  }
}
