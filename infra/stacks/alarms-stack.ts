import { type Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { Alarms } from '../constructs/alarms.ts';
import { ServiceTopic } from '../constructs/service-topic.ts';

export interface AlarmsStackProps extends StackProps {
  /** By name, as it appears in the alarm's name and description. */
  functions: ReadonlyMap<string, IFunction>;
  /** By the same names: errors the functions logged and handled themselves. */
  loggedErrors: ReadonlyMap<string, IMetric>;
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  /** By the same names: the functions run on a schedule, and how often. */
  scheduled: ReadonlyMap<string, { fn: IFunction; every: Duration }>;
  httpApi: IHttpApi;
  /** Who is told about alarms; without it, subscribe to the topic by hand. */
  alarmEmail?: string;
}

/** Every alarm, announced on one encrypted topic. Deployed last: it watches what the other stacks hold. */
export class AlarmsStack extends Stack {
  readonly alarmTopic: ITopic;

  constructor(scope: Construct, id: string, props: AlarmsStackProps) {
    super(scope, id, props);
    const { topic } = new ServiceTopic(this, 'AlarmTopic', {
      service: 'cloudwatch.amazonaws.com',
      description: 'alarm notifications',
    });
    if (props.alarmEmail) topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.alarmTopic = topic;

    const alarms = new Alarms(this, 'Alarms', { topic });
    for (const [name, fn] of props.functions) alarms.watchFunction(name, fn);
    for (const [name, metric] of props.loggedErrors) alarms.watchLoggedErrors(name, metric);
    for (const [name, queue] of props.deadLetterQueues) alarms.watchDeadLetters(name, queue);
    for (const [name, { fn, every }] of props.scheduled) alarms.watchSchedule(name, fn, every);
    alarms.watchApi('HttpApi', props.httpApi);
  }
}
