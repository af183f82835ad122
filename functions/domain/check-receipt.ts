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
  reference: string,
  sha256: string,
): Promise<TReceiptCheck> {
  const target = await findByReference(deps.db, reference);
  if (!target) return { valid: false };
  const [found, call] = await Promise.all([
    getCardWithVersions(deps.db, target.callId, target.teryt),
    getCall(deps.db, target.callId),
  ]);
  const version = found?.versions.find((candidate) => candidate.sha256 === sha256);
  if (!found || !call || !version) return { valid: false };
  return {
    valid: true,
    reference,
    version: version.version,
    receivedAt: version.receivedAt,
    callTitle: call.title,
    gminaName: found.card.gminaName,
    superseded: version.version < found.card.version,
  };
}
