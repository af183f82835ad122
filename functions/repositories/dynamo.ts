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
