import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../lib/config.ts';
import { DocumentClient } from './document.ts';

export interface Db {
  client: DocumentClient;
  tableName: string;
}

/** Created once per process (module scope in handlers) and reused by every invocation. */
export function createDb(config: Pick<Config, 'TABLE_NAME' | 'AWS_REGION' | 'DYNAMODB_ENDPOINT'>): Db {
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
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
