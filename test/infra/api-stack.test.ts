import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtByApiStack, HANDLERS, ROUTES, type TableAccess } from '../../functions/routes.ts';
import { API_GROUPS, apiGroupOf } from '../../infra/api-groups.ts';
import {
  handlersTemplate,
  inlinePoliciesOf,
  type NestedTemplate,
  nestedTemplatesOf,
  resourcesOf,
  type Synthesized,
  synthesize,
  TEST_DEPLOYMENT,
} from './support.ts';

/** The reminder pipeline's handlers are built by the scheduling stack (test/infra/scheduling-stack.test.ts). */
const NAMES = Object.keys(HANDLERS).filter((name) => builtByApiStack(HANDLERS[name] as never));
const withAccess = (table: TableAccess) => NAMES.filter((name) => HANDLERS[name]?.table === table);
const SENDING_MAIL = NAMES.filter((name) => HANDLERS[name]?.sendsMail);
const CONFINED = NAMES.filter((name) => (HANDLERS[name] as { writes?: string[] } | undefined)?.writes);

describe('api stack', () => {
  let synthesized: Synthesized;
  /** The api stack itself: the HTTP API, its stage, the access logs, the origin secret. */
  let parent: Template;
  let nested: NestedTemplate[];
  /** Everything its nested stacks hold: the handlers' functions, roles, routes and schedules. */
  let template: Template;

  beforeAll(() => {
    synthesized = synthesize();
    parent = Template.fromStack(synthesized.stacks.api);
    nested = nestedTemplatesOf(synthesized.stacks.api);
    template = handlersTemplate(synthesized.stacks.api);
  });

  /** Construct ids, and so logical ids, start with the handler's name in PascalCase. */
  const pascal = (handler: string) =>
    handler.replace(/(^|-)(\w)/g, (_, _dash, letter: string) => letter.toUpperCase());

  it('has a route with a Lambda proxy integration for every entry of ROUTES, and $default for the rest', () => {
    // Act
    const routes = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Route'));

    // Assess
    expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(
      [...ROUTES.map((route) => `${route.method} ${route.path}`), '$default'].sort(),
    );
    for (const route of routes) {
      expect(route.Properties.Target).toEqual({
        'Fn::Join': ['', ['integrations/', { Ref: expect.any(String) }]],
      });
    }
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', ROUTES.length + 1);
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
    });
  });

  it('runs one function per handler on Node.js 24, arm64, with the configuration the code reads', () => {
    // Act
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));

    // Assess
    expect(functions).toHaveLength(NAMES.length);
    template.allResourcesProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          STAGE: TEST_DEPLOYMENT.stage,
          MAIL_FROM: TEST_DEPLOYMENT.mailFrom,
          SITE_URL: TEST_DEPLOYMENT.siteUrl,
          TABLE_NAME: Match.anyValue(),
          MAIL_CONFIGURATION_SET: Match.anyValue(),
        }),
      },
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.anyValue() } },
    });
  });

  it('gives every function its own log group with a retention', () => {
    // Act
    const logGroups = resourcesOf(template, 'AWS::Logs::LogGroup');
    const functions = Object.values(resourcesOf(template, 'AWS::Lambda::Function'));

    // Assess
    for (const fn of functions) {
      const { LogGroup } = fn.Properties.LoggingConfig as { LogGroup: { Ref: string } };
      expect(logGroups[LogGroup.Ref]?.Properties.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it('lets each handler use the table only as its record says: read, read and write, or not at all', () => {
    // Prepare
    const roles = resourcesOf(template, 'AWS::IAM::Role');
    const roleOf = (handler: string) =>
      Object.entries(roles).find(([logicalId]) => logicalId.startsWith(`${pascal(handler)}Role`))?.[1];

    // Act
    const managedPolicies = (handler: string) =>
      JSON.stringify(roleOf(handler)?.Properties.ManagedPolicyArns ?? []);

    // Assess
    expect(withAccess('read').length).toBeGreaterThan(0);
    for (const handler of withAccess('read')) expect(managedPolicies(handler)).toMatch(/TableRead(?!Write)/);
    for (const handler of withAccess('readWrite').filter((name) => !CONFINED.includes(name)))
      expect(managedPolicies(handler)).toMatch(/TableReadWrite/);
    // A public writer reads like any function and writes through its own confined statement (below).
    for (const handler of CONFINED) expect(managedPolicies(handler)).toMatch(/TableRead(?!Write)/);
    for (const handler of withAccess('none')) expect(managedPolicies(handler)).toBe('[]');
  });

  it("confines each public writer's writes to the key prefixes its record names (dynamodb:LeadingKeys)", () => {
    // Prepare
    const policies = inlinePoliciesOf(template);
    type Statement = { Action: string | string[]; Condition?: Record<string, Record<string, string[]>> };
    const writeStatements = (handler: string) =>
      policies
        .filter(([id]) => id.startsWith(pascal(handler)))
        .flatMap(([, policy]) => (policy.PolicyDocument as { Statement: Statement[] }).Statement)
        .filter((statement) => [statement.Action].flat().includes('dynamodb:PutItem'));

    // Assess
    expect(CONFINED).toEqual(expect.arrayContaining(['submit-card', 'create-draft', 'request-sign-in']));
    for (const handler of CONFINED) {
      const [statement, ...more] = writeStatements(handler);
      expect(more, handler).toEqual([]);
      expect([statement?.Action].flat().sort(), handler).toEqual([
        'dynamodb:ConditionCheckItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ]);
      const facts = HANDLERS[handler] as unknown as { writes: string[] };
      expect(statement?.Condition, handler).toEqual({
        'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': facts.writes.map((prefix) => `${prefix}*`) },
      });
    }
    expect(HANDLERS['submit-card']).toMatchObject({ writes: ['CARD#', 'IDEM#', 'RATE#', 'REF#', 'TOKEN#'] });
  });

  it('lets submit-card only check the call (CALL#) in its transaction, never write it', () => {
    // Prepare
    type Statement = { Action: string | string[]; Condition?: Record<string, Record<string, string[]>> };
    const statements = inlinePoliciesOf(template)
      .filter(([id]) => id.startsWith(pascal('submit-card')))
      .flatMap(([, policy]) => (policy.PolicyDocument as { Statement: Statement[] }).Statement);

    // Assess
    const checks = statements.filter((statement) =>
      JSON.stringify(statement.Condition ?? {}).includes('CALL#'),
    );
    expect(checks).toEqual([
      expect.objectContaining({
        Action: 'dynamodb:ConditionCheckItem',
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['CALL#*'] } },
      }),
    ]);
  });

  it('grants inline only log writing, confined table writes, reading the origin secret, SES sending to the mail handlers, the sweeper schedule its invoke and the sealing handlers the seal', () => {
    // Act
    const policies = inlinePoliciesOf(template);
    const statements = policies.flatMap(([id, policy]) =>
      (policy.PolicyDocument as { Statement: { Action: string | string[] }[] }).Statement.map(
        (statement) => ({
          id,
          actions: [statement.Action].flat(),
        }),
      ),
    );

    // Assess
    for (const { actions } of statements) {
      expect([
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        ['dynamodb:ConditionCheckItem'],
        ['secretsmanager:GetSecretValue'],
        ['ses:SendEmail', 'ses:SendRawEmail'],
        ['lambda:InvokeFunction'],
        ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      ]).toContainEqual(actions);
    }
    const sesPolicies = statements
      .filter(({ actions }) => actions.includes('ses:SendEmail'))
      .map(({ id }) => id);
    // The identity's grant and the configuration set's, for each handler that sends mail.
    expect(new Set(sesPolicies).size).toBe(SENDING_MAIL.length);
    // A function's grants are in its role (one resource fewer per function); only the schedules' roles have
    // a policy of their own.
    expect(Object.keys(resourcesOf(template, 'AWS::IAM::Policy')).sort()).toEqual([
      expect.stringMatching(/^ApplyRetentionSchedulerRoleDefaultPolicy/),
      expect.stringMatching(/^RunCallJobsSchedulerRoleDefaultPolicy/),
      expect.stringMatching(/^SendPendingMailSchedulerRoleDefaultPolicy/),
    ]);
    for (const handler of SENDING_MAIL)
      expect(sesPolicies.some((id) => id.startsWith(pascal(handler)))).toBe(true);
  });

  it('gives requests 10 s and scheduled handlers the time their record gives (the outbox sweeper a minute)', () => {
    const functions = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'));
    for (const [id, fn] of functions) {
      const facts = Object.entries(HANDLERS).find(([name]) => id.startsWith(`${pascal(name)}Function`))?.[1];
      expect(facts, id).toBeDefined();
      expect(fn.Properties.Timeout, id).toBe(facts && 'timeoutSeconds' in facts ? facts.timeoutSeconds : 10);
    }
    expect(HANDLERS['send-pending-mail']).toMatchObject({ timeoutSeconds: 60 });
  });

  it('runs the outbox sweeper every five minutes through EventBridge Scheduler', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(5 minutes)',
      Target: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SendPendingMail'), 'Arn'] } },
    });
  });

  it('builds each handler in the nested stack of its group, with its route, and nothing of it in the api stack', () => {
    // Prepare
    const groupOfFunction = (logicalId: string) =>
      nested.filter(({ template: group }) => logicalId in resourcesOf(group, 'AWS::Lambda::Function'));

    // Assess
    expect(nested.map(({ group }) => group)).toEqual(
      API_GROUPS.filter((group) => NAMES.some((name) => apiGroupOf(HANDLERS[name] as never) === group)),
    );
    for (const name of NAMES) {
      const group = apiGroupOf(HANDLERS[name] as never);
      const [id, ...more] = Object.keys(resourcesOf(template, 'AWS::Lambda::Function')).filter((logicalId) =>
        logicalId.startsWith(`${pascal(name)}Function`),
      );
      expect(more, name).toEqual([]);
      expect(
        groupOfFunction(id ?? name).map((found) => found.group),
        name,
      ).toEqual([group]);
      const facts = HANDLERS[name];
      if (facts && 'route' in facts) {
        const routes = nested.flatMap(({ group: holder, template: held }) =>
          Object.values(resourcesOf(held, 'AWS::ApiGatewayV2::Route'))
            .filter((route) => route.Properties.RouteKey === facts.route)
            .map(() => holder),
        );
        expect(routes, name).toEqual([group]);
      }
    }
    for (const type of [
      'AWS::Lambda::Function',
      'AWS::Lambda::Permission',
      'AWS::ApiGatewayV2::Route',
      'AWS::ApiGatewayV2::Integration',
      'AWS::IAM::Role',
      'AWS::Scheduler::Schedule',
    ])
      parent.resourceCountIs(type, 0);
  });

  it("keeps every stack well under CloudFormation's 500 resources, and the api stack small", () => {
    // Prepare
    const count = (held: Template) => Object.keys(held.toJSON().Resources ?? {}).length;

    // Assess: room for new handlers in every group; a group nearing 400 gets no new resources (api-groups.ts).
    for (const { group, template: held } of nested) expect(count(held), group).toBeLessThan(400);
    // The api stack grows by none per handler: the API, its stage, the access logs, the secret, the groups.
    expect(count(parent)).toBeLessThan(20);
    // Its outputs (CloudFormation allows 200) grow by one per function, whose name the alarms stack reads.
    expect(Object.keys(parent.toJSON().Outputs ?? {}).length).toBeLessThan(150);
  });

  it('throttles the $default stage and logs every request', () => {
    parent.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
  });
});
