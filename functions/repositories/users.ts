import { GetCommand, PutCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/** A coordinator sees the cards of their voivodeships; the lead ROPS sees all of them. */
export type UserRole = 'coordinator' | 'lead';

export interface User {
  email: string;
  name: string;
  role: UserRole;
  wojewodztwa: string[];
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

export async function getUser(db: Db, email: string): Promise<User | undefined> {
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.user(email) }));
  if (!Item) return undefined;
  const { name, role, wojewodztwa } = Item as User;
  return { email: String(Item.email).toLowerCase(), name, role, wojewodztwa };
}
