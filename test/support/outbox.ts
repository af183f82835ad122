import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';

/**
 * The status of every outbox message to `address` in the local stack's table: once none is pending or
 * being sent, whatever the requests made for that address is in the SES emulator (or never will be).
 */
export async function outboxTo(dynamodbUrl: string, address: string): Promise<string[]> {
  const client = localDynamoClient(dynamodbUrl);
  try {
    const statuses: string[] = [];
    let ExclusiveStartKey: Record<string, never> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: TABLE_NAME,
          FilterExpression: '#type = :outbox AND contains(#to, :address)',
          ExpressionAttributeNames: { '#type': 'type', '#to': 'to', '#status': 'status' },
          ExpressionAttributeValues: { ':outbox': { S: 'outbox' }, ':address': { S: address } },
          ProjectionExpression: '#status',
          ExclusiveStartKey,
        }),
      );
      statuses.push(...(page.Items ?? []).map((item) => item.status?.S ?? ''));
      ExclusiveStartKey = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (ExclusiveStartKey);
    return statuses;
  } finally {
    client.destroy();
  }
}
