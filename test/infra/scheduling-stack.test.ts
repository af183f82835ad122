import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
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
});
