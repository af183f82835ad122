import { type CfnElement, Duration, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  Grant,
  type IManagedPolicy,
  type IRole,
  PolicyStatement,
  Role,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnPipe } from 'aws-cdk-lib/aws-pipes';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
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
  /** The documents bucket (data stack): the mail sender attaches final agreements from it. */
  documents?: { bucket: IBucket; read: IManagedPolicy };
  /** E-mails a second all reminder senders together may send (under the SES account's rate). */
  reminderSendRate?: number;
}

/** The pipe's filter: a new item (not a change of one) whose sort key marks an outbox message. */
export const OUTBOX_INSERTS = {
  eventName: ['INSERT'],
  dynamodb: { Keys: { sk: { S: [{ prefix: 'MAIL#' }] } } },
};
/** The queue message the pipe writes: only the key (strings quoted, as Pipes' input templates want). */
export const OUTBOX_MESSAGE_TEMPLATE =
  '{"outbox":{"pk":"<$.dynamodb.Keys.pk.S>","sk":"<$.dynamodb.Keys.sk.S>"}}';

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

    this.outboxPipe(props.table);

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
        environment: {
          ...environment,
          ...(facts.documents && props.documents
            ? { DOCUMENTS_BUCKET: props.documents.bucket.bucketName }
            : {}),
        },
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
      if (facts.documents === 'read' && props.documents) fn.role?.addManagedPolicy(props.documents.read);
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

  /**
   * Every new outbox item onto the mail queue, for the one sender (ARCHITECTURE.md, "Mail that is not
   * silently lost"): an EventBridge Pipe from the table's stream (keys only), filtered to inserts whose sort
   * key is MAIL#…, each turned into `{"outbox":{"pk","sk"}}` (functions/mail/mail-queue.ts). No function of
   * ours runs for it. Records the pipe could not put on the queue go to the queue's alarmed dead letters.
   */
  private outboxPipe(table: ITableV2): void {
    const streamArn = table.tableStreamArn;
    if (!streamArn) throw new Error('The table needs its stream (data stack) for the mail pipeline');
    const role = new Role(this, 'OutboxPipeRole', {
      assumedBy: new ServicePrincipal('pipes.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
        resources: [streamArn],
      }),
    );
    this.reminders.queue.grantSendMessages(role);
    this.reminders.deadLetterQueue.grantSendMessages(role);
    new CfnPipe(this, 'OutboxPipe', {
      description: 'New outbox items (table stream, keys only) onto the mail queue',
      roleArn: role.roleArn,
      source: streamArn,
      sourceParameters: {
        dynamoDbStreamParameters: {
          // From the oldest record still kept (24 h): a pipe created or resumed late misses nothing.
          startingPosition: 'TRIM_HORIZON',
          batchSize: 10,
          maximumRetryAttempts: 10,
          deadLetterConfig: { arn: this.reminders.deadLetterQueue.queueArn },
        },
        filterCriteria: { filters: [{ pattern: JSON.stringify(OUTBOX_INSERTS) }] },
      },
      target: this.reminders.queue.queueArn,
      targetParameters: { inputTemplate: OUTBOX_MESSAGE_TEMPLATE },
    });
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
