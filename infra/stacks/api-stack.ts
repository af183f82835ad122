import {
  type CfnElement,
  CfnOutput,
  Duration,
  NestedStack,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpApi,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import {
  builtByApiStack,
  DEFAULT_THROTTLE,
  HANDLERS,
  type HandlerRecord,
  type HttpHandler,
  splitRouteKey,
} from '../../functions/routes.ts';
import { API_GROUPS, type ApiGroup, apiGroupOf } from '../api-groups.ts';
import { ApiFunction } from '../constructs/api-function.ts';
import { TABLE_WRITE_ACTIONS, type TableAccess } from './data-stack.ts';

/** One JSON object per request, for CloudWatch Logs Insights; the variables HTTP APIs offer. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

/**
 * HTTP APIs throttle per route, for all clients together: each route gets its record's throttle
 * (DEFAULT_THROTTLE otherwise), so a flood of sign-ins cannot use up the capacity cards are sent with.
 * Per client, the WAF's rate-based rules (waf-stack.ts) and the handlers' own limits count.
 */
function throttleOf(facts: HttpHandler): { ThrottlingRateLimit: number; ThrottlingBurstLimit: number } {
  const { rate, burst } = facts.throttle ?? DEFAULT_THROTTLE;
  return { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst };
}

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  tableAccess: Readonly<Record<TableAccess, IManagedPolicy>>;
  /** Lets a read-only function renew its session's idle limit (the data stack's SessionTouch). */
  sessionTouch?: IManagedPolicy;
  /** Deployment stage, as functions/lib/config.ts reads it (STAGE). */
  stage: string;
  mailFrom: string;
  siteUrl: string;
  /** The SES identity and configuration set (mail stack) that e-mail is sent through. */
  mail: { identity: IEmailIdentity; configurationSet: IConfigurationSet };
  /** The documents bucket and the seal's certificate secret (data stack), for the handlers that keep documents. */
  documents?: {
    bucket: IBucket;
    access: Readonly<{ read: IManagedPolicy; readWrite: IManagedPolicy; expire: IManagedPolicy }>;
    sealSecret: ISecret;
  };
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/**
 * The HTTP API: one function per route, and a fallback on $default that tells 404 from 405. The functions,
 * their routes and schedules are in nested stacks, one per concern (infra/api-groups.ts), as 500 resources
 * would not hold them all; this stack keeps the API, its stage with each route's throttle, the access logs
 * and the origin secret.
 */
export class ApiStack extends Stack {
  readonly httpApi: IHttpApi;
  /**
   * The value CloudFront's origin adds as x-origin-verify and every function requires
   * (functions/lib/origin.ts): the execute-api address, which anyone may call, is closed without it.
   */
  readonly originSecret: ISecret;
  /** By construct id: the handler's name in PascalCase. */
  readonly functions: ReadonlyMap<string, IFunction>;
  /** The functions run on a schedule, by the same names, with how often. */
  readonly scheduled = new Map<string, { fn: IFunction; every: Duration }>();
  /** By the same names: what each function logged as an error (see ApiFunction). */
  readonly loggedErrors: ReadonlyMap<string, IMetric>;
  /** The nested stacks that build the handlers, by group (infra/api-groups.ts); only groups with a handler. */
  readonly groups: ReadonlyMap<ApiGroup, NestedStack>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'The header value CloudFront adds to requests for the API; functions refuse others',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        "Rotated by hand (README, Security): CloudFront's origin header must be redeployed with each new value, which a rotation Lambda cannot do; the functions accept the current and previous values meanwhile.",
    });
    this.originSecret = originSecret;
    const environment = {
      STAGE: props.stage,
      MAIL_FROM: props.mailFrom,
      SITE_URL: props.siteUrl,
      MAIL_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
      ORIGIN_SECRET_ARN: originSecret.secretArn,
    };
    const configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: props.mail.configurationSet.configurationSetName,
    });

    const functions = new Map<string, IFunction>();
    const loggedErrors = new Map<string, IMetric>();
    const groups = new Map<ApiGroup, NestedStack>();
    const groupOf = (group: ApiGroup): NestedStack => {
      const existing = groups.get(group);
      if (existing) return existing;
      const nested = new NestedStack(this, group, {
        description: `Kooperacja API: the ${group} handlers' functions, routes and schedules (${this.stackName})`,
      });
      groups.set(group, nested);
      return nested;
    };
    const functionFor = (scope: NestedStack, handler: string, facts: HandlerRecord): IFunction => {
      const name = pascalCase(handler);
      const { function: fn, loggedErrors: logged } = new ApiFunction(scope, name, {
        handler,
        table: props.table,
        // A public writer reads as any function does and writes only the keys its record names (below).
        tableAccess:
          facts.table === 'none'
            ? undefined
            : props.tableAccess['writes' in facts && facts.writes ? 'read' : facts.table],
        environment: {
          ...environment,
          ...(facts.documents && props.documents
            ? { DOCUMENTS_BUCKET: props.documents.bucket.bucketName }
            : {}),
          ...(facts.documents === 'readWriteSeal' && props.documents
            ? { SEAL_SECRET_ARN: props.documents.sealSecret.secretArn }
            : {}),
        },
        logRetention: RetentionDays.THREE_MONTHS,
        ...('timeoutSeconds' in facts ? { timeout: Duration.seconds(facts.timeoutSeconds) } : {}),
        // The seal is read through the Parameters and Secrets extension: no Secrets Manager client bundled.
        ...(facts.documents === 'readWriteSeal'
          ? { paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103) }
          : {}),
      });
      if ('writes' in facts && facts.writes) {
        fn.addToRolePolicy(
          new PolicyStatement({
            actions: [...TABLE_WRITE_ACTIONS],
            resources: [props.table.tableArn],
            conditions: {
              'ForAllValues:StringLike': {
                'dynamodb:LeadingKeys': facts.writes.map((prefix) => `${prefix}*`),
              },
            },
          }),
        );
        if (facts.checks)
          fn.addToRolePolicy(
            new PolicyStatement({
              actions: ['dynamodb:ConditionCheckItem'],
              resources: [props.table.tableArn],
              conditions: {
                'ForAllValues:StringLike': {
                  'dynamodb:LeadingKeys': facts.checks.map((prefix) => `${prefix}*`),
                },
              },
            }),
          );
      }
      // Every HTTP function checks the origin header; reading the secret is all it may do with it.
      if ('route' in facts)
        Grant.addToPrincipal({
          grantee: fn,
          actions: ['secretsmanager:GetSecretValue'],
          resourceArns: [originSecret.secretArn],
        });
      if (facts.sendsMail) {
        props.mail.identity.grantSendEmail(fn);
        // SES also authorises the configuration set a message names.
        Grant.addToPrincipal({
          grantee: fn,
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resourceArns: [configurationSetArn],
        });
      }
      if (facts.documents && props.documents) {
        const { access, sealSecret } = props.documents;
        fn.role?.addManagedPolicy(
          facts.documents === 'read'
            ? access.read
            : facts.documents === 'expire'
              ? access.expire
              : access.readWrite,
        );
        if (facts.documents === 'readWriteSeal') sealSecret.grantRead(fn);
      }
      // A read-only route behind a session still renews the session's idle limit (SESSION# items only).
      if ('caller' in facts && facts.caller === 'session' && facts.table === 'read' && props.sessionTouch)
        fn.role?.addManagedPolicy(props.sessionTouch);
      functions.set(name, fn);
      loggedErrors.set(name, logged);
      return fn;
    };

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const api = new HttpApi(this, 'HttpApi', { createDefaultStage: false });
    const stage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: DEFAULT_THROTTLE.rate, burstLimit: DEFAULT_THROTTLE.burst },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
    const cfnStage = stage.node.defaultChild as CfnStage;
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

    for (const [handler, facts] of Object.entries(HANDLERS)) {
      // The reminder pipeline's handlers are built by the scheduling stack, beside their queues.
      if (!builtByApiStack(facts)) continue;
      const group = groupOf(apiGroupOf(facts));
      const fn = functionFor(group, handler, facts);
      if ('everyMinutes' in facts) this.schedule(group, handler, fn, Duration.minutes(facts.everyMinutes));
      else {
        const name = pascalCase(handler);
        const { method, path } = facts.route === '$default' ? {} : splitRouteKey(facts.route);
        const route = new HttpRoute(group, `${name}Route`, {
          httpApi: api,
          routeKey: method && path ? HttpRouteKey.with(path, HttpMethod[method]) : HttpRouteKey.DEFAULT,
          integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        });
        routeSettings[facts.route] = throttleOf(facts);
        // Route settings name routes by key: the stage can set them only once the routes exist.
        if (group.nestedStackResource) cfnStage.node.addDependency(group.nestedStackResource);
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${method ? facts.route : 'The $default route'} is public by design: ${facts.whyPublic}.`,
        });
      }
    }

    cfnStage.routeSettings = routeSettings;

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'OriginSecretArn', { value: originSecret.secretArn });
    this.httpApi = api;
    this.functions = functions;
    this.loggedErrors = loggedErrors;
    // In the order of API_GROUPS, whatever the order of the records.
    this.groups = new Map(
      API_GROUPS.flatMap((name) => {
        const nested = groups.get(name);
        return nested ? [[name, nested] as const] : [];
      }),
    );
  }

  /** EventBridge Scheduler invokes the function every so often, through a role that may invoke only it. */
  private schedule(scope: NestedStack, handler: string, fn: IFunction, every: Duration): void {
    const role = new Role(scope, `${pascalCase(handler)}SchedulerRole`, {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': scope.account } },
      }),
    });
    new Schedule(scope, `${pascalCase(handler)}Schedule`, {
      description: `Runs ${handler} every ${every.toMinutes()} minutes`,
      schedule: ScheduleExpression.rate(every),
      target: new LambdaInvoke(fn, { role }),
    });
    this.scheduled.set(handler, { fn, every });
    const functionArn = scope.resolve(
      scope.getLogicalId((fn as NodejsFunction).node.defaultChild as CfnElement),
    ) as string;
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionArn}.Arn>:*]`,
      reason: "The scheduler's Lambda target may invoke this one function, in any of its versions (:*).",
    });
  }
}
