import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AlarmsStack } from './stacks/alarms-stack.ts';
import { ApiStack } from './stacks/api-stack.ts';
import { DataStack } from './stacks/data-stack.ts';
import { MailStack } from './stacks/mail-stack.ts';
import { SchedulingStack } from './stacks/scheduling-stack.ts';
import { WafStack } from './stacks/waf-stack.ts';
import { type CustomDomain, WebStack } from './stacks/web-stack.ts';

/** Everything that differs between deployments; infra/app.ts reads it from the CDK context. */
export interface Deployment {
  /** Prefix of stack names and the Project tag. */
  project: string;
  stage: string;
  region: string;
  /** Unset: the account of the credentials used to deploy. */
  account?: string;
  mailFrom: string;
  senderIdentity: 'domain' | 'address';
  /** The sender's identity was verified by another stage in this account: use it, do not create it. */
  senderIdentityExists?: boolean;
  /** The site's public address, used in e-mail links. */
  siteUrl: string;
  /** Directory of the built site. */
  siteDir: string;
  customDomain?: CustomDomain;
  alarmEmail?: string;
  /** Any new value after rotating the origin secret, so CloudFront's origin header takes the new one. */
  originSecretRotation?: string;
}

export interface Stacks {
  data: DataStack;
  api: ApiStack;
  web: WebStack;
  waf: WafStack;
  mail: MailStack;
  scheduling: SchedulingStack;
  alarms: AlarmsStack;
}

/** Adds one deployment's stacks to the app, checked by cdk-nag's AWS Solutions rules at synthesis. */
export function buildApp(app: App, deployment: Deployment): Stacks {
  const common = (concern: string) => ({
    stackName: `${deployment.project}-${deployment.stage}-${concern}`,
    env: { account: deployment.account, region: deployment.region },
    tags: { Project: deployment.project, Stage: deployment.stage },
  });
  const id = (concern: string) => common(concern).stackName;

  const data = new DataStack(app, id('Data'), common('Data'));
  const mail = new MailStack(app, id('Mail'), {
    ...common('Mail'),
    mailFrom: deployment.mailFrom,
    senderIdentity: deployment.senderIdentity,
    senderIdentityExists: deployment.senderIdentityExists ?? false,
  });
  const api = new ApiStack(app, id('Api'), {
    ...common('Api'),
    table: data.table,
    tableAccess: data.tableAccess,
    documents: { bucket: data.documents, access: data.documentsAccess, sealSecret: data.sealSecret },
    sessionTouch: data.sessionTouch,
    stage: deployment.stage,
    mailFrom: deployment.mailFrom,
    siteUrl: deployment.siteUrl,
    mail: { identity: mail.identity, configurationSet: mail.configurationSet },
  });
  // CloudFront's web ACL must be in us-east-1, whatever the deployment's region.
  const waf = new WafStack(app, id('Waf'), {
    ...common('Waf'),
    env: { account: deployment.account, region: 'us-east-1' },
    crossRegionReferences: true,
  });
  const web = new WebStack(app, id('Web'), {
    ...common('Web'),
    crossRegionReferences: true,
    webAclArn: waf.webAclArn,
    httpApi: api.httpApi,
    originSecret: api.originSecret,
    originSecretRotation: deployment.originSecretRotation,
    siteDir: deployment.siteDir,
    customDomain: deployment.customDomain,
  });
  const scheduling = new SchedulingStack(app, id('Scheduling'), {
    ...common('Scheduling'),
    table: data.table,
    tableAccess: data.tableAccess,
    stage: deployment.stage,
    mailFrom: deployment.mailFrom,
    siteUrl: deployment.siteUrl,
    documents: { bucket: data.documents, read: data.documentsAccess.read },
    mail: {
      identity: mail.identity,
      configurationSet: mail.configurationSet,
      sendingEvents: mail.sendingEvents.queue,
    },
  });
  const alarms = new AlarmsStack(app, id('Alarms'), {
    ...common('Alarms'),
    functions: new Map([...api.functions, ...scheduling.functions]),
    loggedErrors: new Map([...api.loggedErrors, ...scheduling.loggedErrors]),
    deadLetterQueues: new Map([
      ['SendingEvents', mail.sendingEvents.deadLetterQueue],
      ['Reminders', scheduling.reminders.deadLetterQueue],
    ]),
    httpApi: api.httpApi,
    scheduled: new Map([...api.scheduled, ...scheduling.scheduled]),
    alarmEmail: deployment.alarmEmail,
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { data, api, web, waf, mail, scheduling, alarms };
}
