import { DeleteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { TABLE_NAME } from '../../functions/local/stack.ts';

/**
 * Removes a call a browser test added to the shared local stack: every item of its partition (the call and
 * its per-voivodeship copies). Other files count the demo's five open calls there.
 */
export async function removeCall(dynamodbUrl: string, callId: string): Promise<void> {
  const client = localDynamoClient(dynamodbUrl);
  try {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `CALL#${callId}` } },
        ProjectionExpression: 'pk, sk',
      }),
    );
    // Projected to its key attributes, an item is its own key.
    for (const key of Items) await client.send(new DeleteItemCommand({ TableName: TABLE_NAME, Key: key }));
  } finally {
    client.destroy();
  }
}
