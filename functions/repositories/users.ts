import { GetCommand, PutCommand, QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * A coordinator sees the cards of their voivodeships; the lead ROPS, those of the programmes it leads
 * (functions/domain/access.ts).
 */
export type UserRole = 'coordinator' | 'lead';

export interface User {
  email: string;
  name: string;
  role: UserRole;
  wojewodztwa: string[];
}

/** An account as the panel manages it: a user, whether it is disabled, when it was made and last used. */
export interface Account extends User {
  disabled: boolean;
  createdAt?: string;
  lastSignInAt?: string;
}

/** Creates the user unless one with the e-mail exists; says whether it created it. */
export async function createUserIfAbsent(db: Db, user: User): Promise<boolean> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.user(user.email), ...keys.usersList(user.email), type: 'user', ...user },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * The user of an enabled account; undefined for an unknown or disabled one, so a disabled account can ask
 * for no sign-in link, use none it has, and no session of it counts.
 */
export async function getUser(db: Db, email: string): Promise<User | undefined> {
  const account = await getAccount(db, email);
  if (!account || account.disabled) return undefined;
  const { name, role, wojewodztwa } = account;
  return { email: account.email, name, role, wojewodztwa };
}

/** Any account, enabled or not (the panel's account management). */
export async function getAccount(db: Db, email: string): Promise<Account | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.user(email), ConsistentRead: true }),
  );
  return Item ? toAccount(Item) : undefined;
}

/** Every account, by e-mail: one Query of gsi1 (accounts are tens). */
export async function listAccounts(db: Db): Promise<Account[]> {
  const accounts: Account[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.usersList('').gsi1pk },
        ExclusiveStartKey,
      }),
    );
    accounts.push(...(page.Items ?? []).map(toAccount));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return accounts;
}

function toAccount(item: Record<string, unknown>): Account {
  const { name, role, wojewodztwa, createdAt, lastSignInAt } = item as Partial<Account>;
  return {
    email: String(item.email).toLowerCase(),
    name: String(name),
    role: role === 'lead' ? 'lead' : 'coordinator',
    wojewodztwa: [...(wojewodztwa ?? [])],
    disabled: item.disabled === true,
    ...(createdAt ? { createdAt } : {}),
    ...(lastSignInAt ? { lastSignInAt } : {}),
  };
}

/**
 * A new account with the writes that go with it (its audit entry); 'exists' and nothing written when the
 * address already has one.
 */
export async function createAccount(
  db: Db,
  user: User,
  createdAt: Date,
  alongside: TransactItem[],
): Promise<'created' | 'exists'> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.user(user.email),
                ...keys.usersList(user.email),
                type: 'user',
                ...user,
                email: user.email.toLowerCase(),
                createdAt: createdAt.toISOString(),
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...alongside,
        ],
      }),
    );
    return 'created';
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'exists';
    throw error;
  }
}

/**
 * Changes an account as it was read (`expected`: name, voivodeships and disabled must still be so, or
 * 'changed' and nothing written), with the writes that go with it (audit entry, sessions ended).
 */
export async function updateAccount(
  db: Db,
  expected: Account,
  change: { name: string; wojewodztwa: string[]; disabled: boolean },
  alongside: TransactItem[],
): Promise<'updated' | 'changed'> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.user(expected.email),
              UpdateExpression: 'SET #name = :name, wojewodztwa = :woj, disabled = :disabled',
              ConditionExpression:
                'attribute_exists(pk) AND #name = :oldName AND wojewodztwa = :oldWoj AND ' +
                '(disabled = :oldDisabled OR (attribute_not_exists(disabled) AND :oldDisabled = :false))',
              ExpressionAttributeNames: { '#name': 'name' },
              ExpressionAttributeValues: {
                ':name': change.name,
                ':woj': change.wojewodztwa,
                ':disabled': change.disabled,
                ':oldName': expected.name,
                ':oldWoj': expected.wojewodztwa,
                ':oldDisabled': expected.disabled,
                ':false': false,
              },
            },
          },
          ...alongside,
        ],
      }),
    );
    return 'updated';
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'changed';
    throw error;
  }
}

/** Records a sign-in on the account, in the transaction that starts the session (it must still be enabled). */
export function signInRecorded(db: Db, email: string, at: Date): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.user(email),
      UpdateExpression: 'SET lastSignInAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(disabled) OR disabled = :false)',
      ExpressionAttributeValues: { ':at': at.toISOString(), ':false': false },
    },
  };
}
