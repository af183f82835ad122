import { sha256Hex } from '../lib/crypto.ts';
import { type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db, isTransactionConflict } from './dynamo.ts';
import { keys } from './keys.ts';

export interface RateLimit {
  /** What is being counted, e.g. "draft-by-email". */
  scope: string;
  limit: number;
  windowSeconds: number;
}

/**
 * The updates that count one attempt against each rule, for the transaction of the change they limit (a new
 * card): counted only if the change is stored, and a full window cancels the change.
 */
export function attemptUpdates(db: Db, checks: readonly [RateLimit, string][], now: Date): TransactItem[] {
  const seconds = Math.floor(now.getTime() / 1000);
  return checks.map(([rule, subject]) => {
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
  });
}

/** Seconds until the windows of the refused rules end (the latest), for Retry-After. */
export function retryAfterSeconds(rules: readonly RateLimit[], now: Date): number {
  const seconds = Math.floor(now.getTime() / 1000);
  const ends = rules.map((rule) => seconds - (seconds % rule.windowSeconds) + rule.windowSeconds);
  return Math.max(1, Math.max(...ends) - seconds);
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
  return (await countAttempt(db, checks, now)).allowed;
}

/**
 * takeAttempt, and when refused, how many seconds until the refusing rule's window ends (the latest of them
 * if several refused): what a 429's Retry-After says.
 */
export async function countAttempt(
  db: Db,
  checks: [RateLimit, string][],
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
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
      return { allowed: true };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.includes('ConditionalCheckFailed')) {
        const ends = checks
          .filter((_, index) => codes[index] === 'ConditionalCheckFailed')
          .map(([rule]) => seconds - (seconds % rule.windowSeconds) + rule.windowSeconds);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.max(...ends) - seconds) };
      }
      if (!isTransactionConflict(error) || attempt === CONFLICT_RETRIES) throw error;
      // A few milliseconds, jittered, so the retries of a burst do not collide again.
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 40 * (attempt + 1)));
    }
  }
}
