import { GetCommand, type TransactItem, TransactWriteCommand, UpdateCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
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

/**
 * Starts a session, with the writes that go with it (the account's last sign-in, the audit entry), all or
 * none: a disabled account's condition fails it. Its last request is its start (the idle limit counts from
 * there).
 */
export async function createSession(
  db: Db,
  input: { sessionSha256: string; email: string; startedAt: Date; expiresAt: Date },
  alongside: TransactItem[] = [],
): Promise<boolean> {
  const startedAt = input.startedAt.toISOString();
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.session(input.sessionSha256),
                ...keys.sessionOfUser(input.email, startedAt),
                type: 'session',
                email: input.email.toLowerCase(),
                startedAt,
                lastSeenAt: startedAt,
                lastSeen: epochSeconds(input.startedAt),
                expiresAt: epochSeconds(input.expiresAt),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...alongside,
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.slice(1).includes('ConditionalCheckFailed')) return false;
    throw error;
  }
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
 * Ends a live session with the entry that logs it, both or neither; a session already ended or expired is
 * left as it is (and nothing logged).
 */
export async function endSessionLogged(
  db: Db,
  sessionSha256: string,
  now: Date,
  audit: TransactItem,
): Promise<void> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.session(sessionSha256),
              UpdateExpression: 'SET expiresAt = :seconds, endedAt = :now',
              ConditionExpression: 'attribute_exists(pk) AND expiresAt > :seconds',
              ExpressionAttributeValues: { ':seconds': epochSeconds(now), ':now': now.toISOString() },
            },
          },
          audit,
        ],
      }),
    );
  } catch (error) {
    if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
  }
}
