import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import type { ApiGroup } from '../../infra/api-groups.ts';
import { buildApp, type Deployment, type Stacks } from '../../infra/build-app.ts';
import type { ApiStack } from '../../infra/stacks/api-stack.ts';

const REPO_ROOT = new URL('../../', import.meta.url);

/** The context the CDK CLI passes from cdk.json: the same feature flags as a real synthesis. */
export const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('cdk.json', REPO_ROOT), 'utf8'),
).context;

export const TEST_DEPLOYMENT: Omit<Deployment, 'siteDir'> = {
  project: 'Kooperacja',
  stage: 'test',
  region: 'eu-central-1',
  account: '123456789012',
  mailFrom: 'powiadomienia@example.com',
  senderIdentity: 'address',
  siteUrl: 'https://kooperacja.example.com',
};

/** Every directory a test file writes: fake sites and cloud assemblies, removed when the file is done. */
const SCRATCH = mkdtempSync(join(tmpdir(), 'kooperacja-infra-test-'));
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

function scratchDir(prefix: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  return mkdtempSync(join(SCRATCH, prefix));
}

/** A built site as Vite would leave it, without building one. */
export function fakeSiteDir(): string {
  const dir = scratchDir('site-');
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Kooperacja</title>');
  return dir;
}

export interface TestAppOptions {
  /** Bundle the functions with esbuild and copy assets into the cloud assembly (the AWS CLI layer is 21 MB). */
  assets?: boolean;
  /** Run CDK's built-in CloudFormation validation, as `cdk synth` does; it takes seconds on first use. */
  cloudFormationValidation?: boolean;
}

/** An app with cdk.json's context, for the caller to add stacks to. */
export function testApp(options: TestAppOptions = {}): App {
  const skipAssets = { 'aws:cdk:bundling-stacks': [], 'aws:cdk:disable-asset-staging': true };
  return new App({
    outdir: scratchDir('cdk-out-'),
    context: { ...CDK_JSON_CONTEXT, ...(options.assets ? {} : skipAssets) },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  });
}

export interface Synthesized {
  app: App;
  stacks: Stacks;
}

/** The whole deployment, synthesized (cdk-nag included, as in `cdk synth`). */
export function synthesize(overrides: Partial<Deployment> = {}, options: TestAppOptions = {}): Synthesized {
  const app = testApp(options);
  const stacks = buildApp(app, { ...TEST_DEPLOYMENT, siteDir: fakeSiteDir(), ...overrides });
  app.synth();
  return { app, stacks };
}

/** Resources of one type in a template, by logical id. */
export function resourcesOf(
  template: Template,
  type: string,
): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** One nested stack of the api stack: its group, its template, and how the api stack deploys it. */
export interface NestedTemplate {
  group: ApiGroup;
  stack: NestedStack;
  template: Template;
  /** The logical id of its AWS::CloudFormation::Stack resource in the api stack. */
  logicalId: string;
  /** The values the api stack gives its parameters. */
  parameters: Record<string, unknown>;
}

/** The api stack's nested stacks, in the order of its groups. */
export function nestedTemplatesOf(api: ApiStack): NestedTemplate[] {
  const parent = Template.fromStack(api).toJSON() as {
    Resources: Record<string, { Properties?: { Parameters?: Record<string, unknown> } }>;
  };
  return [...api.groups].map(([group, stack]) => {
    const resource = stack.nestedStackResource;
    if (!resource) throw new Error(`${group} is no nested stack`);
    const logicalId = api.resolve(api.getLogicalId(resource)) as string;
    return {
      group,
      stack,
      template: Template.fromStack(stack),
      logicalId,
      parameters: parent.Resources[logicalId]?.Properties?.Parameters ?? {},
    };
  });
}

/**
 * What a value in a nested template means in the api stack: a reference to one of the nested stack's
 * parameters is the value the api stack gives it.
 */
export function inApiStack(nested: NestedTemplate, value: unknown): unknown {
  const ref = (value as { Ref?: unknown } | null)?.Ref;
  return typeof ref === 'string' && ref in nested.parameters ? nested.parameters[ref] : value;
}

/**
 * Every resource of the api stack's nested stacks in one template (logical ids are unique across them: each
 * starts with its handler's name), for assertions about every function, role or route the api stack builds.
 */
export function handlersTemplate(api: ApiStack): Template {
  const resources: Record<string, unknown> = {};
  for (const { template } of nestedTemplatesOf(api))
    for (const [logicalId, resource] of Object.entries(template.toJSON().Resources ?? {})) {
      if (logicalId in resources) throw new Error(`${logicalId} is in two nested stacks`);
      resources[logicalId] = resource;
    }
  return Template.fromJSON({ Resources: resources });
}

/**
 * Every inline policy in a template, by the logical id of the resource that holds it: an AWS::IAM::Policy, or a
 * role with the policy in its own Policies (as each function's role has its grants: see ApiFunction).
 */
export function inlinePoliciesOf(template: Template): [string, { PolicyDocument: unknown }][] {
  const policies = Object.entries(resourcesOf(template, 'AWS::IAM::Policy')).map(
    ([id, policy]): [string, { PolicyDocument: unknown }] => [
      id,
      { PolicyDocument: policy.Properties.PolicyDocument },
    ],
  );
  const inRoles = Object.entries(resourcesOf(template, 'AWS::IAM::Role')).flatMap(([id, role]) =>
    ((role.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map(
      ({ PolicyDocument }): [string, { PolicyDocument: unknown }] => [id, { PolicyDocument }],
    ),
  );
  return [...policies, ...inRoles];
}
