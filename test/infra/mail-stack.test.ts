import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { handlersTemplate, resourcesOf, synthesize, TEST_DEPLOYMENT } from './support.ts';

describe('mail stack', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(synthesize().stacks.mail);
  });

  it('verifies the sender address, with no default configuration set (the identity outlives the stack)', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: TEST_DEPLOYMENT.mailFrom,
      ConfigurationSetAttributes: Match.absent(),
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('verifies the whole sender domain when the stage has its own domain, and says which DNS records', () => {
    // Act
    const withDomain = Template.fromStack(synthesize({ senderIdentity: 'domain' }).stacks.mail);

    // Assess
    withDomain.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.com' });
    const outputs = Object.keys(withDomain.findOutputs('*'));
    expect(outputs.filter((name) => name.startsWith('DkimRecord'))).toHaveLength(3);
  });

  it('keeps the identity when the stack goes, and lets another stage of the account use it', () => {
    // Assess: tearing a stage down must not stop the mail of another stage sending from the same address.
    template.hasResource('AWS::SES::EmailIdentity', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });

    // Act
    const second = synthesize({ senderIdentityExists: true });

    // Assess
    Template.fromStack(second.stacks.mail).resourceCountIs('AWS::SES::EmailIdentity', 0);
    // The api stack's functions, which send, are in its nested stacks.
    const api = JSON.stringify(handlersTemplate(second.stacks.api).toJSON());
    expect(api).toContain(`:identity/${TEST_DEPLOYMENT.mailFrom}`);
  });

  it('publishes bounces, complaints, deliveries and rejects to an encrypted topic', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint', 'delivery', 'reject'],
        SnsDestination: { TopicARN: { Ref: Match.anyValue() } },
      }),
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: { StringEquals: { 'aws:SourceAccount': TEST_DEPLOYMENT.account } },
          }),
        ]),
      },
    });
  });

  it('delivers the events to a queue with a dead-letter queue, both encrypted and TLS-only', () => {
    // Act
    const queues = resourcesOf(template, 'AWS::SQS::Queue');

    // Assess
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'sqs',
      RawMessageDelivery: true,
      Endpoint: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
    });
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, maxReceiveCount: 5 },
    });
    expect(Object.keys(queues)).toHaveLength(2);
    template.allResourcesProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    for (const policy of Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy'))) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
    template.resourceCountIs('AWS::SQS::QueuePolicy', 2);
  });
});
