import type { TCardAnswers } from '../../shared/schemas/card.ts';
import { CARD_LINK_DAYS, type TCall } from '../../shared/schemas/programme.ts';
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

/**
 * A card's links work until the deadline for changes and then, for reading it, CARD_LINK_DAYS (or the
 * programme's cardLinkDays) after the closing; a correction the ROPS asks for later comes with a new link.
 */
export function cardLinkExpiry(call: TCall): Date {
  return new Date(Date.parse(call.closesAt) + (call.cardLinkDays ?? CARD_LINK_DAYS) * 86_400_000);
}

/**
 * The instant the personal data of a call's cards may go (TTL, epoch seconds): the end (UTC) of the
 * programme's retention day as copied to the call, never before its links end. Undefined for a call
 * announced before retention was recorded: apply-retention gives its items their TTL.
 */
export function retentionExpiresAt(call: TCall): number | undefined {
  if (!call.retainUntil) return undefined;
  const end = Math.max(Date.parse(`${call.retainUntil}T23:59:59Z`), cardLinkExpiry(call).getTime());
  return Math.ceil(end / 1000);
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
    mail: { template, data, wojewodztwo: footerWojewodztwo(input.call, input.answers.office.teryt) },
    queuedAt: input.receipt.receivedAt,
  };
}

/** A coordinator's sign-in link: the token in the fragment, like the card's, so no log or Referer holds it. */
export function signInUrl(siteUrl: string, token: string): string {
  return `${siteUrl}/admin/logowanie#t=${token}`;
}

/**
 * The voivodeship whose ROPS a message's footer names: the gmina's when the message is about one, else the
 * call's when it has one voivodeship; none for a call of several (the footer then points to the call's page).
 */
export function footerWojewodztwo(
  call: { wojewodztwa: readonly string[] } | undefined,
  teryt?: unknown,
): string | undefined {
  // A draft's answers are partial and unchecked: its gmina counts only if it looks like a TERYT code.
  if (typeof teryt === 'string' && /^\d{7}$/.test(teryt)) return teryt.slice(0, 2);
  return call?.wojewodztwa.length === 1 ? call.wojewodztwa[0] : undefined;
}
