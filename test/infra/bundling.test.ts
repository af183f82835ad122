import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { FALLBACK_HANDLER, HANDLERS } from '../../functions/routes.ts';
import { bundleFunction, LAMBDA_BUNDLING, LAMBDA_DATA_FILES } from '../../infra/bundling.ts';
import { ApiFunction } from '../../infra/constructs/api-function.ts';
import { testApp } from './support.ts';

type Handler = (
  event: APIGatewayProxyEventV2,
  context: unknown,
) => Promise<APIGatewayProxyStructuredResultV2>;

describe('bundling a handler', () => {
  it('gives one ES module that loads and answers, with the AWS SDK inside but the SES client', async () => {
    // Prepare
    const app = testApp({ assets: true });
    const stack = new Stack(app, 'Bundling', { env: { region: 'eu-central-1' } });
    const table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    const common = { table, environment: {}, logRetention: RetentionDays.ONE_DAY };
    const fallback = new ApiFunction(stack, 'Fallback', { ...common, handler: FALLBACK_HANDLER });
    const health = new ApiFunction(stack, 'Health', { ...common, handler: 'health' });
    const submit = new ApiFunction(stack, 'SubmitCard', { ...common, handler: 'submit-card' });

    // Act
    const assembly = app.synth();
    const bundleOf = (construct: ApiFunction) => {
      const logicalId = stack.getLogicalId(construct.function.node.defaultChild as CfnElement);
      const code = Template.fromStack(stack).toJSON().Resources[logicalId].Properties.Code;
      return join(assembly.directory, `asset.${String(code.S3Key).replace(/\.zip$/, '')}`, 'index.mjs');
    };
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    // What every function reads at cold start; the origin secret's value, as locally (not its ARN).
    const secret = 'bundling-test-origin-secret';
    for (const [name, value] of Object.entries({
      TABLE_NAME: 'bundling-test',
      MAIL_FROM: 'kooperacja@rops.example',
      SITE_URL: 'https://kooperacja.example',
      ORIGIN_SECRET: secret,
    }))
      vi.stubEnv(name, value);
    const module = (await import(pathToFileURL(bundleOf(fallback)).href)) as { handler: Handler };
    const response = await module.handler(
      {
        rawPath: '/api/health',
        routeKey: '$default',
        headers: { 'x-origin-verify': secret },
        requestContext: { http: { method: 'DELETE' }, requestId: 'bundling-test' },
      } as unknown as APIGatewayProxyEventV2,
      { functionName: 'fallback', awsRequestId: 'bundling-test', getRemainingTimeInMillis: () => 1_000 },
    );

    // Assess
    expect(response.statusCode).toBe(405);
    expect(response.headers?.allow).toBe('GET');
    const healthBundle = readFileSync(bundleOf(health), 'utf8');
    // The banner that gives CommonJS dependencies `require` (renamed and, where unused, dropped by UglifyJS).
    expect(healthBundle).toMatch(/^import\s*\{\s*createRequire as \w+\s*\}\s*from\s*"node:module"/);
    expect(healthBundle).not.toMatch(/from\s*"@aws-sdk\//);
    // Only the environment's credentials, not the SDK's whole default chain (infra/bundling.ts).
    expect(healthBundle).toContain('Unable to find environment variable credentials');
    expect(healthBundle).not.toContain('Could not load credentials from any providers');
    // Sending a card only queues its e-mail (the mail pipeline sends it): no SES client at all.
    const submitBundle = readFileSync(bundleOf(submit), 'utf8');
    // The TERYT register travels beside it as data (the CDK's afterBundling hook), not inside it.
    expect(existsSync(join(dirname(bundleOf(submit)), 'register.json'))).toBe(true);
    expect(submitBundle).not.toContain('"2602052"');
    const imported = [...submitBundle.matchAll(/(?:from\s*|import\()"(@aws-sdk\/[a-z-]+)"/g)];
    expect(imported.map((match) => match[0])).toEqual([]);
    // What the CDK deploys is byte for byte what the benchmark measures and the integration tests run.
    const same = await bundleFunction('submit-card', mkdtempSync(join(tmpdir(), 'submit-card-')));
    expect(readFileSync(same, 'utf8')).toBe(submitBundle);
  });

  it('leaves the S3 client to the runtime, loaded by the outbox sweeper only to attach a document', async () => {
    // Act
    const file = await bundleFunction('send-pending-mail', mkdtempSync(join(tmpdir(), 'send-pending-mail-')));

    // Assess: no AWS client imported at start; SES on the first send, S3 on the first attachment.
    const bundle = readFileSync(file, 'utf8');
    expect(bundle).not.toMatch(/from\s*"@aws-sdk\//);
    const loaded = [...bundle.matchAll(/import\("(@aws-sdk\/[a-z0-9-]+)"\)/g)].map((match) => match[1]);
    expect(loaded.sort()).toEqual(['@aws-sdk/client-s3', '@aws-sdk/client-ses']);
  });

  it('puts the TERYT register beside a bundle as data, where the bundled register module reads it', async () => {
    // Prepare: the module the API imports when it first checks a gmina, bundled as a function would be.
    const dir = mkdtempSync(join(tmpdir(), 'teryt-bundle-'));
    await build({
      ...LAMBDA_BUNDLING,
      entryPoints: [new URL('../../shared/teryt/index.ts', import.meta.url).pathname],
      outfile: join(dir, 'index.mjs'),
      logLevel: 'silent',
    });
    for (const file of LAMBDA_DATA_FILES)
      copyFileSync(new URL(`../../${file}`, import.meta.url), join(dir, basename(file)));

    // Act
    const teryt = (await import(
      pathToFileURL(join(dir, 'index.mjs')).href
    )) as typeof import('../../shared/teryt/index.ts');

    // Assess: the data is not in the code, and the bundle finds it.
    expect(statSync(join(dir, 'index.mjs')).size).toBeLessThan(10_000);
    expect(teryt.findGmina('2602052')?.name).toBe('Oksa');
    expect(teryt.GMINY).toHaveLength(2477);
  });

  it('keeps the PDF libraries to the functions that render, read or seal a PDF, and the calendar library to those that send a reminder', async () => {
    // Prepare: every handler, in one esbuild run (the first pass of bundleFunction; the second
    // minification removes code, never a library); the metafile names each bundle's inputs.
    const handlers = join(import.meta.dirname, '..', '..', 'functions', 'handlers');
    // Nothing is written (write: false): the directory only names the outputs.
    const outdir = join(tmpdir(), 'pdf-libraries');

    // Act
    const { metafile } = await build({
      ...LAMBDA_BUNDLING,
      entryPoints: Object.keys(HANDLERS).map((name) => join(handlers, `${name}.ts`)),
      outdir,
      // Minifying changes no bundle's inputs, only the time taken.
      minify: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });

    // Assess: pdf-lib with fontkit where a document is rendered, @signpdf with node-forge where one is
    // sealed, node-forge alone where an upload's signature is read; none elsewhere.
    const found: Record<string, string[]> = {};
    const calendar: string[] = [];
    for (const [file, output] of Object.entries(metafile.outputs)) {
      if (!output.entryPoint) continue;
      const libraries = new Set<string>();
      for (const input of Object.keys(output.inputs)) {
        const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
        if (name === 'pdf-lib' || name === '@pdf-lib/fontkit' || name === 'node-forge') libraries.add(name);
        if (name?.startsWith('@signpdf/')) libraries.add('@signpdf');
        if (name === 'ics' && !calendar.includes(basename(file, '.js'))) calendar.push(basename(file, '.js'));
      }
      if (libraries.size > 0) found[basename(file, '.js')] = [...libraries].sort();
    }
    const renders = ['@pdf-lib/fontkit', 'pdf-lib'];
    const seals = ['@pdf-lib/fontkit', '@signpdf', 'node-forge', 'pdf-lib'];
    expect(found).toEqual({
      'generate-agreement': renders,
      'edit-agreement-text': renders,
      'sign-agreement': seals,
      'confirm-signed-upload': seals,
      'record-paper-signatures': seals,
      'add-signed-upload': ['node-forge'],
    });
    // The calendar file (ics, with its yup) goes with a reminder sent, a test one included; not with the
    // panel's lists and preview.
    expect(calendar.sort()).toEqual(['send-reminders', 'send-test-reminder']);
  });
});
