import {
  type Doc,
  GetCommand,
  QueryCommand,
  type TransactItem,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * A user's sessions beyond signing in and out (repositories/sign-in.ts): the idle limit checked and
 * renewed by every request, the live sessions of a user (gsi2 `USER#<email>#SESSIONS`) and ending them.
 */

const epochSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000);

/**
 * Renewed at most once a minute: a request within a minute of the last renewal writes nothing (so the idle
 * limit holds to the minute, and a burst of a page's requests costs one read each).
 */
export const SESSION_TOUCH_SECONDS = 60;

/**
 * The e-mail of a live session's user, its last request moved to now; undefined for an unknown, ended or
 * expired session, or one idle for `idleSeconds`. The renewal is one conditional write, so a session idle
 * too long cannot be revived by two requests racing.
 */
export async function touchSession(
  db: Db,
  sessionSha256: string,
  now: Date,
  idleSeconds: number,
): Promise<string | undefined> {
  const seconds = epochSeconds(now);
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.session(sessionSha256) }),
  );
  if (!Item || Number(Item.expiresAt) <= seconds) return undefined;
  // Sessions started before the idle limit existed count from their start.
  const lastSeen = Number(Item.lastSeen ?? Date.parse(String(Item.startedAt)) / 1000);
  if (!(lastSeen > seconds - idleSeconds)) return undefined;
  if (lastSeen > seconds - SESSION_TOUCH_SECONDS) return String(Item.email);
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.session(sessionSha256),
        UpdateExpression: 'SET lastSeenAt = :now, lastSeen = :seconds',
        ConditionExpression:
          'attribute_exists(pk) AND expiresAt > :seconds AND (attribute_not_exists(lastSeen) OR lastSeen > :idle)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':seconds': seconds,
          ':idle': seconds - idleSeconds,
        },
      }),
    );
    return String(Item.email);
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

export interface SessionInfo {
  sessionSha256: string;
  startedAt: string;
  lastSeenAt: string;
}

/** The user's sessions still live at `now` (neither ended, expired nor idle too long), oldest first. */
export async function liveSessionsOf(
  db: Db,
  email: string,
  now: Date,
  idleSeconds: number,
): Promise<SessionInfo[]> {
  const items: Doc[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: 'expiresAt > :seconds AND (attribute_not_exists(lastSeen) OR lastSeen > :idle)',
        ExpressionAttributeValues: {
          ':pk': keys.sessionOfUser(email, '').gsi2pk,
          ':seconds': epochSeconds(now),
          ':idle': epochSeconds(now) - idleSeconds,
        },
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map((item) => ({
    sessionSha256: String(item.pk).slice('SESSION#'.length),
    startedAt: String(item.startedAt),
    lastSeenAt: String(item.lastSeenAt ?? item.startedAt),
  }));
}

/** Ends a session in a transaction, as signing out does: expired from now on, TTL removes it later. */
export function sessionEnded(db: Db, sessionSha256: string, now: Date): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.session(sessionSha256),
      UpdateExpression: 'SET expiresAt = :seconds, endedAt = :now',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':seconds': epochSeconds(now), ':now': now.toISOString() },
    },
  };
}

/**
 * Ends the given sessions, with the writes that go with it (an audit entry) in the first transaction; more
 * sessions than one transaction holds are ended in further ones.
 */
export async function endSessions(
  db: Db,
  sessionSha256s: readonly string[],
  now: Date,
  alongside: TransactItem[] = [],
): Promise<void> {
  const first = 100 - alongside.length;
  const batches = [sessionSha256s.slice(0, first)];
  for (let start = first; start < sessionSha256s.length; start += 100)
    batches.push(sessionSha256s.slice(start, start + 100));
  for (const [index, batch] of batches.entries()) {
    const items = [...(index === 0 ? alongside : []), ...batch.map((sha) => sessionEnded(db, sha, now))];
    if (items.length > 0) await db.client.send(new TransactWriteCommand({ TransactItems: items }));
  }
}
