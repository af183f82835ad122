import { sha256Hex } from '../lib/crypto.ts';
import { TransactWriteCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

export interface RateLimit {
  /** What is being counted, e.g. "draft-by-email". */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one attempt against each rule for its subject (an address, a client) in the current fixed window,
 * all or nothing: if any limit is reached, nothing is counted and the answer is false. Subjects are stored
 * hashed.
 */
export async function takeAttempt(db: Db, checks: [RateLimit, string][], now: Date): Promise<boolean> {
  const seconds = Math.floor(now.getTime() / 1000);
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: checks.map(([rule, subject]) => {
          const windowStart = seconds - (seconds % rule.windowSeconds);
          return {
            Update: {
              TableName: db.tableName,
              Key: keys.rateWindow(rule.scope, sha256Hex(subject.toLowerCase()), windowStart),
              UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :expires) ADD attempts :one',
              ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit',
              ExpressionAttributeValues: {
                ':expires': windowStart + rule.windowSeconds,
                ':one': 1,
                ':limit': rule.limit,
              },
            },
          };
        }),
      }),
    );
    return true;
  } catch (error) {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return false;
    throw error;
  }
}
