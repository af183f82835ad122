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
  // Without a version, the newest with these answers: after A → B → A the answers stand as version 3.
  const version = found?.versions.findLast(
    (candidate) =>
      candidate.sha256 === sha256 && (receipt.version === undefined || candidate.version === receipt.version),
  );
  if (!found || !call || !version) return { valid: false };
  return {
    valid: true,
    reference,
    version: version.version,
    receivedAt: version.receivedAt,
    callTitle: call.title,
    gminaName: found.card.gminaName,
    superseded: version.version < found.card.version,
    status: found.card.status,
  };
}
