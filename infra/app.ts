import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotations, App } from 'aws-cdk-lib';
import { STAGE_PATTERN } from '../functions/lib/config.ts';
import { buildApp } from './build-app.ts';

// The only place that knows names, account and region. Context comes from cdk.json and `-c key=value`:
// stage, region, account, mailFrom, domain + certificateArn, siteUrl, siteDir, alarmEmail,
// originSecretRotation.

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const required = (key: string): string => {
  const value = context(key);
  if (!value) throw new Error(`Missing context "${key}" (cdk.json or -c ${key}=…)`);
  return value;
};

const stage = context('stage') ?? 'dev';
// Checked here as the functions check it at cold start: a stage they refuse would deploy and then fail
// every request.
if (!STAGE_PATTERN.test(stage))
  throw new Error(`Context "stage" must be 1–20 lower-case letters, digits or hyphens, not "${stage}"`);
const domain = context('domain');
const certificateArn = context('certificateArn');
if (domain && !certificateArn)
  throw new Error('Context "domain" needs "certificateArn" (an ACM certificate in us-east-1)');
const alarmEmail = context('alarmEmail');
// Any stage but a developer's own is relied on: its alarms (mail given up after two days, a function
// failing) must reach someone, not a topic nobody reads.
if (stage !== 'dev' && !alarmEmail)
  throw new Error(
    `Stage "${stage}" needs context "alarmEmail" (-c alarmEmail=…): its alarms must reach someone`,
  );
const siteUrl = domain ? `https://${domain}` : context('siteUrl');
if (!siteUrl && stage !== 'dev')
  Annotations.of(app).addWarningV2(
    'kooperacja:siteUrl',
    `Links in e-mails will point to https://${stage}.kooperacja.invalid: deploy again with -c siteUrl=<the web stack's SiteUrl output>, or use -c domain=…`,
  );

buildApp(app, {
  project: 'Kooperacja',
  stage,
  region: context('region') ?? 'eu-central-1',
  account: context('account') ?? process.env.CDK_DEFAULT_ACCOUNT,
  mailFrom: required('mailFrom'),
  // A stage with its own domain controls its DNS and can verify the sender's whole domain with DKIM.
  senderIdentity: domain ? 'domain' : 'address',
  senderIdentityExists: context('senderIdentityExists') === 'true',
  // The functions need the site's address, but CloudFront's is only known once the web stack (which
  // needs the API) exists. So it is configured: the domain, or `siteUrl` set to the web stack's SiteUrl
  // output after the first deployment. Until then links point to a reserved, never-resolving name.
  siteUrl: siteUrl ?? `https://${stage}.kooperacja.invalid`,
  siteDir: resolve(REPO_ROOT, context('siteDir') ?? 'web/dist'),
  customDomain: domain && certificateArn ? { name: domain, certificateArn } : undefined,
  alarmEmail,
  originSecretRotation: context('originSecretRotation'),
});
