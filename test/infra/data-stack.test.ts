import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { keyAttributeNames, TABLE_DESIGN } from '../../functions/repositories/table-design.ts';
import { resourcesOf, type Synthesized, synthesize } from './support.ts';

describe('data stack', () => {
  let synthesized: Synthesized;
  let template: Template;

  beforeAll(() => {
    synthesized = synthesize();
    template = Template.fromStack(synthesized.stacks.data);
  });

  it('builds the one table from TABLE_DESIGN: keys, string attributes, indexes and TTL', () => {
    // Prepare
    const keySchema = (partitionKey: string, sortKey: string) => [
      { AttributeName: partitionKey, KeyType: 'HASH' },
      { AttributeName: sortKey, KeyType: 'RANGE' },
    ];

    // Act
    const tables = Object.values(resourcesOf(template, 'AWS::DynamoDB::GlobalTable'));

    // Assess
    expect(tables).toHaveLength(1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: keySchema(TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey),
      GlobalSecondaryIndexes: TABLE_DESIGN.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: index.projection
          ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] }
          : { ProjectionType: 'ALL' },
      })),
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      // The mail pipeline's source: keys only, so no e-mail body or link token leaves the table.
      StreamSpecification: { StreamViewType: 'KEYS_ONLY' },
    });
    const definitions = tables[0]?.Properties.AttributeDefinitions as {
      AttributeName: string;
      AttributeType: string;
    }[];
    expect(definitions.map((definition) => definition.AttributeName).sort()).toEqual(
      keyAttributeNames().sort(),
    );
    expect(new Set(definitions.map((definition) => definition.AttributeType))).toEqual(new Set(['S']));
  });

  it('protects the table: point-in-time recovery, deletion protection, retained, AWS-managed encryption', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            Region: 'eu-central-1',
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
    expect(synthesized.stacks.data.terminationProtection).toBe(true);
  });

  it('keeps documents in a private, encrypted, versioned, retained bucket with access logs', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'documents/' },
      }),
    });
  });

  it("expires deleted documents' old versions: the retention job's deletions are final 30 days on (RODO)", () => {
    // Act
    const bucket = Object.values(resourcesOf(template, 'AWS::S3::Bucket')).find(
      (candidate) => candidate.Properties.VersioningConfiguration !== undefined,
    );
    if (!bucket) throw new Error('no versioned bucket');
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;

    // Assess
    for (const prefix of ['agreements/', 'cards/', 'calls/', 'deliverables/']) {
      expect(rules).toContainEqual(
        expect.objectContaining({
          Prefix: prefix,
          Status: 'Enabled',
          NoncurrentVersionExpiration: { NoncurrentDays: 30 },
          ExpiredObjectDeleteMarker: true,
        }),
      );
      // Current documents have no expiry of their own: a call's date decides (the job), not the object's age.
      expect(rules.find((rule) => rule.Prefix === prefix)).not.toHaveProperty('ExpirationInDays');
    }
  });

  it('lets the retention job list and delete kept documents, and nothing else', () => {
    // Act
    const policy = Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).find(
      (candidate) =>
        candidate.Properties.Description === 'List and delete documents past their retention date',
    );
    if (!policy) throw new Error('no policy of the retention job');
    const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] })
      .Statement;

    // Assess
    expect(statements.map((statement) => statement.Action)).toEqual(['s3:ListBucket', 's3:DeleteObject']);
    expect(statements[0]?.Condition).toEqual({
      StringLike: { 's3:prefix': ['agreements/*', 'cards/*', 'calls/*', 'deliverables/*'] },
    });
    expect(JSON.stringify(statements[1]?.Resource)).not.toContain('uploads');
    // Documents asked for by deadlines go with their call's retention too.
    expect(JSON.stringify(statements[1]?.Resource)).toContain('deliverables/*');
  });

  it('denies every request to its buckets that does not use TLS', () => {
    // Act
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));

    // Assess
    expect(policies).toHaveLength(Object.keys(resourcesOf(template, 'AWS::S3::Bucket')).length);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument).toEqual(
        expect.objectContaining({
          Statement: expect.arrayContaining([
            expect.objectContaining({
              Effect: 'Deny',
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        }),
      );
    }
  });

  it('grants table access to policies scoped to the table and its indexes, reading apart from writing', () => {
    // Prepare
    const statementsOf = (description: string) => {
      const policy = Object.values(resourcesOf(template, 'AWS::IAM::ManagedPolicy')).find(
        (candidate) => candidate.Properties.Description === description,
      );
      const document = policy?.Properties.PolicyDocument as {
        Statement: { Action: string[]; Resource: unknown[] }[];
      };
      return document.Statement;
    };
    const tableResources = [
      { 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'Arn'] }, '/index/*']] },
    ];

    // Act
    const read = statementsOf('Read the table and its indexes');
    const readWrite = statementsOf('Read and write the table');

    // Assess
    for (const statements of [read, readWrite]) {
      for (const statement of statements) {
        expect(statement.Resource).not.toContain('*');
        expect(JSON.stringify(statement.Resource)).toContain('Table');
      }
    }
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      Description: 'Read the table and its indexes',
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Action: Match.arrayWith(['dynamodb:GetItem', 'dynamodb:Query']),
            Resource: tableResources,
          }),
        ],
      },
    });
    // Exactly the calls the code makes: no Scan, DeleteItem or BatchWriteItem for anyone.
    const actions = (statements: typeof read) => statements.flatMap((statement) => statement.Action).sort();
    expect(actions(read)).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query']);
    expect(actions(readWrite)).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
  });
});
