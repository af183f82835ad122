import { Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  type IScheduleGroup,
  Schedule,
  ScheduleExpression,
  ScheduleGroup,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { SqsSendMessage } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { QueueWithDeadLetters } from '../constructs/queue-with-dead-letters.ts';

/**
 * Deadlines are Polish dates and e-mails should arrive in Polish working hours, so every schedule runs in
 * Europe/Warsaw time (scheduleExpressionTimezone), which also follows the switch to and from summer time.
 */
export const SCHEDULE_TIME_ZONE = TimeZone.EUROPE_WARSAW;

/**
 * Reminders before deadlines. EventBridge Scheduler puts a message on the reminders queue when one is due:
 * the daily sweep below, and one-off schedules that handlers create in the group (with the scheduler role)
 * when a deadline is set. The handler that sends the e-mails consumes the queue.
 */
export class SchedulingStack extends Stack {
  readonly scheduleGroup: IScheduleGroup;
  readonly reminders: QueueWithDeadLetters;
  /** Assumed by the scheduler to deliver to the queue; handlers creating schedules pass this role. */
  readonly schedulerRole: IRole;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.scheduleGroup = new ScheduleGroup(this, 'Reminders');
    this.reminders = new QueueWithDeadLetters(this, 'RemindersQueue');

    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.reminders.queue.grantSendMessages(schedulerRole);
    this.schedulerRole = schedulerRole;

    new Schedule(this, 'DailyReminderSweep', {
      scheduleGroup: this.scheduleGroup,
      description: 'Every morning: look for deadlines that are near and send reminders',
      schedule: ScheduleExpression.cron({ hour: '7', minute: '0', timeZone: SCHEDULE_TIME_ZONE }),
      target: new SqsSendMessage(this.reminders.queue, {
        role: schedulerRole,
        input: ScheduleTargetInput.fromObject({ kind: 'daily-sweep' }),
        // A message the scheduler cannot deliver is kept with those the handler gave up on.
        deadLetterQueue: this.reminders.deadLetterQueue,
      }),
    });
  }
}
