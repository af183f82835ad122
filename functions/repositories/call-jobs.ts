import type { MailTemplate } from '../mail/templates.ts';
import { DeleteCommand, type Doc, QueryCommand, type TransactItem } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The work a call's extension or cancellation leaves after its transaction (issue 17): too much for it (an
 * e-mail per address of every draft and card, a draft's expiry each), so the transaction writes this item
 * instead, and whoever runs it (the change's own request right after, or the sweeper) can run it again
 * without doing anything twice. It is deleted when done.
 */
export interface CallJob {
  callId: string;
  /** The change's name, unique in the call: `extended-<revision>`, `cancelled`. */
  change: string;
  /** The e-mail each address gets. */
  mail: MailTemplate;
  /** An extension's new closing: the call's drafts stay usable until then. */
  closesAt?: string | undefined;
  createdAt: string;
}

/** The job's item, for the change's transaction; written once (a second write of one change is refused). */
export function callJobPut(db: Db, job: CallJob): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...keys.callJob(job.callId, job.change),
        ...keys.pendingCallJob(job.createdAt, job.callId, job.change),
        type: 'call-job',
        ...Object.fromEntries(Object.entries(job).filter(([, value]) => value !== undefined)),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const toJob = (item: Doc): CallJob => ({
  callId: String(item.callId),
  change: String(item.change),
  mail: item.mail as MailTemplate,
  ...(typeof item.closesAt === 'string' ? { closesAt: item.closesAt } : {}),
  createdAt: String(item.createdAt),
});

/** Jobs not done that were written before `before` (ISO instant), oldest first: one Query of gsi1. */
export async function listPendingCallJobs(db: Db, before: string, limit = 50): Promise<CallJob[]> {
  const page = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': 'CALL-JOBS', ':before': before },
      Limit: limit,
    }),
  );
  return (page.Items ?? []).map(toJob);
}

/** Done: the item goes, and with it its place in the sweeper's list. */
export async function finishCallJob(db: Db, job: Pick<CallJob, 'callId' | 'change'>): Promise<void> {
  await db.client.send(
    new DeleteCommand({ TableName: db.tableName, Key: keys.callJob(job.callId, job.change) }),
  );
}
