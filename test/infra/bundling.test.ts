import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { FALLBACK_HANDLER } from '../../functions/routes.ts';
import { ApiFunction } from '../../infra/constructs/api-function.ts';
import { testApp } from './support.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

describe('bundling a handler', () => {
  it('gives one ES module that loads and answers, with the AWS SDK left to the runtime', async () => {
    // Prepare
    const app = testApp({ assets: true });
    const stack = new Stack(app, 'Bundling', { env: { region: 'eu-central-1' } });
    const table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    const common = { table, environment: {}, logRetention: RetentionDays.ONE_DAY };
    const fallback = new ApiFunction(stack, 'Fallback', { ...common, handler: FALLBACK_HANDLER });
    const health = new ApiFunction(stack, 'Health', { ...common, handler: 'health' });

    // Act
    const assembly = app.synth();
    const bundleOf = (construct: ApiFunction) => {
      const logicalId = stack.getLogicalId(construct.function.node.defaultChild as CfnElement);
      const code = Template.fromStack(stack).toJSON().Resources[logicalId].Properties.Code;
      return join(assembly.directory, `asset.${String(code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
    };
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    const module = (await import(pathToFileURL(bundleOf(fallback)).href)) as { handler: Handler };
    const response = await module.handler(
      {
        rawPath: '/api/health',
        routeKey: '$default',
        headers: {},
        requestContext: { http: { method: 'DELETE' }, requestId: 'bundling-test' },
      } as unknown as APIGatewayProxyEventV2,
      { functionName: 'fallback', awsRequestId: 'bundling-test', getRemainingTimeInMillis: () => 1_000 },
    );

    // Assess
    expect(response.statusCode).toBe(405);
    expect(response.headers?.allow).toBe('GET');
    const healthBundle = readFileSync(bundleOf(health), 'utf8');
    expect(healthBundle).toMatch(/^import \{ createRequire as __createRequire \}/);
    expect(healthBundle).toMatch(/from\s*"@aws-sdk\/lib-dynamodb"/);
  });

  it('follows .ts imports and JSON imports with import attributes (the TERYT register)', async () => {
    // Act
    const result = await build({
      entryPoints: [new URL('../../shared/teryt/index.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      logLevel: 'silent',
    });

    // Assess
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text.length).toBeGreaterThan(10_000);
  });
});
