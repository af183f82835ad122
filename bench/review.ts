// The review lists under load: every gmina of Poland's card in one call (2,477, the most a call can hold:
// one card per gmina), loaded straight into DynamoDB Local as the assessment leaves them (statuses, scores,
// channels), then the list route through its real handler, warm and sustained, and the lead's CSV export of
// all of them, each beside DynamoDB Local's own floor for the same reads in the same run.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { ensureTable } from '../functions/local/create-table.ts';
import { localDynamoClient, startDynamoDbLocal } from '../functions/local/emulators.ts';
import { freePort } from '../functions/local/processes.ts';
import { handlerEnvironment, TABLE_NAME } from '../functions/local/stack.ts';
import type { ReviewStatus } from '../shared/review/statuses.ts';
import type { CardChannel } from '../shared/schemas/review-lists.ts';
import { GMINY } from '../shared/teryt/index.ts';
import { httpEvent, lambdaContext } from '../test/support/http.ts';

const WARM_UP_MS = 3_000;
const SUSTAIN_MS = 12_000;
const EXPORT_RUNS = 7;
export const LIST_P95_TARGET_MS = 200;
export const CSV_TARGET_MS = 2_000;

/** The assessment at a late stage: most cards scored, some decided, a few left behind. */
const STATUS_MIX: [ReviewStatus | undefined, number][] = [
  [undefined, 10],
  ['needs_correction', 5],
  ['formally_rejected', 5],
  ['formal_passed', 10],
  ['scored', 50],
  ['selected', 8],
  ['reserve', 6],
  ['not_selected', 4],
  ['resigned', 1],
  ['withdrawn', 1],
];

function pick<T>(mix: [T, number][], seed: number): T {
  let at = seed % mix.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of mix) {
    if (at < weight) return value;
    at -= weight;
  }
  return mix[0]?.[0] as T;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface Latencies {
  requests: number;
  p50: number;
  p95: number;
}

export interface ReviewFigures {
  cards: number;
  partitionCards: number;
  list: Latencies;
  listFloor: Latencies;
  /** The same Query on gsi2, which carries whole cards (what the list read before gsi2list). */
  listFloorWhole: Latencies;
  /** Mean bytes of a card as stored (DynamoDB's item size, roughly: JSON) and as gsi2list carries it. */
  cardBytes: { whole: number; slim: number };
  csv: { median: number; max: number; bytes: number; rows: number };
  csvFloor: { median: number };
}

/**
 * Each of `runs` once per round, in an order that rotates, for `ms` after a warm-up (one request in flight,
 * as one Lambda instance serves): the latencies of each.
 */
