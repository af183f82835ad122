import { PutCommand } from './document.ts';
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
