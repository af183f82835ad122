import type { TDraftAnswers } from '../../shared/schemas/submission.ts';
import { GetCommand, TransactWriteCommand, UpdateCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

export interface DraftRecord {
  draftId: string;
  callId: string;
  email: string;
  answers: TDraftAnswers;
  savedAt: string;
  /**
   * The call's closing, to the millisecond: what the draft's pages and e-mail say the link works until.
   * Absent on drafts saved before it was recorded (then read from the TTL).
   */
  usableUntil?: string | undefined;
  /** Epoch seconds (DynamoDB's TTL): the call's closing, after which the draft is of no use. */
  expiresAt: number;
}

type Item = Record<string, unknown>;

/** A new draft with its link token and the e-mail carrying the link, all or nothing. */
export async function createDraft(db: Db, draft: DraftRecord, linkToken: Item, outbox: Item): Promise<void> {
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: { ...keys.draft(draft.draftId), type: 'draft', ...draft },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        { Put: { TableName: db.tableName, Item: linkToken } },
        { Put: { TableName: db.tableName, Item: outbox } },
      ],
    }),
  );
}

export async function getDraft(db: Db, draftId: string): Promise<DraftRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.draft(draftId) }),
  );
  if (!Item) return undefined;
  const { callId, email, answers, savedAt, usableUntil, expiresAt } = Item as DraftRecord;
  return { draftId, callId, email, answers, savedAt, usableUntil, expiresAt };
}

export async function updateDraftAnswers(
  db: Db,
  draftId: string,
  answers: TDraftAnswers,
  savedAt: string,
): Promise<void> {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: keys.draft(draftId),
      UpdateExpression: 'SET answers = :answers, savedAt = :savedAt',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':answers': answers, ':savedAt': savedAt },
    }),
  );
}
