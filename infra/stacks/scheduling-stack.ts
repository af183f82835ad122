import { type CfnElement, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IManagedPolicy, type IRole, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type IScheduleGroup, Schedule, ScheduleExpression, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  builtByApiStack,
  HANDLERS,
  type QueueHandler,
  type ScheduledHandler,
} from '../../functions/routes.ts';
import { ApiFunction } from '../constructs/api-function.ts';
import { QueueWithDeadLetters } from '../constructs/queue-with-dead-letters.ts';
import type { TableAccess } from './data-stack.ts';

/**
 * Deadlines are Polish dates and e-mails should arrive in Polish working hours, so every schedule runs in
 * Europe/Warsaw time (scheduleExpressionTimezone), which also follows the switch to and from summer time.
 */
export const SCHEDULE_TIME_ZONE = TimeZone.EUROPE_WARSAW;

/** The sender's timeout; SQS hands a message out again only after six times it (AWS's advice for Lambda). */
const SENDER_VISIBILITY = (timeoutSeconds: number) => Duration.seconds(timeoutSeconds * 6);

export interface SchedulingStackProps extends StackProps {
  table: ITableV2;
  tableAccess: Readonly<Record<TableAccess, IManagedPolicy>>;
  stage: string;
  mailFrom: string;
  siteUrl: string;
  mail: { identity: IEmailIdentity; configurationSet: IConfigurationSet; sendingEvents: IQueue };
  /** E-mails a second all reminder senders together may send (under the SES account's rate). */
  reminderSendRate?: number;
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * Reminders before deadlines (ARCHITECTURE.md, "Reminders"): the planner, run at every full hour (Warsaw
 * time) by EventBridge Scheduler, queues one message per e-mail on the reminders queue; the sender consumes
 * it in batches with at most two copies at once, each pacing itself to half the configured rate; messages
 * SES refused come back after the visibility timeout and, after five tries, land in the dead-letter queue
 * (alarmed). The consumer of SES's bounce and complaint events (the mail stack's queue) lives here too.
 */
export class SchedulingStack extends Stack {
  readonly scheduleGroup: IScheduleGroup;
  readonly reminders: QueueWithDeadLetters;
  /** Assumed by the scheduler to deliver to the queue; handlers creating schedules pass this role. */
  readonly schedulerRole: IRole;
  /** The reminder pipeline's functions, by the api stack's naming (PascalCase of the handler). */
  readonly functions = new Map<string, IFunction>();
  readonly loggedErrors = new Map<string, IMetric>();
  readonly scheduled = new Map<string, { fn: IFunction; every: Duration }>();

  constructor(scope: Construct, id: string, props: SchedulingStackProps) {
    super(scope, id, props);
    this.scheduleGroup = new ScheduleGroup(this, 'Reminders');
    const sender = HANDLERS['send-reminders'] as QueueHandler;
    this.reminders = new QueueWithDeadLetters(this, 'RemindersQueue', {
      visibilityTimeout: SENDER_VISIBILITY(sender.timeoutSeconds),
    });

    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.reminders.queue.grantSendMessages(schedulerRole);
    this.schedulerRole = schedulerRole;

    const queues: Record<QueueHandler['queue'], IQueue> = {
      reminders: this.reminders.queue,
      'mail-events': props.mail.sendingEvents,
    };
    const environment = {
      STAGE: props.stage,
      MAIL_FROM: props.mailFrom,
      SITE_URL: props.siteUrl,
      MAIL_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
      REMINDERS_QUEUE_URL: this.reminders.queue.queueUrl,
      REMINDER_SEND_RATE: String(props.reminderSendRate ?? 14),
    };
    const configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: props.mail.configurationSet.configurationSetName,
    });

    for (const [handler, record] of Object.entries(HANDLERS)) {
      if (builtByApiStack(record)) continue;
      // The predicate's negation would say "a queue consumer"; scheduled handlers that enqueue come here too.
      const facts = record as QueueHandler | ScheduledHandler;
      const name = pascalCase(handler);
      const { function: fn, loggedErrors } = new ApiFunction(this, name, {
        handler,
        table: props.table,
        tableAccess: facts.table === 'none' ? undefined : props.tableAccess[facts.table],
        environment,
        logRetention: RetentionDays.THREE_MONTHS,
        timeout: Duration.seconds(facts.timeoutSeconds),
      });
      if (facts.sendsMail) {
        props.mail.identity.grantSendEmail(fn);
        Grant.addToPrincipal({
          grantee: fn,
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resourceArns: [configurationSetArn],
        });
      }
      if ('queue' in facts) {
        fn.addEventSource(
          new SqsEventSource(queues[facts.queue], {
            batchSize: facts.batchSize,
            maxConcurrency: facts.maxConcurrency,
            reportBatchItemFailures: true,
          }),
        );
      }
      if ('enqueues' in facts && facts.enqueues) queues[facts.enqueues].grantSendMessages(fn);
      if ('everyMinutes' in facts) this.hourly(handler, fn, facts.everyMinutes);
      this.functions.set(name, fn);
      this.loggedErrors.set(name, loggedErrors);
    }
  }

  /** At minute 0 of every hour, Warsaw time: the 08:00 sends go at 08:00. */
  private hourly(handler: string, fn: IFunction, everyMinutes: number): void {
    const role = new Role(this, `${pascalCase(handler)}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    new Schedule(this, `${pascalCase(handler)}Schedule`, {
      scheduleGroup: this.scheduleGroup,
      description: `Runs ${handler} at every full hour (Warsaw time)`,
      schedule: ScheduleExpression.cron({ minute: '0', timeZone: SCHEDULE_TIME_ZONE }),
      target: new LambdaInvoke(fn, { role }),
    });
    this.scheduled.set(handler, { fn, every: Duration.minutes(everyMinutes) });
    const functionArn = this.resolve(
      this.getLogicalId((fn as NodejsFunction).node.defaultChild as CfnElement),
    ) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionArn}.Arn>:*]`,
      reason: "The scheduler's Lambda target may invoke this one function, in any of its versions (:*).",
    });
  }
}
