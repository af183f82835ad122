import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import type { CardMailData } from '../mail/templates.ts';
import type { OutgoingMail } from '../repositories/outbox.ts';

/** The addresses e-mails carry. Tokens travel in the fragment, so they never reach a server's logs. */
export function cardUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/karta#t=${token}`;
}

export function receiptUrl(
  siteUrl: string,
  receipt: { reference: string; sha256: string; version: number },
): string {
  return `${siteUrl}/potwierdzenie?ref=${encodeURIComponent(receipt.reference)}&sha256=${receipt.sha256}&version=${receipt.version}`;
}

export function draftUrl(siteUrl: string, callId: string, token: string): string {
  return `${siteUrl}/nabory/${encodeURIComponent(callId)}/zgloszenie#szkic=${token}`;
}

/** Link tokens of a card keep working for reading it long after the call (changes stop at the deadline). */
export function cardLinkExpiry(call: TCall): Date {
  return new Date(Date.parse(call.closesAt) + 365 * 86_400_000);
}

/**
 * The e-mail confirming a sent or changed card to its contact person: the receipt, the answers and both
 * links, queued at the receipt's time.
 */
export function cardConfirmation(
  name: string,
  template: 'card-submitted' | 'card-changed',
  siteUrl: string,
  input: {
    call: TCall;
    receipt: TCardReceipt;
    gminaName: string;
    powiatName: string;
    answers: TCardAnswers;
    token: string;
  },
): OutgoingMail {
  const data: CardMailData = {
    ...input.receipt,
    callTitle: input.call.title,
    closesAt: input.call.closesAt,
    gminaName: input.gminaName,
    powiatName: input.powiatName,
    answers: input.answers,
    cardUrl: cardUrl(siteUrl, input.token),
    receiptUrl: receiptUrl(siteUrl, input.receipt),
  };
  return {
    name,
    to: [input.answers.contacts.contact.email],
    mail: { template, data },
    queuedAt: input.receipt.receivedAt,
  };
}

/** A coordinator's sign-in link: the token in the fragment, like the card's, so no log or Referer holds it. */
export function signInUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/admin/logowanie#t=${token}`;
}
