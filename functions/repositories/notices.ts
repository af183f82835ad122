import { PutCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

/**
 * Notices that must go once whatever asks for them again (a planner run repeated, an SES event delivered
 * twice): the outbox message is written only if its name is new in its partition. The outbox's delivery
 * (the sweeper today) sends it; undefined when it had been queued before.
 */
async function queueOnce(db: Db, ownerPk: string, outgoing: OutgoingMail): Promise<OutboxKey | undefined> {
  const { key, item } = queuedMail(ownerPk, outgoing);
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return key;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

/** A notice about an agreement, in its card's partition (so a held one is listed for its voivodeship). */
export function queueAgreementNoticeOnce(
  db: Db,
  agreement: { callId: string; teryt: string },
  outgoing: OutgoingMail,
): Promise<OutboxKey | undefined> {
  return queueOnce(db, keys.agreement(agreement.callId, agreement.teryt).pk, outgoing);
}

/** A notice about an address that no longer takes mail, in the address's suppression partition. */
export function queueAddressNoticeOnce(
  db: Db,
  email: string,
  outgoing: OutgoingMail,
): Promise<OutboxKey | undefined> {
  return queueOnce(db, keys.suppression(email).pk, outgoing);
}
