import type { Server } from 'node:http';
import { join } from 'node:path';
import { dbOf } from '../repositories/dynamo.ts';
import { ensureTable } from './create-table.ts';
import { loadDemoData, loadDemoOffices } from './demo-data.ts';
import { createEdgeServer, newOriginSecret } from './edge.ts';
import {
  LOCAL_CREDENTIALS,
  LOCAL_DOCUMENTS_BUCKET,
  LOCAL_REGION,
  localDynamoClient,
  startDynamoDbLocal,
  startS3Emulator,
  startSesEmulator,
} from './emulators.ts';
import { REPO_DIR, SEAL_P12_PATH } from './paths.ts';
import {
  assertPortFree,
  freePort,
  freeStackPorts,
  httpAnswers,
  type ManagedProcess,
  prefixed,
  startProcess,
  waitUntilReady,
} from './processes.ts';

export interface LocalStackOptions {
  ports: { web: number; api: number; dynamodb: number; ses: number; s3: number };
  persist: boolean;
  /** Print every process's output with its prefix (npm start) or keep it for failures only (tests). */
  echo: boolean;
  /** Start the Vite dev server; tests of the API alone leave it out. */
  web: boolean;
  /** Run the reminders planner and sender every minute (npm start); tests leave it out. */
  reminders?: boolean;
  /** Benchmarks only: a request header the local edge takes as the viewer's address (many clients). */
  testViewerHeader?: string;
  now?: () => Date;
}

export interface LocalStack {
  /**
   * `api` is the API as the site reaches it, through the local edge (CloudFront's part: the origin secret
   * and the viewer's address added); `apiDirect` is the API itself, which refuses requests without the
   * secret as the execute-api address does.
   */
  urls: { site: string; api: string; apiDirect: string; inbox: string; dynamodb: string; s3: string };
  /** The environment the handlers run with: what a Lambda gets from the CDK app, pointed at emulators. */
  handlerEnv: Record<string, string>;
  stop(): Promise<void>;
}

export const TABLE_NAME = 'kooperacja-local';

export const PORT_VARIABLES = {
  web: 'KOOPERACJA_WEB_PORT',
  api: 'KOOPERACJA_API_PORT',
  dynamodb: 'KOOPERACJA_DYNAMODB_PORT',
  ses: 'KOOPERACJA_SES_PORT',
  s3: 'KOOPERACJA_S3_PORT',
} as const;

/** Free ports as the environment `npm start` reads them, to run it beside another stack. */
export async function freePortEnvironment(): Promise<
  Record<(typeof PORT_VARIABLES)[keyof typeof PORT_VARIABLES], string>
> {
  const ports = await freeStackPorts();
  return {
    KOOPERACJA_WEB_PORT: String(ports.web),
    KOOPERACJA_API_PORT: String(ports.api),
    KOOPERACJA_DYNAMODB_PORT: String(ports.dynamodb),
    KOOPERACJA_SES_PORT: String(ports.ses),
    KOOPERACJA_S3_PORT: String(ports.s3),
  };
}

const PORT_USES = {
  web: 'the site',
  api: 'the local API',
  dynamodb: 'DynamoDB Local',
  ses: 'the SES emulator',
  s3: 'the S3-compatible documents server',
};

export function handlerEnvironment(endpoints: {
  dynamodb: string;
  ses: string;
  s3: string;
  site: string;
  /** The value the local edge adds as the origin header; a fresh one by default. */
  originSecret?: string;
}): Record<string, string> {
  return {
    STAGE: 'local',
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    TABLE_NAME,
    MAIL_FROM: 'kooperacja@rops.example',
    SITE_URL: endpoints.site,
    DYNAMODB_ENDPOINT: endpoints.dynamodb,
    SES_ENDPOINT: endpoints.ses,
    DOCUMENTS_BUCKET: LOCAL_DOCUMENTS_BUCKET,
    S3_ENDPOINT: endpoints.s3,
    ORIGIN_SECRET: endpoints.originSecret ?? newOriginSecret(),
    SEAL_P12_PATH,
  };
}

/** Starts emulators, table and demo data, the API and (optionally) the site; stops all on failure. */
/**
 * A stack for tests and benchmarks: free ports (so it runs beside `npm start`), in memory, quiet unless
 * something fails.
 */
