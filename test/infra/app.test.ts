import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CDK_JSON_CONTEXT, fakeSiteDir, testApp } from './support.ts';

const run = promisify(execFile);

interface Manifest {
  artifacts: Record<string, { type: string; properties?: { templateFile?: string; file?: string } }>;
}

/** Runs infra/app.ts as the CDK CLI does: context and output directory come through the environment. */
async function synthesizeWithContext(context: Record<string, unknown>) {
  const outdir = testApp().outdir;
  await run(process.execPath, ['infra/app.ts'], {
    cwd: new URL('../../', import.meta.url).pathname,
    env: {
      ...process.env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({
        ...CDK_JSON_CONTEXT,
        siteDir: fakeSiteDir(),
        'aws:cdk:bundling-stacks': [],
        'aws:cdk:disable-asset-staging': true,
        ...context,
      }),
      // The nag test runs CloudFormation validation; here it would only take time.
      CDK_VALIDATION: 'false',
    },
  });
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  // A stack's artifact id is its name, as the stacks are named after their construct ids.
  const stacks = Object.entries(manifest.artifacts).filter(
    ([, artifact]) => artifact.type === 'aws:cloudformation:stack',
  );
  const template = (stackName: string) => {
    const [, stack] = stacks.find(([artifactId]) => artifactId === stackName) ?? [];
    return readFileSync(join(outdir, stack?.properties?.templateFile ?? `${stackName} is missing`), 'utf8');
  };
  /** A stack's nested stacks' templates, which its assets manifest lists beside its functions' code. */
  const nestedTemplates = (stackName: string) => {
    const assets =
      manifest.artifacts[`${stackName}.assets`]?.properties?.file ?? `${stackName} has no assets`;
    const { files } = JSON.parse(readFileSync(join(outdir, assets), 'utf8')) as {
      files: Record<string, { source: { path: string } }>;
    };
    return Object.values(files)
      .map(({ source }) => source.path)
      .filter((path) => path.endsWith('.nested.template.json'))
      .map((path) => readFileSync(join(outdir, path), 'utf8'));
  };
  return { stackNames: stacks.map(([artifactId]) => artifactId).sort(), template, nestedTemplates };
}

describe('infra/app.ts', () => {
  it('names the stacks after the stage from the context, one stack per concern', async () => {
    // Act
    const { stackNames } = await synthesizeWithContext({
      stage: 'qa',
      alarmEmail: 'dyzurny@rops.example.pl',
    });

    // Assess
    expect(stackNames).toEqual(
      ['Alarms', 'Api', 'Data', 'Mail', 'Scheduling', 'Waf', 'Web'].map(
        (concern) => `Kooperacja-qa-${concern}`,
      ),
    );
  });

  it('takes the site address and the sender domain from the custom domain', async () => {
    // Act
    const { template, nestedTemplates } = await synthesizeWithContext({
      domain: 'kooperacja.example.com',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      mailFrom: 'powiadomienia@kooperacja.example.com',
    });

    // Assess
    // The api stack's functions are in its nested stacks (infra/api-groups.ts), every one of them told so.
    const nested = nestedTemplates('Kooperacja-dev-Api');
    expect(nested.length).toBeGreaterThan(1);
    for (const functions of nested) {
      const count = (text: string) => functions.split(text).length - 1;
      expect(count('"Type": "AWS::Lambda::Function"')).toBeGreaterThan(0);
      expect(count('"SITE_URL": "https://kooperacja.example.com"')).toBe(
        count('"Type": "AWS::Lambda::Function"'),
      );
    }
    expect(template('Kooperacja-dev-Api')).not.toContain('AWS::Lambda::Function');
    expect(template('Kooperacja-dev-Mail')).toContain('"EmailIdentity": "kooperacja.example.com"');
  });

  it('refuses a stage name the functions would refuse, and a shared stage whose alarms reach nobody', async () => {
    // Act + Assess
    await expect(synthesizeWithContext({ stage: 'Prod', alarmEmail: 'a@rops.example.pl' })).rejects.toThrow(
      'Context "stage" must be 1–20 lower-case letters, digits or hyphens, not "Prod"',
    );
    await expect(synthesizeWithContext({ stage: 'prod' })).rejects.toThrow(
      'Stage "prod" needs context "alarmEmail"',
    );
  });

  it('subscribes the alarm address to the alarm topic', async () => {
    // Act
    const { template } = await synthesizeWithContext({
      stage: 'prod',
      alarmEmail: 'dyzurny@rops.example.pl',
    });

    // Assess
    const { Resources } = JSON.parse(template('Kooperacja-prod-Alarms')) as {
      Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
    };
    const subscriptions = Object.values(Resources).filter(
      (resource) => resource.Type === 'AWS::SNS::Subscription',
    );
    expect(subscriptions.map((subscription) => subscription.Properties)).toEqual([
      expect.objectContaining({ Protocol: 'email', Endpoint: 'dyzurny@rops.example.pl' }),
    ]);
  });
});