async function interleave(
  runs: Record<string, (index: number) => Promise<void>>,
  ms: number,
): Promise<Record<string, Latencies>> {
  const names = Object.keys(runs);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  let round = 0;
  for (const end = performance.now() + WARM_UP_MS; performance.now() < end; round += 1)
    for (const name of names) await runs[name]?.(round);
  for (const end = performance.now() + ms; performance.now() < end; round += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const name = names[(round + turn) % names.length] as string;
      const started = performance.now();
      await runs[name]?.(round);
      samples[name]?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(
    names.map((name) => {
      const sorted = (samples[name] ?? []).sort((a, b) => a - b);
      return [name, { requests: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) }];
    }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

type Handler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;

export async function benchReview(): Promise<ReviewFigures> {
  const dynamo = await startDynamoDbLocal({ port: await freePort(), persist: false, echo: false });
  try {
    // Handlers read their configuration at import, as at a Lambda's cold start.
    Object.assign(
      process.env,
      handlerEnvironment({
        dynamodb: dynamo.endpoint,
        ses: 'http://127.0.0.1:9',
        s3: 'http://127.0.0.1:9',
        site: 'http://localhost',
      }),
      { POWERTOOLS_LOG_LEVEL: 'SILENT' },
    );
    const client = localDynamoClient(dynamo.endpoint);
    await ensureTable(client, TABLE_NAME);
    const { createDb } = await import('../functions/repositories/dynamo.ts');
    const { config } = await import('../functions/lib/config.ts');
    const db = createDb(config());
    const { demoCalls, loadDemoData } = await import('../functions/local/demo-data.ts');
    const { createCall } = await import('../functions/repositories/calls.ts');
    const { listCardsOfVoivodeship } = await import('../functions/repositories/review-lists.ts');
    const support = await import('../test/support/review-cards.ts');

    await loadDemoData(db, new Date());
    const [template] = demoCalls(new Date());
    if (!template) throw new Error('demo calls missing');
    const callId = 'bench-review';
    const wojewodztwa = [...new Set(GMINY.map((gmina) => gmina.wojewodztwoCode))];
    // A programme over every voivodeship, led from Rzeszów: the lead's reach (its programmes' voivodeships)
    // is then all 2,477 cards, which the export is to hold.
    const { createProgramme } = await import('../functions/repositories/programmes.ts');
    const { LIDERZY_KOOPERACJI } = await import('../functions/local/demo-data.ts');
    const programmeId = 'bench-review';
    await createProgramme(db, { ...LIDERZY_KOOPERACJI, id: programmeId, wojewodztwa, leadWojewodztwo: '18' });
    await createCall(db, {
      ...template,
      programmeId,
      id: callId,
      wojewodztwa,
      gminaKinds: ['wiejska', 'miejsko-wiejska', 'miejska'],
    });
    const start = Date.parse(template.opensAt);
    const items = GMINY.map((gmina, index) => {
      const seed = index * 2_654_435_761;
      const reviewStatus = pick(STATUS_MIX, Math.abs(seed >> 3));
      const scored = reviewStatus && !['needs_correction', 'formally_rejected'].includes(reviewStatus);
      return support.reviewedCardItem({
        callId,
        teryt: gmina.teryt,
        submittedAt: new Date(start + ((index * 7_919) % 2_477) * 60_000 + index).toISOString(),
        ...(reviewStatus === 'withdrawn' ? { status: 'withdrawn' as const } : {}),
        ...(reviewStatus && reviewStatus !== 'withdrawn' ? { reviewStatus } : {}),
        ...(scored ? { score: support.scoreFor(index, reviewStatus !== 'formal_passed') } : {}),
        channel: pick<CardChannel>(
          [
            ['online', 85],
            ['post', 10],
            ['email', 5],
          ],
          index,
        ),
      });
    });
    await support.loadItems(db, items);

    // The largest partition, mazowieckie's 314 gminas: the worst case a coordinator has.
    const wojewodztwo = '14';
    const coordinator = await support.sessionCookieFor(db, {
      email: 'koordynator.bench@rops.example',
      name: 'Bench',
      role: 'coordinator',
      wojewodztwa: [wojewodztwo],
    });
    const lead = await support.sessionCookieFor(db, {
      email: 'lider.bench@rops.example',
      name: 'Bench',
      role: 'lead',
      wojewodztwa: ['18'],
    });
    const event = (path: string, query: Record<string, string>, cookie: string): APIGatewayProxyEventV2 => ({
      ...httpEvent({ method: 'GET', path }),
      pathParameters: { callId },
      queryStringParameters: query,
      cookies: [cookie],
    });
    const list = (await import('../functions/handlers/list-review-cards.ts')).handler as unknown as Handler;
    const exportCsv = (await import('../functions/handlers/export-call-cards.ts'))
      .handler as unknown as Handler;
    const context = lambdaContext;

    const listPath = `/api/admin/calls/${callId}/cards`;
    const first = await list(
      event(listPath, { wojewodztwo, sort: 'score', limit: '50' }, coordinator),
      context,
    );
    const token = (JSON.parse(first.body ?? '{}') as { nextPageToken?: string }).nextPageToken ?? '';
    // What a coordinator does in turn: by score, a status, a search, a powiat and kind, the next page.
    const queries: Record<string, string>[] = [
      { wojewodztwo, sort: 'score' },
      { wojewodztwo, sort: 'score', status: 'scored' },
      { wojewodztwo, q: 'gora' },
      { wojewodztwo, powiat: '1401', kind: 'wiejska', sort: 'name' },
      { wojewodztwo, sort: 'score', limit: '50', pageToken: token },
    ];
    const partition = await listCardsOfVoivodeship(db, { callId, wojewodztwo });
    const { CARD_LIST_ATTRIBUTES } = await import('../functions/repositories/table-design.ts');
    const { QueryCommand } = await import('../functions/repositories/document.ts');
    const names = Object.fromEntries(CARD_LIST_ATTRIBUTES.map((name, index) => [`#a${index}`, name]));
    // The list and its floors in turn, request by request: on a machine others share, what each measures
    // then meets the same load, so their ratios hold even when the milliseconds do not.
    const measured = await interleave(
      {
        list: async (index) => {
          const response = await list(
            event(listPath, queries[index % queries.length] ?? {}, coordinator),
            context,
          );
          if (response.statusCode !== 200) throw new Error(`list: ${response.statusCode} ${response.body}`);
        },
        floor: async () => {
          await listCardsOfVoivodeship(db, { callId, wojewodztwo });
        },
        floorWhole: async () => {
          let ExclusiveStartKey: Record<string, unknown> | undefined;
          do {
            const page = await db.client.send(
              new QueryCommand({
                TableName: db.tableName,
                IndexName: 'gsi2',
                KeyConditionExpression: 'gsi2pk = :pk',
                ExpressionAttributeValues: { ':pk': `CARDS#${callId}#${wojewodztwo}` },
                ProjectionExpression: Object.keys(names).join(', '),
                ExpressionAttributeNames: names,
                ExclusiveStartKey,
              }),
            );
            ExclusiveStartKey = page.LastEvaluatedKey;
          } while (ExclusiveStartKey);
        },
      },
      SUSTAIN_MS * 2,
    );
    const {
      list: listFigures,
      floor,
      floorWhole,
    } = measured as Record<'list' | 'floor' | 'floorWhole', Latencies>;
    const sizeOf = (item: object) => Buffer.byteLength(JSON.stringify(item), 'utf8');
    const slimOf = (item: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(item).filter(
          ([name]) =>
            (CARD_LIST_ATTRIBUTES as readonly string[]).includes(name) ||
            /^(pk|sk|gsi2pk|gsi2sk)$/.test(name),
        ),
      );
    const cardBytes = {
      whole: items.reduce((sum, item) => sum + sizeOf(item), 0) / items.length,
      slim:
        items.reduce((sum, item) => sum + sizeOf(slimOf(item as Record<string, unknown>)), 0) / items.length,
    };

    const exportPath = `/api/admin/calls/${callId}/export.csv`;
    const csvTimes: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let run = 0; run <= EXPORT_RUNS; run += 1) {
      const started = performance.now();
      const response = await exportCsv(event(exportPath, {}, lead), context);
      if (response.statusCode !== 200) throw new Error(`export: ${response.statusCode} ${response.body}`);
      bytes = Buffer.byteLength(response.body ?? '', 'utf8');
      // Rows after the header (the body ends with a line break).
      rows = (response.body ?? '').trimEnd().split('\r\n').length - 1;
      if (run > 0) csvTimes.push(performance.now() - started); // the first is the warm-up
    }
    const csvFloorTimes: number[] = [];
    for (let run = 0; run <= EXPORT_RUNS; run += 1) {
      const started = performance.now();
      await Promise.all(
        wojewodztwa.map((code) => listCardsOfVoivodeship(db, { callId, wojewodztwo: code, withScore: true })),
      );
      if (run > 0) csvFloorTimes.push(performance.now() - started);
    }
    client.destroy();
    return {
      cards: items.length,
      partitionCards: partition.length,
      list: listFigures,
      listFloor: floor,
      listFloorWhole: floorWhole,
      cardBytes,
      csv: { median: median(csvTimes), max: Math.max(...csvTimes), bytes, rows },
      csvFloor: { median: median(csvFloorTimes) },
    };
  } finally {
    await dynamo.process.stop();
  }
}
