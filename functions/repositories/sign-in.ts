import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

/**
 * Coordinators' sign-in: a single-use token sent by e-mail, exchanged for a session. Both are stored only
 * as the SHA-256 of their secret, expire through TTL (`expiresAt`) and are checked for expiry on every
 * read, since TTL deletion can lag by a day or two.
 */

const epochSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000);

/**
 * The token and the e-mail carrying it, both or neither (the outbox delivers the e-mail after this); the
 * e-mail's key.
 */
export async function createSignInToken(
  db: Db,
  input: { tokenSha256: string; email: string; expiresAt: Date; mail: OutgoingMail },
): Promise<OutboxKey> {
  const token = {
    ...keys.signInToken(input.tokenSha256),
    type: 'sign-in-token',
    email: input.email.toLowerCase(),
    expiresAt: epochSeconds(input.expiresAt),
  };
  const mail = queuedMail(token.pk, input.mail);
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: db.tableName, Item: token, ConditionExpression: 'attribute_not_exists(pk)' } },
        { Put: { TableName: db.tableName, Item: mail.item } },
      ],
    }),
  );
  return mail.key;
}

/**
 * Uses the token up and says whose it was; undefined if it is unknown, expired or already used. One
 * conditional write decides, so of two tabs opening the same link at once only one gets a session.
 */
export async function consumeSignInToken(
  db: Db,
  tokenSha256: string,
  now: Date,
): Promise<string | undefined> {
  try {
    const { Attributes } = await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.signInToken(tokenSha256),
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :seconds',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':seconds': epochSeconds(now) },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Attributes ? String(Attributes.email) : undefined;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
}

export async function createSession(
  db: Db,
  input: { sessionSha256: string; email: string; startedAt: Date; expiresAt: Date },
): Promise<void> {
  const startedAt = input.startedAt.toISOString();
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.session(input.sessionSha256),
        ...keys.sessionOfUser(input.email, startedAt),
        type: 'session',
        email: input.email.toLowerCase(),
        startedAt,
        expiresAt: epochSeconds(input.expiresAt),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The e-mail of a live session's user; undefined for an unknown, ended or expired session. */
export async function sessionEmail(db: Db, sessionSha256: string, now: Date): Promise<string | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.session(sessionSha256) }),
  );
  if (!Item || Number(Item.expiresAt) <= epochSeconds(now)) return undefined;
  return String(Item.email);
}

/**
 * Ends a session by expiring it now: every read refuses it from this second, and TTL removes it later.
 * Ending an unknown or already ended session is not an error (signing out twice is fine).
 */
export async function endSession(db: Db, sessionSha256: string, now: Date): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.session(sessionSha256),
        UpdateExpression: 'SET expiresAt = :seconds, endedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND expiresAt > :seconds',
        ExpressionAttributeValues: { ':seconds': epochSeconds(now), ':now': now.toISOString() },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