export async function startQuietStack(
  web: boolean,
  options: Pick<LocalStackOptions, 'testViewerHeader'> = {},
): Promise<LocalStack> {
  return startLocalStack({ ports: await freeStackPorts(), persist: false, echo: false, web, ...options });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const services = options.web
    ? (['web', 'api', 'dynamodb', 'ses', 's3'] as const)
    : (['api', 'dynamodb', 'ses', 's3'] as const);
  for (const service of services) {
    await assertPortFree(options.ports[service], PORT_USES[service], PORT_VARIABLES[service]);
  }
  const running: ManagedProcess[] = [];
  let edge: Server | undefined;
  const stop = async () => {
    const closed = edge && new Promise((resolve) => edge?.close(resolve));
    edge?.closeAllConnections();
    edge = undefined;
    await Promise.all([closed, ...running.splice(0).map((proc) => proc.stop())]);
  };
  const site = `http://localhost:${options.ports.web}`;
  // The port given for the API is the edge's (CloudFront's part), which the site and tests reach it by.
  const apiUrl = `http://127.0.0.1:${options.ports.api}`;
  try {
    // Vite needs only the API's address, so it warms up while the emulators start.
    const web = options.web ? startVite(options, apiUrl) : undefined;
    if (web) running.push(web);
    const emulators = await Promise.allSettled([
      startDynamoDbLocal({ port: options.ports.dynamodb, persist: options.persist, echo: options.echo }),
      startSesEmulator({ port: options.ports.ses, echo: options.echo }),
      startS3Emulator({ port: options.ports.s3, persist: options.persist, echo: options.echo }),
    ]);
    for (const started of emulators) if (started.status === 'fulfilled') running.push(started.value.process);
    const [dynamodb, ses, s3] = emulators.map((started) => {
      if (started.status === 'rejected') throw started.reason;
      return started.value;
    }) as Awaited<ReturnType<typeof startDynamoDbLocal>>[];
    if (!dynamodb || !ses || !s3) throw new Error('an emulator did not start');

    const handlerEnv = handlerEnvironment({
      dynamodb: dynamodb.endpoint,
      ses: ses.endpoint,
      s3: s3.endpoint,
      site,
    });
    const client = localDynamoClient(dynamodb.endpoint);
    const table = await ensureTable(client, TABLE_NAME);
    const demo = await loadDemoData(dbOf(client, TABLE_NAME), options.now?.() ?? new Date());
    // Issue 13: every demo gmina's office has an address, so each card's office notice reaches the inbox.
    if (demo === 'loaded') await loadDemoOffices(dbOf(client, TABLE_NAME), options.now?.() ?? new Date());
    client.destroy();
    if (options.echo) console.log(prefixed('stack', `table ${TABLE_NAME} ${table}; demo data ${demo}`));

    const directPort = await freePort();
    const apiDirect = `http://127.0.0.1:${directPort}`;
    const api = startProcess('api', process.execPath, ['functions/local/api-server.ts'], {
      cwd: REPO_DIR,
      env: {
        ...handlerEnv,
        KOOPERACJA_API_PORT: String(directPort),
      },
      echo: options.echo,
    });
    running.push(api);
    // The mail pipeline (ARCHITECTURE.md, "One mail pipeline"): the table's stream → queue → sender.
    const mail = startProcess('mail', process.execPath, ['functions/local/mail-pipeline.ts'], {
      cwd: REPO_DIR,
      env: handlerEnv,
      echo: options.echo,
    });
    running.push(mail);
    const edgeServer = createEdgeServer(
      apiDirect,
      handlerEnv.ORIGIN_SECRET as string,
      options.testViewerHeader ? { testViewerHeader: options.testViewerHeader } : undefined,
    );
    edge = edgeServer;
    await new Promise<void>((resolve, reject) => {
      edgeServer.once('error', reject);
      edgeServer.listen(options.ports.api, '127.0.0.1', resolve);
    });
    if (options.reminders) {
      // Every minute, the planner and then the sender, through an in-process queue (functions/local/reminders.ts).
      running.push(
        startProcess('reminders', process.execPath, ['functions/local/reminders.ts', '--every', '60'], {
          cwd: REPO_DIR,
          env: handlerEnv,
          echo: options.echo,
        }),
      );
    }

    await Promise.all([
      waitUntilReady(api, () => httpAnswers(`${apiUrl}/api/health`)),
      waitUntilReady(mail, async () =>
        mail.recentOutput().some((line) => line.includes('sending the outbox')),
      ),
      web ? waitUntilReady(web, () => httpAnswers(site)) : undefined,
    ]);

    return {
      urls: {
        site,
        api: apiUrl,
        apiDirect,
        inbox: ses.endpoint,
        dynamodb: dynamodb.endpoint,
        s3: s3.endpoint,
      },
      handlerEnv,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function startVite(options: LocalStackOptions, apiUrl: string): ManagedProcess {
  // vite's package exports hide its bin script from resolve(); it sits at a stable path.
  const vite = join(REPO_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  return startProcess(
    'web',
    process.execPath,
    [vite, '--config', 'web/vite.config.ts', '--port', String(options.ports.web), '--strictPort'],
    {
      cwd: REPO_DIR,
      env: { KOOPERACJA_API_URL: apiUrl, KOOPERACJA_WEB_PORT: String(options.ports.web) },
      echo: options.echo,
    },
  );
}
