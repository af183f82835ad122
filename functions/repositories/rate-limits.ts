import { sha256Hex } from '../lib/crypto.ts';
import { TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db, isTransactionConflict } from './dynamo.ts';
import { keys } from './keys.ts';

export interface RateLimit {
  /** What is being counted, e.g. "draft-by-email". */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/** How often a window is retried when other requests were counting in it at the same moment. */
const CONFLICT_RETRIES = 3;

/**
 * Counts one attempt against each rule for its subject (an address, a client) in the current fixed window,
 * all or nothing: if any limit is reached, nothing is counted and the answer is false. Subjects are stored
 * hashed. Concurrent attempts on one window (a double click, a burst) make DynamoDB cancel all but one
 * transaction with TransactionConflict; those are tried again, so a burst is counted rather than failed.
 */
export async function takeAttempt(db: Db, checks: [RateLimit, string][], now: Date): Promise<boolean> {
  const seconds = Math.floor(now.getTime() / 1000);
  const command = new TransactWriteCommand({
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
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await db.client.send(command);
      return true;
    } catch (error) {
      if (cancellationCodes(error)?.includes('ConditionalCheckFailed')) return false;
      if (!isTransactionConflict(error) || attempt === CONFLICT_RETRIES) throw error;
      // A few milliseconds, jittered, so the retries of a burst do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}
