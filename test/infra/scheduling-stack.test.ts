import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { outboxKeyOf } from '../../functions/mail/mail-queue.ts';
import { synthesize } from './support.ts';

describe('scheduling stack', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(synthesize().stacks.scheduling);
  });

  it('has a schedule group for reminders and a reminders queue with a dead-letter queue', () => {
    template.resourceCountIs('AWS::Scheduler::ScheduleGroup', 1);
    template.resourceCountIs('AWS::SQS::Queue', 2);
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, maxReceiveCount: 5 },
      SqsManagedSseEnabled: true,
      // Six times the sender's 30 s timeout: a message is not handed out again while it is being sent.
      VisibilityTimeout: 180,
    });
  });

  it('runs the planner at every full hour, Warsaw time, in the reminders group', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      GroupName: Object.values(template.findResources('AWS::Scheduler::ScheduleGroup'))[0]?.Properties.Name,
      ScheduleExpression: 'cron(0 * * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Warsaw',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanReminders'), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PlanRemindersSchedulerRole'), 'Arn'] },
      }),
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          REMINDERS_QUEUE_URL: { Ref: Match.stringLikeRegexp('^RemindersQueue') },
        }),
      },
      Timeout: 300,
    });
  });

  it('feeds the sender from the reminders queue in batches of 10, two copies at most, with partial failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersQueue'), 'Arn'] },
      BatchSize: 10,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REMINDER_SEND_RATE: '14' }) },
      Timeout: 30,
    });
    // SES's events reach their consumer from the mail stack's queue.
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    // A function's grants are in its role's own inline policy (see ApiFunction).
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: Match.arrayWith([
        Match.objectLike({
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Action: Match.arrayWith(['ses:SendEmail', 'ses:SendRawEmail']) }),
            ]),
          },
        }),
      ]),
    });
  });

  it('lets only the scheduler of this account assume its role, which may only send to the queues', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['sqs:SendMessage']),
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersQueue'), 'Arn'] },
          }),
        ]),
      },
    });
  });

  it('pipes new outbox items from the table stream onto the mail queue, keys only, failures to the dead letters', () => {
    const [pipe, ...others] = Object.values(template.findResources('AWS::Pipes::Pipe'));
    expect(others).toEqual([]);
    const properties = pipe?.Properties;
    // The data stack's table stream, by a cross-stack reference.
    expect(Object.keys(properties.Source)).toEqual(['Fn::GetStackOutput']);
    expect(properties.Target).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^RemindersQueue/), 'Arn'] });
    expect(JSON.parse(properties.SourceParameters.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { Keys: { sk: { S: [{ prefix: 'MAIL#' }] } } },
    });
    const stream = properties.SourceParameters.DynamoDBStreamParameters;
    expect(stream).toMatchObject({ StartingPosition: 'TRIM_HORIZON', MaximumRetryAttempts: 10 });
    expect(stream.DeadLetterConfig.Arn).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^RemindersQueueDeadLetters/), 'Arn'],
    });
    // What the sender reads (functions/mail/mail-queue.ts): the key alone, as JSON, once the pipe fills it in.
    const filled = properties.TargetParameters.InputTemplate.replace(
      '<$.dynamodb.Keys.pk.S>',
      'CARD#c#2001022',
    ).replace('<$.dynamodb.Keys.sk.S>', 'MAIL#card-submitted-v1');
    expect(outboxKeyOf(JSON.parse(filled))).toEqual({ pk: 'CARD#c#2001022', sk: 'MAIL#card-submitted-v1' });
  });

  it('gives the one mail sender the documents bucket to read, for final agreements it attaches', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ DOCUMENTS_BUCKET: Match.anyValue(), REMINDER_SEND_RATE: '14' }),
      },
      Timeout: 30,
    });
  });

  it("lets only Pipes of this account assume the pipe's role, which reads the stream and sends to the queues", () => {
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'pipes.amazonaws.com' } })],
        },
      },
    });
    const [roleId, ...more] = Object.keys(roles);
    expect(more).toEqual([]);
    expect(roles[roleId as string]?.Properties.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': expect.anything() },
    });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
    );
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    const actions = statements.flatMap((statement: { Action: string | string[] }) =>
      [statement.Action].flat(),
    );
    expect(actions.filter((action: string) => action.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
    ]);
    expect(actions.every((action: string) => /^(dynamodb|sqs|kms):/.test(action))).toBe(true);
    expect(actions).not.toContain('dynamodb:GetItem');
  });
});
