import { type CfnElement, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, Billing, type ITableV2, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { TABLE_DESIGN } from '../../functions/repositories/table-design.ts';
import { LogBucket } from '../constructs/log-bucket.ts';

function stringKey(name: string) {
  return { name, type: AttributeType.STRING };
}

export type TableAccess = 'read' | 'readWrite';

/** What reading takes: single items, batches, queries (an index's too). No Scan: every read has a key. */
const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
/** What writing takes, alone or in a transaction (whose checks need ConditionCheckItem); nothing deletes. */
const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

/**
 * Everything that holds state, apart from the code that uses it, so stateless stacks can be replaced or
 * torn down freely. Nothing here is deleted with the stack.
 */
export class DataStack extends Stack {
  readonly table: ITableV2;
  /** Attach one to a function's role to let it use the table. */
  readonly tableAccess: Readonly<Record<TableAccess, IManagedPolicy>>;
  /**
   * For functions that only read the table but serve a session: renewing the session's idle limit
   * (functions/repositories/sessions.ts) is an UpdateItem on `SESSION#…` items, and on nothing else.
   */
  readonly sessionTouch: IManagedPolicy;
  readonly documents: IBucket;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(TABLE_DESIGN.partitionKey),
      sortKey: stringKey(TABLE_DESIGN.sortKey),
      globalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      })),
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Access is granted here, next to the table, to policies that functions in other stacks attach. The
    // grants' "<table ARN>/index/*" can so be acknowledged once, under the table's own name; in each
    // function's policy it would be a cross-stack reference that cdk-nag names only after synthesis.
    // Only the calls the code makes (functions/repositories/document.ts): CDK's grantReadWriteData would add
    // Scan, DeleteItem and BatchWriteItem, which no handler needs, to functions anyone on the internet calls.
    const read = new ManagedPolicy(this, 'TableRead', { description: 'Read the table and its indexes' });
    this.table.grant(read, ...TABLE_READ_ACTIONS);
    const readWrite = new ManagedPolicy(this, 'TableReadWrite', { description: 'Read and write the table' });
    this.table.grant(readWrite, ...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS);
    const tableId = this.resolve(this.getLogicalId(this.table.node.defaultChild as CfnElement));
    for (const policy of [read, readWrite]) {
      Validations.of(policy).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        reason:
          'Queries use the global secondary indexes; "<table>/index/*" matches only this table\'s indexes.',
      });
    }
    this.tableAccess = { read, readWrite };
    this.sessionTouch = new ManagedPolicy(this, 'SessionTouch', {
      description: "Renew a session's last request time (SESSION# items only)",
      statements: [
        new PolicyStatement({
          actions: ['dynamodb:UpdateItem'],
          resources: [this.table.tableArn],
          conditions: {
            'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['SESSION#*'] },
            'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'lastSeenAt', 'lastSeen'] },
          },
        }),
      ],
    });

    const accessLogs = new LogBucket(this, 'AccessLogs', { retention: Duration.days(365) });
    this.documents = new Bucket(this, 'Documents', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // Signed agreements and application cards: an overwrite or delete must be recoverable.
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
