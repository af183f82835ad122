import type { ScoreBreakdown } from '../../shared/review/scoring.ts';
import type { ReviewStatus } from '../../shared/review/statuses.ts';
import { REVIEW_STATUSES } from '../../shared/review/statuses.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import {
  CARD_CHANNELS,
  type CardChannel,
  type TRankingSettings,
  type TStoredRankingSettings,
} from '../../shared/schemas/review-lists.ts';
import { BatchGetCommand, type Doc, GetCommand, PutCommand, QueryCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { CARD_LIST_ATTRIBUTES } from './table-design.ts';

/**
 * The lists coordinators review: calls of their voivodeships, a call's cards in one voivodeship (for the
 * list, the ranking, the dashboard and the export), the ranking's settings and the log of exports.
 */

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

/** A card as the lists read it: its facts and where its assessment stands (the card-level side writes those). */
export interface ListedCard {
  teryt: string;
  gminaName: string;
  powiatCode: string;
  status: 'submitted' | 'withdrawn' | 'voided';
  version: number;
  /** After a voided card (issue 13), the version this card started at; absent otherwise. */
  firstVersion?: number;
  reference: string;
  submittedAt: string;
  /** Absent until the first assessment step. */
  reviewStatus?: ReviewStatus;
  scoreTotal?: number;
  scoreComplete: boolean;
  channel: CardChannel;
  /** Read only for the export. */
  score?: ScoreBreakdown;
}

const LISTED = CARD_LIST_ATTRIBUTES;

const STATUSES: ReadonlySet<string> = new Set(REVIEW_STATUSES);
const CHANNELS: ReadonlySet<string> = new Set(CARD_CHANNELS);

/** Read tolerantly: cards stored before the assessment existed have none of its attributes. */
function toListed(item: Doc, withScore: boolean): ListedCard {
  const { teryt, gminaName, powiatCode, status, version, reference, submittedAt } = item as ListedCard;
  const card: ListedCard = {
    teryt,
    gminaName,
    powiatCode,
    status,
    version,
    reference,
    submittedAt,
    scoreComplete: item.scoreComplete === true,
    channel: CHANNELS.has(item.channel) ? (item.channel as CardChannel) : 'online',
  };
  if (typeof item.firstVersion === 'number' && item.firstVersion > 1) card.firstVersion = item.firstVersion;
  if (STATUSES.has(item.reviewStatus)) card.reviewStatus = item.reviewStatus as ReviewStatus;
  if (typeof item.scoreTotal === 'number') card.scoreTotal = item.scoreTotal;
  if (withScore && item.score && typeof item.score === 'object') card.score = item.score as ScoreBreakdown;
  return card;
}

/**
 * Every card of a call in one voivodeship, in order of sending: one paginated Query of the partition
 * `CARDS#<callId>#<woj>` (≤ 314 gminas) of the slim index gsi2list, which holds only what the lists read;
 * the callers filter and sort in memory. `withScore` adds the score breakdown (the export's criterion
 * columns), which only gsi2 (whole items) has.
 */
export async function listCardsOfVoivodeship(
  db: Db,
  input: { callId: string; wojewodztwo: string; withScore?: boolean },
): Promise<ListedCard[]> {
  const names = input.withScore ? [...LISTED, 'score'] : LISTED;
  const partition = keys.cardBySendingTime(input.callId, input.wojewodztwo, '', '').gsi2pk;
  const cards: ListedCard[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: input.withScore ? 'gsi2' : 'gsi2list',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        // Every name aliased: DynamoDB reserves a long list of words, among them several of these.
        ProjectionExpression: names.map((_, index) => `#a${index}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#a${index}`, name])),
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) cards.push(toListed(item, input.withScore ?? false));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return cards;
}

/** Each card's gmina status and review status only, from the slim index: what the dashboard counts. */
export async function listCardStatuses(
  db: Db,
  callId: string,
  wojewodztwo: string,
): Promise<{ status: 'submitted' | 'withdrawn' | 'voided'; reviewStatus?: ReviewStatus }[]> {
  const partition = keys.cardBySendingTime(callId, wojewodztwo, '', '').gsi2pk;
  const cards: { status: 'submitted' | 'withdrawn' | 'voided'; reviewStatus?: ReviewStatus }[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi2list',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        ProjectionExpression: '#s, reviewStatus',
        ExpressionAttributeNames: { '#s': 'status' },
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? [])
      cards.push({
        status: item.status,
        ...(STATUSES.has(item.reviewStatus) ? { reviewStatus: item.reviewStatus as ReviewStatus } : {}),
      });
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return cards;
}

