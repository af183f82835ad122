import { isDeepStrictEqual } from 'node:util';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HANDLERS } from '../../functions/routes.ts';
import { nestedTemplatesOf, resourcesOf, type Synthesized, synthesize } from './support.ts';

type Alarm = { Properties: Record<string, unknown> };

describe('alarms stack', () => {
  let synthesized: Synthesized;
  let template: Template;
  let alarms: Alarm[];

  beforeAll(() => {
    synthesized = synthesize();
    template = Template.fromStack(synthesized.stacks.alarms);
    alarms = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'));
  });

  /** The alarms on one metric, each with what its first dimension refers to (another stack's output). */
  const watched = (metricName: string) =>
    alarms
      .filter((alarm) => alarm.Properties.MetricName === metricName)
      .map((alarm) => JSON.stringify((alarm.Properties.Dimensions as unknown[])[0]));

  it('announces alarms on an encrypted topic that CloudWatch of this account may publish to', () => {
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const [topic] = Object.values(resourcesOf(template, 'AWS::SNS::Topic'));
    expect(topic?.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': Match.anyValue() } },
          }),
        ]),
      },
    });
  });

  /**
   * Every function, as an alarm's dimension names it: the scheduling stack's by its logical id; the api stack's,
   * built in its nested stacks, by the api stack's output that publishes the name its nested stack outputs.
   */
  const functionsAsNamed = () => {
    type Outputs = Record<string, { Value: unknown }>;
    const api = synthesized.stacks.api;
    const apiOutputs = Object.entries((Template.fromStack(api).toJSON().Outputs ?? {}) as Outputs);
    const nested = nestedTemplatesOf(api).flatMap(({ template, logicalId: stackId }) => {
      const outputs = Object.entries((template.toJSON().Outputs ?? {}) as Outputs);
      return Object.keys(resourcesOf(template, 'AWS::Lambda::Function')).map((logicalId) => {
        const nestedOutputs = outputs.filter(([, output]) =>
          isDeepStrictEqual(output.Value, { Ref: logicalId }),
        );
        const published = apiOutputs.filter(([, output]) =>
          nestedOutputs.some(([id]) =>
            isDeepStrictEqual(output.Value, { 'Fn::GetAtt': [stackId, `Outputs.${id}`] }),
          ),
        );
        expect(published, logicalId).toHaveLength(1);
        return `"StackName":"${api.stackName}","Region":"${api.region}","OutputName":"${published[0]?.[0]}"`;
      });
    });
    const scheduling = Object.keys(
      resourcesOf(Template.fromStack(synthesized.stacks.scheduling), 'AWS::Lambda::Function'),
    );
    return [...nested, ...scheduling];
  };

  it('watches errors and throttles of every function', () => {
    // Prepare
    const functions = functionsAsNamed();
    expect(functions.length).toBeGreaterThan(70);

    // Act
    const errors = watched('Errors');
    const throttles = watched('Throttles');

    // Assess
    expect(errors).toHaveLength(functions.length);
    expect(throttles).toHaveLength(functions.length);
    for (const logicalId of functions) {
      expect(errors.filter((dimension) => dimension.includes(logicalId))).toHaveLength(1);
      expect(throttles.filter((dimension) => dimension.includes(logicalId))).toHaveLength(1);
    }
  });

  it('counts what every function logs as an error, and alarms on the first one', () => {
    // Prepare
    const stacks = [
      ...nestedTemplatesOf(synthesized.stacks.api).map(({ template: nested }) => nested),
      Template.fromStack(synthesized.stacks.scheduling),
    ];
    const functions = stacks.flatMap((stack) => Object.keys(resourcesOf(stack, 'AWS::Lambda::Function')));
    const filters = stacks.flatMap((stack) => Object.values(resourcesOf(stack, 'AWS::Logs::MetricFilter')));

    // Act
    const logged = alarms.filter((alarm) => String(alarm.Properties.MetricName).startsWith('LoggedErrors-'));

    // Assess
    expect(filters).toHaveLength(functions.length);
    for (const filter of filters) {
      expect(filter.Properties.FilterPattern).toBe('{ $.level = "ERROR" }');
      const [transformation] = filter.Properties.MetricTransformations as Record<string, string>[];
      expect(transformation?.MetricValue).toBe('1');
      // Named by the top-level stack (a nested stack's own name is not known before deployment).
      expect(transformation?.MetricNamespace).toMatch(/^Kooperacja\/Kooperacja-test-(Api|Scheduling)$/);
      // Each filter's metric has exactly one alarm, firing on a single logged error.
      const matching = logged.filter(
        (alarm) =>
          alarm.Properties.MetricName === transformation?.MetricName &&
          alarm.Properties.Namespace === transformation?.MetricNamespace,
      );
      expect(matching).toHaveLength(1);
      expect(matching[0]?.Properties).toMatchObject({ Threshold: 1, Statistic: 'Sum', Period: 300 });
    }
    expect(
      new Set(filters.map((filter) => JSON.stringify(filter.Properties.MetricTransformations))).size,
    ).toBe(functions.length);
    expect(logged).toHaveLength(functions.length);
  });

  it('watches every dead-letter queue of every stack for any message', () => {
    // Prepare
    const deadLetterQueues = Object.values(synthesized.stacks).flatMap((stack) =>
      Object.values(resourcesOf(Template.fromStack(stack), 'AWS::SQS::Queue')).flatMap((queue) => {
        const redrive = queue.Properties.RedrivePolicy as
          | { deadLetterTargetArn: { 'Fn::GetAtt': [string] } }
          | undefined;
        return redrive ? [redrive.deadLetterTargetArn['Fn::GetAtt'][0]] : [];
      }),
    );

    // Act
    const depth = watched('ApproximateNumberOfMessagesVisible');

    // Assess
    expect(deadLetterQueues.length).toBeGreaterThan(0);
    expect(depth).toHaveLength(deadLetterQueues.length);
    for (const logicalId of deadLetterQueues) {
      expect(depth.filter((dimension) => dimension.includes(logicalId))).toHaveLength(1);
    }
  });

  it('alarms when the mail sweeper or the reminders planner is not run on its schedule, counting no data as not run', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      Statistic: 'Sum',
      Period: 900,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
      AlarmDescription: 'send-pending-mail: not run on its schedule for 15 minutes',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Invocations',
      Period: 10800,
      ComparisonOperator: 'LessThanThreshold',
      AlarmDescription: 'plan-reminders: not run on its schedule for 180 minutes',
    });
    // Every scheduled handler, each with its own "not run" alarm (the planner's run by the scheduling stack).
    const scheduled = Object.values(HANDLERS).filter((facts) => 'everyMinutes' in facts);
    expect(scheduled.length).toBeGreaterThanOrEqual(3);
    expect(watched('Invocations')).toHaveLength(scheduled.length);
  });

  it('watches the API for 5xx answers', () => {
    expect(watched('5xx')).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
    });
  });

  it('fires on the first occurrence and announces both the alarm and the recovery on the topic', () => {
    // Prepare
    const [topicId] = Object.keys(resourcesOf(template, 'AWS::SNS::Topic'));
    const occurrences = alarms.filter((alarm) => alarm.Properties.MetricName !== 'Invocations');

    // Assess
    expect(occurrences).toHaveLength(
      alarms.length - Object.values(HANDLERS).filter((facts) => 'everyMinutes' in facts).length,
    );
    for (const alarm of alarms) {
      expect(alarm.Properties).toMatchObject({
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    }
    for (const alarm of occurrences) {
      expect(alarm.Properties).toMatchObject({
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
        OKActions: [{ Ref: topicId }],
      });
    }
  });
});
