import { type CfnElement, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
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
import { Grant, type IManagedPolicy, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { EVENT_HANDLERS, FALLBACK_HANDLER, ROUTES } from '../../functions/routes.ts';
import { ApiFunction } from '../constructs/api-function.ts';
import type { TableAccess } from './data-stack.ts';

/**
 * What each handler may do with the table. A handler missing here fails synthesis, so a new route never
 * gets access by accident.
 */
const TABLE_ACCESS: Readonly<Record<string, TableAccess | 'none'>> = {
  health: 'read',
  'list-open-calls': 'read',
  'get-call': 'read',
  'get-programme': 'read',
  'route-not-found': 'none',
  'submit-card': 'readWrite',
  'create-draft': 'readWrite',
  'resend-card-link': 'readWrite',
  'get-current-card': 'read',
  'change-current-card': 'readWrite',
  'withdraw-current-card': 'readWrite',
  'get-current-draft': 'read',
  'update-current-draft': 'readWrite',
  'check-receipt': 'read',
  'send-pending-mail': 'readWrite',
  // Signing in writes the token, its e-mail and the rate-limit window; starting and ending a session write it.
  'request-sign-in': 'readWrite',
  'start-session': 'readWrite',
  'end-session': 'readWrite',
  'list-review-calls': 'read',
  'list-review-cards': 'read',
  'get-review-card': 'read',
  'create-call': 'readWrite',
  'list-admin-programmes': 'read',
};

/** Handlers that send e-mail through SES (from the mail outbox). */
const SENDS_MAIL: ReadonlySet<string> = new Set([
  'submit-card',
  'create-draft',
  'resend-card-link',
  'change-current-card',
  'withdraw-current-card',
  'send-pending-mail',
  'request-sign-in',
]);

/**
 * Routes without an API Gateway authorizer, and why. Gminas have no accounts: what they send is checked by
 * the handler, and their own card or draft is reached only with the secret token of an e-mailed link.
 */
const PUBLIC_ROUTES: Readonly<Record<string, string>> = {
  'GET /api/health': 'it serves published information to anyone, without sign-in',
  'GET /api/calls': 'it serves published information to anyone, without sign-in',
  'GET /api/programmes/{programmeId}': 'it serves published information to anyone, without sign-in',
  'GET /api/calls/{callId}': 'it serves published information to anyone, without sign-in',
  'POST /api/calls/{callId}/cards':
    'gminas apply without accounts; the handler validates and rate-limits by idempotency',
  'POST /api/calls/{callId}/cards/{teryt}/link':
    "anyone may ask; the link goes only to the card's own contact address, rate-limited per card",
  'POST /api/calls/{callId}/drafts':
    'gminas save drafts without accounts; the draft is reached only by its e-mailed link',
  'GET /api/cards/current': 'the handler admits only the secret token of the e-mailed card link',
  'PUT /api/cards/current': 'the handler admits only the secret token of the e-mailed card link',
  'DELETE /api/cards/current': 'the handler admits only the secret token of the e-mailed card link',
  'GET /api/drafts/current': 'the handler admits only the secret token of the e-mailed draft link',
  'PUT /api/drafts/current': 'the handler admits only the secret token of the e-mailed draft link',
  'GET /api/receipts/{reference}': 'a receipt check needs both the reference and the SHA-256 from the e-mail',
  'POST /api/admin/sign-in':
    'anyone may ask for a sign-in link; it goes only to the address of an account, rate-limited',
  'POST /api/admin/sessions': "the handler admits only the secret token of a coordinator's e-mailed link",
  'POST /api/admin/sign-out': 'it only ends the session whose cookie it is sent with',
  'GET /api/admin/calls': 'the handler admits only a live session cookie (HttpOnly, SameSite=Strict)',
  'POST /api/admin/calls':
    "the handler admits only a live session cookie, and only for the user's voivodeships",
  'GET /api/admin/programmes': 'the handler admits only a live session cookie (HttpOnly, SameSite=Strict)',
  'GET /api/admin/calls/{callId}/cards':
    "the handler admits only a live session cookie, and only for the user's voivodeships",
  'GET /api/admin/cards/{callId}/{teryt}':
    "the handler admits only a live session cookie, and only for the user's voivodeships",
};

/** How often the outbox sweeper retries e-mails that SES refused at first. */
const OUTBOX_SWEEP = Duration.minutes(5);

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

/** Per-client-IP limits are not available on HTTP APIs; these cap the whole stage against floods. */
const THROTTLE = { rateLimit: 50, burstLimit: 100 };

export interface ApiStackProps extends StackProps {
  table: ITableV2;
  tableAccess: Readonly<Record<TableAccess, IManagedPolicy>>;
  /** Deployment stage, as functions/lib/config.ts reads it (STAGE). */
  stage: string;
  mailFrom: string;
  siteUrl: string;
  /** The SES identity and configuration set (mail stack) that e-mail is sent through. */
  mail: { identity: IEmailIdentity; configurationSet: IConfigurationSet };
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** The HTTP API: one function per route, and a fallback on $default that tells 404 from 405. */
export class ApiStack extends Stack {
  readonly httpApi: IHttpApi;
  /** By construct id: the handler's name in PascalCase. */
  readonly functions: ReadonlyMap<string, IFunction>;
  /** The functions run on a schedule, by the same names, with how often. */
  readonly scheduled = new Map<string, { fn: IFunction; every: Duration }>();
  /** By the same names: what each function logged as an error (see ApiFunction). */
  readonly loggedErrors: ReadonlyMap<string, IMetric>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const environment = {
      STAGE: props.stage,
      MAIL_FROM: props.mailFrom,
      SITE_URL: props.siteUrl,
      MAIL_CONFIGURATION_SET: props.mail.configurationSet.configurationSetName,
    };
    const configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: props.mail.configurationSet.configurationSetName,
    });

    const functions = new Map<string, IFunction>();
    const loggedErrors = new Map<string, IMetric>();
    const functionFor = (handler: string): IFunction => {
      const name = pascalCase(handler);
      const existing = functions.get(name);
      if (existing) return existing;
      const tableAccess = TABLE_ACCESS[handler];
      if (!tableAccess) throw new Error(`No table access declared for handler "${handler}" in TABLE_ACCESS`);
      const { function: fn, loggedErrors: logged } = new ApiFunction(this, name, {
        handler,
        table: props.table,
        tableAccess: tableAccess === 'none' ? undefined : props.tableAccess[tableAccess],
        environment,
        logRetention: RetentionDays.THREE_MONTHS,
        // The sweeper stops claiming mail 15 s before its end, so it is never stopped mid-send.
        ...(EVENT_HANDLERS.includes(handler) ? { timeout: Duration.seconds(60) } : {}),
      });
      if (SENDS_MAIL.has(handler)) {
        props.mail.identity.grantSendEmail(fn);
        // SES also authorises the configuration set a message names.
        Grant.addToPrincipal({
          grantee: fn,
          actions: ['ses:SendEmail', 'ses:SendRawEmail'],
          resourceArns: [configurationSetArn],
        });
      }
      functions.set(name, fn);
      loggedErrors.set(name, logged);
      return fn;
    };

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const api = new HttpApi(this, 'HttpApi', { createDefaultStage: false });
    api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    for (const route of ROUTES) {
      const [httpRoute] = api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(
          `${pascalCase(route.handler)}Integration`,
          functionFor(route.handler),
        ),
      });
      const routeKey = `${route.method} ${route.path}`;
      const whyPublic = PUBLIC_ROUTES[routeKey];
      if (httpRoute && whyPublic) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is public by design: ${whyPublic}.`,
        });
      }
    }
    const fallback = new HttpRoute(this, 'FallbackRoute', {
      httpApi: api,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('FallbackIntegration', functionFor(FALLBACK_HANDLER)),
    });
    Validations.of(fallback).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The $default route only answers 404/405 for unknown addresses; it reads and returns no data.',
    });

    for (const handler of EVENT_HANDLERS) {
      const fn = functionFor(handler);
      const role = new Role(this, `${pascalCase(handler)}SchedulerRole`, {
        assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      });
      new Schedule(this, `${pascalCase(handler)}Schedule`, {
        description: `Runs ${handler} every ${OUTBOX_SWEEP.toMinutes()} minutes`,
        schedule: ScheduleExpression.rate(OUTBOX_SWEEP),
        target: new LambdaInvoke(fn, { role }),
      });
      this.scheduled.set(handler, { fn, every: OUTBOX_SWEEP });
      const functionArn = this.resolve(
        this.getLogicalId((fn as NodejsFunction).node.defaultChild as CfnElement),
      ) as string;
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${functionArn}.Arn>:*]`,
        reason: "The scheduler's Lambda target may invoke this one function, in any of its versions (:*).",
      });
    }

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    this.httpApi = api;
    this.functions = functions;
    this.loggedErrors = loggedErrors;
  }
}
