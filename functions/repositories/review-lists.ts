import type { TCall } from '../../shared/schemas/programme.ts';
import { type Doc, QueryCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/** The lists coordinators review: calls of their voivodeships, and a call's cards in one voivodeship. */

export type ListedCallHead = Pick<TCall, 'id' | 'title' | 'wojewodztwa' | 'opensAt' | 'closesAt'>;

async function queryAll(db: Db, indexName: string, partition: string): Promise<Doc[]> {
  const items: Doc[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': `${indexName}pk`, '#title': 'title' },
        ExpressionAttributeValues: { ':pk': partition },
        ProjectionExpression: 'id, #title, wojewodztwa, opensAt, closesAt',
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * Every call, open or not (coordinators review after the deadline): for given voivodeships one Query each
 * of their gsi1 partitions, for the lead the public list's gsi2 partition, which holds all calls.
 */
export async function listCallHeads(
  db: Db,
  wojewodztwa: readonly string[] | 'all',
): Promise<ListedCallHead[]> {
  const pages =
    wojewodztwa === 'all'
      ? [await queryAll(db, 'gsi2', keys.callPublicList('', '').gsi2pk)]
      : await Promise.all(
          wojewodztwa.map((code) => queryAll(db, 'gsi1', keys.callByWojewodztwo(code, '', '').gsi1pk)),
        );
  const byId = new Map<string, ListedCallHead>();
  for (const item of pages.flat()) {
    const { id, title, wojewodztwa: codes, opensAt, closesAt } = item as ListedCallHead;
    byId.set(id, { id, title, wojewodztwa: codes, opensAt, closesAt });
  }
  return [...byId.values()];
}

export interface CardRow {
  callId: string;
  teryt: string;
  gminaName: string;
  powiatCode: string;
  status: 'submitted' | 'withdrawn';
  version: number;
  reference: string;
  submittedAt: string;
}

const PROJECTED = [
  'callId',
  'teryt',
  'gminaName',
  'powiatCode',
  'status',
  'version',
  'reference',
  'submittedAt',
] as const satisfies readonly (keyof CardRow)[];

/**
 * One page of a call's cards in one voivodeship, in order of sending (gsi2). `after` is the sort key of
 * the last card of the previous page; the rest of that card's key follows from it. One item more than the
 * page is read, so "there is a next page" is never a promise of an empty one.
 */
export async function listCardsBySendingTime(
  db: Db,
  input: {
    callId: string;
    wojewodztwo: string;
    limit: number;
    after?: { submittedAt: string; teryt: string };
  },
): Promise<{ cards: CardRow[]; last?: { submittedAt: string; teryt: string } }> {
  const partition = keys.cardBySendingTime(input.callId, input.wojewodztwo, '', '').gsi2pk;
  const { after } = input;
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      // Every name aliased: DynamoDB reserves a long list of words, among them several of these.
      ProjectionExpression: PROJECTED.map((_, index) => `#a${index}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(PROJECTED.map((name, index) => [`#a${index}`, name])),
      Limit: input.limit + 1,
      ...(after
        ? {
            ExclusiveStartKey: {
              ...keys.card(input.callId, after.teryt),
              ...keys.cardBySendingTime(input.callId, input.wojewodztwo, after.submittedAt, after.teryt),
            },
          }
        : {}),
    }),
  );
  const cards = Items.slice(0, input.limit).map((item) => {
    const { callId, teryt, gminaName, powiatCode, status, version, reference, submittedAt } = item as CardRow;
    return { callId, teryt, gminaName, powiatCode, status, version, reference, submittedAt };
  });
  const last = cards.at(-1);
  return Items.length > input.limit && last
    ? { cards, last: { submittedAt: last.submittedAt, teryt: last.teryt } }
    : { cards };
}
