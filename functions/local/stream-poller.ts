import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from './emulators.ts';

/**
 * The EventBridge Pipe of the cloud (infra/stacks/scheduling-stack.ts), on this machine: reads DynamoDB
 * Local's stream of the table and hands on the keys of new outbox items (INSERT, sort key MAIL#…), as the
 * pipe's filter does. Every shard is read from its oldest record (TRIM_HORIZON), so an item written while
 * the poller was not yet reading is not missed; a duplicate only costs the sender a refused claim.
 */
export interface StreamPoller {
  stop(): Promise<void>;
}

export async function startStreamPoller(options: {
  dynamodbEndpoint: string;
  tableName: string;
  onOutboxKeys: (keys: { pk: string; sk: string }[]) => void;
  /** How long to wait between reads when the stream had nothing new. */
  idleMs?: number;
  onError?: (error: unknown) => void;
}): Promise<StreamPoller> {
  const dynamo = localDynamoClient(options.dynamodbEndpoint);
  const streams = new DynamoDBStreamsClient({
    endpoint: options.dynamodbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  dynamo.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn)
    throw new Error(`table ${options.tableName} has no stream (functions/local/create-table.ts)`);
  const idleMs = options.idleMs ?? 200;
  /** Open iterators by shard; a shard whose iterator ran out (closed and read) stays as null. */
  const iterators = new Map<string, string | null>();
  let running = true;
  let wake: (() => void) | undefined;

  const discoverShards = async () => {
    const shards = [];
    // A page holds up to 100 shards; a long-running table has more.
    let ExclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      ExclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (ExclusiveStartShardId);
    for (const shard of shards) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, ShardIterator ?? null);
    }
  };

  const readOnce = async (): Promise<number> => {
    let read = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
      );
      iterators.set(shardId, NextShardIterator ?? null);
      read += Records.length;
      const keys = Records.flatMap((record) => {
        const pk = record.dynamodb?.Keys?.pk?.S;
        const sk = record.dynamodb?.Keys?.sk?.S;
        return record.eventName === 'INSERT' && pk && sk?.startsWith('MAIL#') ? [{ pk, sk }] : [];
      });
      if (keys.length > 0) options.onOutboxKeys(keys);
    }
    return read;
  };

  const loop = (async () => {
    let sinceDiscovery = Number.POSITIVE_INFINITY;
    while (running) {
      let read = 0;
      try {
        // New shards appear as DynamoDB Local rolls them over; looked for every few seconds.
        if (sinceDiscovery * idleMs >= 5_000) {
          await discoverShards();
          sinceDiscovery = 0;
        }
        read = await readOnce();
      } catch (error) {
        options.onError?.(error);
      }
      sinceDiscovery += 1;
      if (read === 0 && running)
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, idleMs);
        });
    }
  })();

  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      streams.destroy();
    },
  };
}
