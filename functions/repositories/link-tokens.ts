import { sha256Hex } from '../lib/crypto.ts';
import { GetCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * What a token opens. A card's token names the card's reference: a voided card's partition goes on with the
 * gmina's next card (issue 13), and a link to the voided one must not open that; tokens written before voiding
 * existed have none and are honoured only for a partition's first card (cardByLink). It opens the card only
 * while its `linkEpoch` is the card's (a revocation or an erasure raises the card's).
 */
export type LinkTarget =
  | {
      kind: 'card';
      callId: string;
      teryt: string;
      reference?: string | undefined;
      linkEpoch?: number | undefined;
    }
  | { kind: 'draft'; draftId: string };

/** What a new token opens: a card's always with its reference. */
export type NewLinkTarget =
  | { kind: 'card'; callId: string; teryt: string; reference: string; linkEpoch?: number | undefined }
  | { kind: 'draft'; draftId: string };

/** A new e-mailed link: its secret (only the SHA-256 is stored) and until when it works. */
export interface NewLink {
  token: string;
  expiresAt: Date;
}

/**
 * The token's item, for the transaction that stores what it opens. TTL removes it eventually; `expiresAt` is
 * also checked on every read. Whole seconds, rounded up: a link valid until the call closes (…:59.999)
 * must not stop a moment before it.
 */
export function linkTokenItem(link: NewLink, target: NewLinkTarget) {
  return {
    ...keys.linkToken(sha256Hex(link.token)),
    type: 'link-token',
    ...Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined && value !== 0)),
    expiresAt: Math.ceil(link.expiresAt.getTime() / 1000),
  };
}

/**
 * What a link token opens, if it is known and not expired (TTL deletion can lag by a day or two); a draft's
 * expiry is its call's closing, checked by the caller.
 */
export async function resolveLinkToken(db: Db, token: string, now: Date): Promise<LinkTarget | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.linkToken(sha256Hex(token)) }),
  );
  if (!Item) return undefined;
  // A draft's link works while its call is open, which the call's closing decides when the draft is read
  // (domain/drafts.ts): an extension moves it, and the TTL of this item only follows.
  if (Item.kind !== 'draft' && Number(Item.expiresAt) * 1000 <= now.getTime()) return undefined;
  return Item.kind === 'card'
    ? {
        kind: 'card',
        callId: String(Item.callId),
        teryt: String(Item.teryt),
        ...(Item.linkEpoch === undefined ? {} : { linkEpoch: Number(Item.linkEpoch) }),
        ...(typeof Item.reference === 'string' ? { reference: Item.reference } : {}),
      }
    : { kind: 'draft', draftId: String(Item.draftId) };
}
