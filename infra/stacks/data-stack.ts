import { type CfnElement, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  type ITableV2,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { type IManagedPolicy, ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
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
export const TABLE_WRITE_ACTIONS = [
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
  /**
   * The certificate that seals final agreements: JSON `{ "p12": <base64 PKCS#12>, "passphrase": … }`, put
   * in by an operator (created empty; until then sealing fails with a logged error and nothing is completed).
   */
  readonly sealSecret: ISecret;
  /** Reading, and reading and adding, agreements' documents (never deleting or overwriting). */
  readonly documentsAccess: Readonly<{
    read: IManagedPolicy;
    readWrite: IManagedPolicy;
    expire: IManagedPolicy;
  }>;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    this.table = new TableV2(this, 'Table', {
      partitionKey: stringKey(TABLE_DESIGN.partitionKey),
      sortKey: stringKey(TABLE_DESIGN.sortKey),
      globalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        ...(index.projection
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }
          : {}),
      })),
      timeToLiveAttribute: TABLE_DESIGN.timeToLiveAttribute,
      // New outbox items reach the mail sender through it (the scheduling stack's pipe); keys only.
      dynamoStream: StreamViewType[TABLE_DESIGN.streamViewType],
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
      // A scan's parts on their way in (functions/repositories/scans.ts) are deleted once registered; those
      // of a registration never finished go after a day.
      lifecycleRules: [
        { prefix: 'uploads/', expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        // RODO (issue 13): the retention job deletes a call's documents at its retention date; on this
        // versioned bucket that leaves the versions behind a delete marker, which go 30 days later (a month to
        // undo a mistaken deletion), and then the marker. Kept documents are never overwritten or deleted
        // otherwise, so this takes nothing else.
        ...(['agreements/', 'cards/', 'calls/', 'deliverables/'] as const).map((prefix) => ({
          id: `ExpireDeleted-${prefix.slice(0, -1)}`,
          prefix,
          noncurrentVersionExpiration: Duration.days(30),
          expiredObjectDeleteMarker: true,
        })),
      ],
    });
    // Objects only, and only what the code calls (documents.ts, scans.ts): no listing, no bucket settings;
    // agreements, card scans and calls' attachments are read and added, never deleted; only the parts of an
    // upload on their way in are.
    const kept = ['agreements/*', 'cards/*', 'calls/*', 'deliverables/*'].map((prefix) =>
      this.documents.arnForObjects(prefix),
    );
    const uploads = this.documents.arnForObjects('uploads/*');
    const documentsRead = new ManagedPolicy(this, 'DocumentsRead', { description: 'Read documents' });
    documentsRead.addStatements(new PolicyStatement({ actions: ['s3:GetObject'], resources: kept }));
    const documentsReadWrite = new ManagedPolicy(this, 'DocumentsReadWrite', {
      description: 'Read and add documents; delete only unfinished uploads',
    });
    documentsReadWrite.addStatements(
      new PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject'], resources: [...kept, uploads] }),
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [uploads] }),
    );
    // The retention job: lists the kept prefixes and deletes their objects; reads and writes none.
    const documentsExpire = new ManagedPolicy(this, 'DocumentsExpire', {
      description: 'List and delete documents past their retention date',
    });
    documentsExpire.addStatements(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [this.documents.bucketArn],
        conditions: { StringLike: { 's3:prefix': ['agreements/*', 'cards/*', 'calls/*', 'deliverables/*'] } },
      }),
      new PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: ['agreements/*', 'cards/*', 'calls/*', 'deliverables/*'].map((prefix) =>
          this.documents.arnForObjects(prefix),
        ),
      }),
    );
    const bucketId = this.resolve(this.getLogicalId(this.documents.node.defaultChild as CfnElement));
    for (const [policy, prefixes] of [
      [documentsRead, ['agreements', 'cards', 'calls', 'deliverables']],
      [documentsReadWrite, ['agreements', 'cards', 'calls', 'deliverables', 'uploads']],
      [documentsExpire, ['agreements', 'cards', 'calls', 'deliverables']],
    ] as const) {
      for (const prefix of prefixes) {
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}/*]`,
          reason: `Documents are objects of this one bucket under ${prefix}/, keyed by call, gmina and digest.`,
        });
      }
    }
    this.documentsAccess = { read: documentsRead, readWrite: documentsReadWrite, expire: documentsExpire };
    this.sealSecret = new Secret(this, 'AgreementSealCertificate', {
      description: 'PKCS#12 certificate and passphrase that seal final agreements (PAdES)',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.sealSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'A certificate cannot be rotated by a Lambda: it is renewed by its issuer and put in by an operator.',
    });
  }
}
