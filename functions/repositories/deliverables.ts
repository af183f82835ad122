import type { TDelivered } from '../../shared/schemas/deliverables.ts';
import { DeleteCommand, type Doc, GetCommand, PutCommand, QueryCommand } from './document.ts';
import { type Db, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * Deadlines that ask for a document back (ARCHITECTURE.md, "Documents asked for by a deadline"): the
 * parties' upload links (by token hash), what each party delivered (in the deadline's partition, so the
 * planner reads a deadline's deliveries with one Query), and a voivodeship's list of such deadlines.
 */

/** Who a link is for: one address of the deadline's audience. */
export interface UploadLink {
  deadlineId: string;
  email: string;
  role: string;
  wojewodztwo: string;
  /** Epoch seconds: the deadline plus DELIVERABLE_LINK_DAYS; also the item's TTL. */
  expiresAt: number;
}

export interface DeliveryRecord extends TDelivered {
  deadlineId: string;
  /** SHA-256 of the lower-cased address (as a reminder's claim names it). */
  party: string;
  email: string;
  role: string;
  wojewodztwo: string;
  key: string;
  /** How many files this party delivered (a replacement counts; earlier objects stay in the bucket). */
  versions: number;
}

/** Lists the deadline in each of its voivodeships; written before the deadline (a listing without one is skipped). */
export async function putDeliverableListing(
  db: Db,
  deadline: { id: string; dueAt: string; wojewodztwa: readonly string[] },
): Promise<void> {
  await Promise.all(
    deadline.wojewodztwa.map((code) =>
      db.client.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.deliverableOfWojewodztwo(code, deadline.dueAt, deadline.id),
            type: 'deliverable-listing',
            deadlineId: deadline.id,
          },
        }),
      ),
    ),
  );
}

/** A deadline's day moved: listed at the new one in each voivodeship, then no longer at the old one. */
export async function moveDeliverableListing(
  db: Db,
  deadline: { id: string; dueAt: string; wojewodztwa: readonly string[] },
  previousDueAt: string,
): Promise<void> {
  await putDeliverableListing(db, deadline);
  await Promise.all(
    deadline.wojewodztwa.map((code) =>
      db.client.send(
        new DeleteCommand({
          TableName: db.tableName,
          Key: keys.deliverableOfWojewodztwo(code, previousDueAt, deadline.id),
        }),
      ),
    ),
  );
}

/** The ids of a voivodeship's deadlines that ask for a document, soonest first. */
export async function listDeliverableDeadlineIds(db: Db, wojewodztwo: string): Promise<string[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.deliverableOfWojewodztwo(wojewodztwo, '', '').pk },
    ProjectionExpression: 'deadlineId',
  });
  return items.map((item) => String(item.deadlineId));
}

export async function putUploadLink(db: Db, tokenSha256: string, link: UploadLink): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...keys.uploadLink(tokenSha256), type: 'upload-link', ...link },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

/** The link of a token's hash, unless it has expired (TTL deletes late, so the expiry is checked here). */
export async function getUploadLink(db: Db, tokenSha256: string, now: Date): Promise<UploadLink | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.uploadLink(tokenSha256) }),
  );
  if (!Item || Number(Item.expiresAt) * 1000 <= now.getTime()) return undefined;
  return {
    deadlineId: String(Item.deadlineId),
    email: String(Item.email),
    role: String(Item.role),
    wojewodztwo: String(Item.wojewodztwo),
    expiresAt: Number(Item.expiresAt),
  };
}

const DELIVERY_FIELDS = [
  'deadlineId',
  'party',
  'email',
  'role',
  'wojewodztwo',
  'key',
  'at',
  'filename',
  'size',
  'sha256',
  'versions',
] as const satisfies readonly (keyof DeliveryRecord)[];

function toDelivery(item: Doc): DeliveryRecord {
  return Object.fromEntries(
    DELIVERY_FIELDS.map((field) => [field, item[field]]),
  ) as unknown as DeliveryRecord;
}

export async function getDelivery(
  db: Db,
  deadlineId: string,
  party: string,
): Promise<DeliveryRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.delivery(deadlineId, party), ConsistentRead: true }),
  );
  return Item ? toDelivery(Item) : undefined;
}

/** Every party's delivery of a deadline (one Query of its partition). */
export async function listDeliveries(db: Db, deadlineId: string): Promise<DeliveryRecord[]> {
  const found: DeliveryRecord[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :delivery)',
        ExpressionAttributeValues: { ':pk': keys.deadline(deadlineId).pk, ':delivery': 'DELIVERY#' },
        ExclusiveStartKey,
      }),
    );
    found.push(...(page.Items ?? []).map(toDelivery));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

/**
 * Records a party's document, conditioned on the version read (none: first delivery), so two tabs
 * replacing at once cannot both claim the same version: the second gets 'stale'.
 */
export async function putDelivery(
  db: Db,
  delivery: DeliveryRecord,
  previousVersions: number,
): Promise<'saved' | 'stale'> {
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...keys.delivery(delivery.deadlineId, delivery.party), type: 'delivery', ...delivery },
        ConditionExpression: previousVersions === 0 ? 'attribute_not_exists(pk)' : 'versions = :previous',
        ...(previousVersions === 0 ? {} : { ExpressionAttributeValues: { ':previous': previousVersions } }),
      }),
    );
    return 'saved';
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'stale';
    throw error;
  }
}

/**
 * At the retention date (functions/domain/apply-retention.ts): the parties' delivery records (addresses)
 * and the voivodeships' listings of the deadline go; the deadline itself names nobody. Says how many items.
 */
export async function eraseDeliveries(
  db: Db,
  deadline: { id: string; dueAt: string; wojewodztwa: readonly string[] },
): Promise<number> {
  const parties = (await listDeliveries(db, deadline.id)).map((delivery) =>
    keys.delivery(deadline.id, delivery.party),
  );
  const listings = deadline.wojewodztwa.map((code) => {
    const { pk, sk } = keys.deliverableOfWojewodztwo(code, deadline.dueAt, deadline.id);
    return { pk, sk };
  });
  for (const Key of [...parties, ...listings])
    await db.client.send(new DeleteCommand({ TableName: db.tableName, Key }));
  return parties.length;
}
