import { GetCommand, QueryCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { recipientHash } from './reminder-sends.ts';

/** Which voivodeship a reminder address belongs to, and in what role it was reminded. */
export interface AddressUse {
  wojewodztwo: string;
  role: string;
}

function use(item: Record<string, unknown> | undefined): AddressUse | undefined {
  return item?.wojewodztwo
    ? { wojewodztwo: String(item.wojewodztwo), role: String(item.role ?? '') }
    : undefined;
}

/** The reminder SES's message id recorded (SESMSG#… → its send), if the message was a reminder. */
export async function reminderOfMessage(db: Db, messageId: string): Promise<AddressUse | undefined> {
  const { Item: pointer } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.sesMessage(messageId) }),
  );
  if (!pointer) return undefined;
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: { pk: String(pointer.sendPk), sk: String(pointer.sendSk) },
      ProjectionExpression: 'wojewodztwo, #role',
      ExpressionAttributeNames: { '#role': 'role' },
    }),
  );
  return use(Item);
}

/** The latest reminder claimed for the address (gsi2, newest first). */
export async function latestReminderTo(db: Db, email: string): Promise<AddressUse | undefined> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reminderSendOfRecipient(recipientHash(email), '').gsi2pk },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return use(Items[0]);
}
