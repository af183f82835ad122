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
  /** The sealed final PDF in the documents bucket, attached when the message is sent and small enough. */
  attachment: { key: string; sha256: string; filename: string };
  /**
   * A party's own link to the signing page, where the final record can be downloaded until `downloadUntil`
   * (a coordinator's copy has none: the panel has the file).
   */
  downloadUrl?: string | undefined;
  downloadUntil?: string | undefined;
  /**
   * Decided by the sender, never stored: the file's size when it is too large to attach
   * (FINAL_ATTACHMENT_MAX_BYTES, deliver-mail.ts); absent when it is attached.
   */
  tooLarge?: { bytes: number } | undefined;
}

export function isAgreementMail(mail: { template: string }): mail is AgreementMailTemplate {
  return mail.template.startsWith('agreement-');
}

function message(
  to: string[],
  subject: string,
  paragraphs: (string | [string, string])[],
  action?: [string, string],
): MailMessage {
  // A paragraph given as [url, label] is a link of its own (the text version shows the address).
  const blocks = action ? [...paragraphs, action] : paragraphs;
  const html = htmlDocument(
    subject,
    `<h1 style="font-size:22px">${escapeHtml(subject)}</h1>${blocks
      .map((block) =>
        typeof block === 'string'
          ? `<p style="white-space:pre-wrap">${escapeHtml(block)}</p>`
          : `<p><a href="${escapeHtml(block[0])}">${escapeHtml(block[1])}</a></p>`,
      )
      .join('')}`,
  );
  const text = [
    subject,
    '',
    ...blocks.flatMap((block) => (typeof block === 'string' ? [block, ''] : [block[0], ''])),
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
      const seal = 'z podpisami i historią, opatrzony pieczęcią elektroniczną platformy';
      const until = data.downloadUntil
        ? ` (odnośnik działa do ${formatWarsaw(data.downloadUntil)} czasu polskiego i jest przeznaczony tylko dla Ciebie)`
        : '';
      const where: (string | [string, string])[] = data.downloadUrl
        ? [
            `Plik pobierzesz na stronie porozumienia przyciskiem „Pobierz podpisane porozumienie (PDF)”${until}:`,
            [data.downloadUrl, 'Otwórz stronę porozumienia'],
          ]
        : ['Plik pobierzesz w panelu koordynatora, na stronie tego porozumienia.'];
      const intro = data.tooLarge
        ? [
            `Wszystkie Strony podpisały porozumienie ${data.agreementId}. Jego egzemplarz końcowy (${seal}) ma ${megabytes(data.tooLarge.bytes)} i jest zbyt duży, by wysłać go e-mailem jako załącznik.`,
            ...where,
          ]
        : [
            `Wszystkie Strony podpisały porozumienie ${data.agreementId}. W załączniku jest jego egzemplarz końcowy ${seal}.`,
            ...(data.downloadUrl ? where : []),
          ];
      return message(
        to,
        `Porozumienie podpisane — ${data.gminaName}`,
        [
          ...intro,
          `Skrót SHA-256 egzemplarza końcowego: ${data.finalSha256}`,
          'Zgodność pliku można sprawdzić na stronie weryfikacji:',
        ],
        [data.verifyUrl, 'Sprawdź porozumienie'],
      );
    }
  }
}

/** "9,4 MB": a file's size as a Polish reader writes it. */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} MB`;
}
