import type { TReceiptCheck } from '../../shared/schemas/submission.ts';
import { getCall } from '../repositories/calls.ts';
import { findByReference, getCardWithVersions } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';

/**
 * The public receipt check: a reference number and a SHA-256 from a confirmation e-mail either name a
 * version that was received, and when, or nothing. It tells nothing about a card to someone without both.
 */
export async function checkReceipt(
  deps: { db: Db },
  receipt: { reference: string; sha256: string; version?: number | undefined },
): Promise<TReceiptCheck> {
  const { reference, sha256 } = receipt;
  const target = await findByReference(deps.db, reference);
  if (!target) return { valid: false };
  const [found, call] = await Promise.all([
    getCardWithVersions(deps.db, target.callId, target.teryt),
    getCall(deps.db, target.callId),
  ]);
  // Only the versions of the card this reference names: a voided card's partition goes on with the
  // gmina's next card (issue 13), whose versions are not this receipt's.
  const last = target.lastVersion ?? Number.POSITIVE_INFINITY;
  const own = found?.versions.filter(
    (candidate) => candidate.version >= target.firstVersion && candidate.version <= last,
  );
  // Without a version, the newest with these answers: after A → B → A the answers stand as version 3.
  const version = own?.findLast(
    (candidate) =>
      candidate.sha256 === sha256 && (receipt.version === undefined || candidate.version === receipt.version),
  );
  if (!found || !call || !version) return { valid: false };
  const voided = target.voidedAt !== undefined || found.card.reference !== reference;
  return {
    valid: true,
    reference,
    version: version.version,
    receivedAt: version.receivedAt,
    callTitle: call.title,
    gminaName: found.card.gminaName,
    superseded: version.version < Math.min(last, found.card.version),
    status: voided ? 'voided' : found.card.status,
  };
}
