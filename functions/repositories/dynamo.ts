import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Config } from '../lib/config.ts';
import { type Doc, DocumentClient, QueryCommand } from './document.ts';

export interface Db {
  client: DocumentClient;
  tableName: string;
}

/**
 * A request that gets no connection in a second or no answer in three is given up (and retried by the SDK)
 * rather than left to hang until the Lambda's own 10 s timeout ends it without an answer. Without
 * `throwOnRequestTimeout` the handler only logs a warning and keeps waiting (a DynamoDB Local frozen for
 * 12 s answered a read after 12 s: test/integration/mail-dynamodb-paused.test.ts).
 */
export const DYNAMODB_TIMEOUTS = {
  connectionTimeout: 1000,
  requestTimeout: 3000,
  throwOnRequestTimeout: true,
} as const;

/** Created once per process (module scope in handlers) and reused by every invocation. */
export function createDb(config: Pick<Config, 'TABLE_NAME' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): Db {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    requestHandler: new NodeHttpHandler(DYNAMODB_TIMEOUTS),
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
  });
  return dbOf(client, config.TABLE_NAME);
}

export function dbOf(client: DynamoDBClient, tableName: string): Db {
  return {
    client: new DocumentClient(client),
    tableName,
  };
}

/** What a failed transaction was refused for, from DynamoDB's per-item cancellation reasons. */
export function cancellationCodes(error: unknown): string[] | undefined {
  if ((error as Error).name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

/**
 * Another transaction was writing one of the same items at that moment. DynamoDB Local serialises
 * transactions and never answers this; DynamoDB does, under concurrency (a double click, a burst).
 */
export function isTransactionConflict(error: unknown): boolean {
  return cancellationCodes(error)?.includes('TransactionConflict') ?? false;
}

/** Every item a query finds, page by page. */
export async function queryAll(db: Db, input: ConstructorParameters<typeof QueryCommand>[0]): Promise<Doc[]> {
  const items: Doc[] = [];
  let ExclusiveStartKey: Doc | undefined;
  do {
    const page = await db.client.send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