/**
 * The same two statuses read from the card items themselves, not from an index: a BatchGet of
 * `CARD#<callId>#<teryt>` for each given gmina, 100 keys a request. The recount that checks what the
 * dashboard reads from gsi2list. (As reminder-audiences.ts says: small projections of 100 keys are left
 * unprocessed only under throttling, which on-demand capacity at a few hundred reads does not meet.)
 */
export async function recountCardStatuses(
  db: Db,
  callId: string,
  teryts: readonly string[],
): Promise<{ status: 'submitted' | 'withdrawn' | 'voided'; reviewStatus?: ReviewStatus }[]> {
  const cards: { status: 'submitted' | 'withdrawn' | 'voided'; reviewStatus?: ReviewStatus }[] = [];
  for (let at = 0; at < teryts.length; at += 100) {
    const { Responses } = await db.client.send(
      new BatchGetCommand({
        RequestItems: {
          [db.tableName]: {
            Keys: teryts.slice(at, at + 100).map((teryt) => keys.card(callId, teryt)),
            ProjectionExpression: '#s, reviewStatus',
            ExpressionAttributeNames: { '#s': 'status' },
          },
        },
      }),
    );
    for (const item of Responses?.[db.tableName] ?? [])
      cards.push({
        status: item.status,
        ...(STATUSES.has(item.reviewStatus) ? { reviewStatus: item.reviewStatus as ReviewStatus } : {}),
      });
  }
  return cards;
}

export async function getRankingSettings(
  db: Db,
  callId: string,
  wojewodztwo: string,
): Promise<TStoredRankingSettings | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.rankingSettings(callId, wojewodztwo) }),
  );
  if (!Item) return undefined;
  const { seats, reserveSize, quotas, updatedAt, updatedBy, revision } =
    Item as Partial<TStoredRankingSettings>;
  // Settings saved before revisions were kept read as revision 1 (putRankingSettings accepts that).
  return {
    seats: seats ?? 0,
    reserveSize: reserveSize ?? 0,
    ...(quotas ? { quotas } : {}),
    revision: revision ?? 1,
    updatedAt: updatedAt ?? '',
    updatedBy: updatedBy ?? '',
  };
}

/**
 * Replaces the settings whole (they are one small form, saved at once), if they are still at the revision
 * the coordinator read (0: none stored yet); undefined when someone saved meanwhile, with nothing written.
 */
export async function putRankingSettings(
  db: Db,
  input: {
    callId: string;
    wojewodztwo: string;
    settings: TRankingSettings;
    revision: number;
    at: string;
    by: string;
  },
): Promise<TStoredRankingSettings | undefined> {
  const { seats, reserveSize, quotas } = input.settings;
  const stored = {
    seats,
    reserveSize,
    ...(quotas ? { quotas } : {}),
    revision: input.revision + 1,
    updatedAt: input.at,
    updatedBy: input.by,
  };
  const condition =
    input.revision === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : {
          // An item from before revisions (no attribute) counts as revision 1, as getRankingSettings reads it.
          ConditionExpression:
            input.revision === 1
              ? '#revision = :revision OR (attribute_exists(pk) AND attribute_not_exists(#revision))'
              : '#revision = :revision',
          ExpressionAttributeNames: { '#revision': 'revision' },
          ExpressionAttributeValues: { ':revision': input.revision },
        };
  try {
    await db.client.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.rankingSettings(input.callId, input.wojewodztwo),
          type: 'ranking-settings',
          callId: input.callId,
          wojewodztwo: input.wojewodztwo,
          ...stored,
        },
        ...condition,
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
  return stored;
}

/** Who exported which voivodeships' cards of a call, and when: kept for accountability (no TTL). */
export async function logExport(
  db: Db,
  input: {
    callId: string;
    at: string;
    id: string;
    by: string;
    wojewodztwa: readonly string[];
    cards: number;
  },
): Promise<void> {
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.callExport(input.callId, input.at, input.id),
        ...keys.exportByActor(input.by, input.at),
        type: 'export',
        callId: input.callId,
        by: input.by.toLowerCase(),
        at: input.at,
        wojewodztwa: [...input.wojewodztwa],
        cards: input.cards,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}
