import type { TCall } from '../../shared/schemas/programme.ts';
import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';

const CALL_FIELDS = [
  'id',
  'programmeId',
  'title',
  'wojewodztwa',
  'gminaKinds',
  'opensAt',
  'closesAt',
  'formVersion',
  'rules',
  'retainUntil',
  'cardLinkDays',
] as const satisfies readonly (keyof TCall)[];

function toCall(item: Record<string, unknown>): TCall {
  return Object.fromEntries(
    CALL_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as TCall;
}

/**
 * Writes a call with one copy per voivodeship, so that "open calls in my voivodeship" is one Query that
 * returns whole calls. A call whose id is taken is left as it is, and nothing is written ('exists').
 */
export async function createCall(db: Db, call: TCall): Promise<'created' | 'exists'> {
  try {
    await writeCall(db, call);
    return 'created';
  } catch (error) {
    // Only the call's own item carries a condition, so a failed one means the id is taken.
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'exists';
    throw error;
  }
}

async function writeCall(db: Db, call: TCall): Promise<void> {
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.call(call.id),
              ...keys.callByProgramme(call.programmeId, call.closesAt, call.id),
              ...keys.callPublicList(call.closesAt, call.id),
              type: 'call',
              ...call,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...call.wojewodztwa.map((wojewodztwo) => ({
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.callWojewodztwo(call.id, wojewodztwo),
              ...keys.callByWojewodztwo(wojewodztwo, call.closesAt, call.id),
              type: 'call-wojewodztwo',
              ...call,
            },
          },
        })),
      ],
    }),
  );
}

/** Call ids are slugs (see ZCall); anything else cannot exist, and is not worth a (refused) key lookup. */
const CALL_ID = /^[a-z0-9-]{3,64}$/;

export async function getCall(db: Db, callId: string): Promise<TCall | undefined> {
  if (!CALL_ID.test(callId)) return undefined;
  const { Item } = await db.client.send(new GetCommand({ TableName: db.tableName, Key: keys.call(callId) }));
  return Item ? toCall(Item) : undefined;
}

export interface OpenCallsFilter {
  wojewodztwo?: string | undefined;
  programmeId?: string | undefined;
}

/**
 * Calls whose closing instant is after `now` (a key range), keeping those already opened. Calls are few
 * (tens a year), so the one remaining filter reads little.
 */
export async function listCallsOpenAt(db: Db, now: Date, filter: OpenCallsFilter = {}): Promise<TCall[]> {
  const [indexName, partition] = filter.wojewodztwo
    ? ['gsi1', keys.callByWojewodztwo(filter.wojewodztwo, '', '').gsi1pk]
    : filter.programmeId
      ? ['gsi1', keys.callByProgramme(filter.programmeId, '', '').gsi1pk]
      : ['gsi2', keys.callPublicList('', '').gsi2pk];
  const calls: TCall[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: indexName,
        KeyConditionExpression: `#pk = :pk AND #sk > :now`,
        FilterExpression: 'opensAt <= :now',
        ExpressionAttributeNames: { '#pk': `${indexName}pk`, '#sk': `${indexName}sk` },
        ExpressionAttributeValues: { ':pk': partition, ':now': now.toISOString() },
        ExclusiveStartKey,
      }),
    );
    calls.push(...(page.Items ?? []).map(toCall));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return filter.programmeId ? calls.filter((call) => call.programmeId === filter.programmeId) : calls;
}

/** Names of the given programmes, read in one BatchGet. */
export async function programmeNames(db: Db, programmeIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(programmeIds)];
  if (unique.length === 0) return new Map();
  const { Responses } = await db.client.send(
    new BatchGetCommand({
      RequestItems: {
        [db.tableName]: {
          Keys: unique.map((id) => keys.programme(id)),
          ProjectionExpression: 'id, #name',
          ExpressionAttributeNames: { '#name': 'name' },
        },
      },
    }),
  );
  return new Map((Responses?.[db.tableName] ?? []).map((item) => [String(item.id), String(item.name)]));
}

/** Every call of a programme, open or closed (a maintenance job's read: calls are tens a year). */
export async function listCallsOfProgramme(db: Db, programmeId: string): Promise<TCall[]> {
  const calls: TCall[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.callByProgramme(programmeId, '', '').gsi1pk },
        ExclusiveStartKey,
      }),
    );
    calls.push(...(page.Items ?? []).map(toCall));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return calls;
}

/** The programme's retention and link days, copied onto the call's head and its voivodeship copies. */
export async function setCallRetention(
  db: Db,
  call: TCall,
  retention: { retainUntil: string; cardLinkDays?: number | undefined },
): Promise<void> {
  const itemKeys = [
    keys.call(call.id),
    ...call.wojewodztwa.map((code) => keys.callWojewodztwo(call.id, code)),
  ];
  for (const Key of itemKeys) {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key,
        UpdateExpression:
          retention.cardLinkDays === undefined
            ? 'SET retainUntil = :until REMOVE cardLinkDays'
            : 'SET retainUntil = :until, cardLinkDays = :days',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':until': retention.retainUntil,
          ...(retention.cardLinkDays === undefined ? {} : { ':days': retention.cardLinkDays }),
        },
      }),
    );
  }
}
