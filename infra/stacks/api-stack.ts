import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
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
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IManagedPolicy } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { FALLBACK_HANDLER, ROUTES } from '../../functions/routes.ts';
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
  'route-not-found': 'none',
};

/** Routes anyone may call: published calls for proposals, and the health check. */
const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/health',
  'GET /api/calls',
  'GET /api/calls/{callId}',
]);

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
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

/** The HTTP API: one function per route, and a fallback on $default that tells 404 from 405. */
export class ApiStack extends Stack {
  readonly httpApi: IHttpApi;
  /** By construct id: the handler's name in PascalCase. */
  readonly functions: ReadonlyMap<string, IFunction>;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const environment = { STAGE: props.stage, MAIL_FROM: props.mailFrom, SITE_URL: props.siteUrl };

    const functions = new Map<string, IFunction>();
    const functionFor = (handler: string): IFunction => {
      const name = pascalCase(handler);
      const existing = functions.get(name);
      if (existing) return existing;
      const tableAccess = TABLE_ACCESS[handler];
      if (!tableAccess) throw new Error(`No table access declared for handler "${handler}" in TABLE_ACCESS`);
      const { function: fn } = new ApiFunction(this, name, {
        handler,
        table: props.table,
        tableAccess: tableAccess === 'none' ? undefined : props.tableAccess[tableAccess],
        environment,
        logRetention: RetentionDays.THREE_MONTHS,
      });
      functions.set(name, fn);
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
      if (httpRoute && PUBLIC_ROUTES.has(routeKey)) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey} is public by design: it serves published information to anyone, without sign-in.`,
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

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    this.httpApi = api;
    this.functions = functions;
  }
}
