import { Stack } from 'aws-cdk-lib';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface ServiceTopicProps {
  /** The AWS service that publishes, e.g. 'ses.amazonaws.com'. */
  service: string;
  /** What the messages are, for the key's description. */
  description: string;
}

/**
 * An encrypted SNS topic an AWS service (SES, CloudWatch) publishes to. The key is customer-managed because
 * those services may not use the AWS-managed SNS key; both grants are limited to this account's service.
 */
export class ServiceTopic extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: ServiceTopicProps) {
    super(scope, id);
    const key = new Key(this, 'Key', {
      enableKeyRotation: true,
      description: `Encrypts ${props.description}`,
    });
    const publisher = new ServicePrincipal(props.service, {
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
    });
    key.grant(publisher, 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', { masterKey: key, enforceSSL: true });
    this.topic.grantPublish(publisher);
  }
}
