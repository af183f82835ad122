import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

export interface LogBucketProps {
  /** How long access logs are kept. */
  retention: Duration;
  /** CloudFront's standard logs are delivered with ACLs, so a bucket receiving them must allow ACLs. */
  receivesCloudFrontLogs?: boolean;
}

/** Destination of S3 server access logs (and CloudFront logs): private, and expiring. */
export class LogBucket extends Bucket {
  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id, {
      // S3 server access logging cannot deliver to a bucket encrypted with KMS.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      objectOwnership: props.receivesCloudFrontLogs
        ? ObjectOwnership.OBJECT_WRITER
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: props.retention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
