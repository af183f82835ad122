import { randomUUID } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { ensureTable } from '../../functions/local/create-table.ts';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { handlerEnvironment } from '../../functions/local/stack.ts';

/**
 * Each test file gets its own table on the shared DynamoDB Local, so files run in parallel without
 * seeing each other's items. Handlers read this environment at import, as a Lambda does at cold start.
 */
const env = handlerEnvironment({
  dynamodb: inject('dynamodbEndpoint'),
  ses: inject('sesEndpoint'),
  s3: inject('s3Endpoint'),
  site: 'http://localhost:5173',
});
Object.assign(process.env, env, { TABLE_NAME: `test-${randomUUID()}`, POWERTOOLS_LOG_LEVEL: 'SILENT' });

const client = localDynamoClient(inject('dynamodbEndpoint'));
await ensureTable(client, process.env.TABLE_NAME as string);
afterAll(() => client.destroy());
