import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Where every alarm (and its recovery) is announced. */
  topic: ITopic;
}

/**
 * The alarms of one stack. The platform is small and quiet, so a single failure is worth a look:
 * every alarm fires on the first occurrence within its period.
 */
export class Alarms extends Construct {
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.action = new SnsAction(props.topic);
  }

  /** Errors (uncaught, or timeouts) and throttles of a function. */
  watchFunction(name: string, fn: IFunction): void {
    const period = Duration.minutes(5);
    this.add(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `${name}: the function failed`);
    this.add(
      `${name}Throttles`,
      fn.metricThrottles({ period, statistic: 'Sum' }),
      `${name}: invocations were throttled (concurrency exhausted)`,
    );
  }

  /** Anything a function logged as an error: it handled it, but a person should look. */
  watchLoggedErrors(name: string, metric: IMetric): void {
    this.add(`${name}LoggedErrors`, metric, `${name}: logged an error (see its log group)`);
  }

  /** Any message in a dead-letter queue is work that was given up on. */
  watchDeadLetters(name: string, deadLetterQueue: IQueue): void {
    this.add(
      `${name}DeadLetters`,
      deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      `${name}: messages in the dead-letter queue`,
    );
  }

  /**
   * A function run on a schedule that stopped being run (a disabled schedule, a broken role): nothing fails,
   * so no error alarm fires, while refused mail waits. No invocation in three periods is the alarm; missing
   * data is no invocation.
   */
  watchSchedule(name: string, fn: IFunction, every: Duration): void {
    this.add(
      `${name}NotRun`,
      fn.metricInvocations({ period: Duration.minutes(every.toMinutes() * 3), statistic: 'Sum' }),
      `${name}: not run on its schedule for ${every.toMinutes() * 3} minutes`,
      { below: true },
    );
  }

  /** Responses with status 5xx, whether from a function or from API Gateway itself. */
  watchApi(name: string, api: IHttpApi): void {
    this.add(
      `${name}ServerErrors`,
      api.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      `${name}: the API answered with 5xx`,
    );
  }

  /** Fires on one occurrence in a period, or with `below`, on none (no data then counts as none). */
  private add(id: string, metric: IMetric, description: string, options: { below?: boolean } = {}): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: options.below
        ? ComparisonOperator.LESS_THAN_THRESHOLD
        : ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.below ? TreatMissingData.BREACHING : TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
  }
}
