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
    });
  });

  it('sweeps for near deadlines every day at 07:00 Warsaw time, into the reminders queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      GroupName: Object.values(template.findResources('AWS::Scheduler::ScheduleGroup'))[0]?.Properties.Name,
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Warsaw',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersQueue'), 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SchedulerRole'), 'Arn'] },
        DeadLetterConfig: {
          Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RemindersQueueDeadLetters'), 'Arn'] },
        },
      }),
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
