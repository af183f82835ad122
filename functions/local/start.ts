// `npm start`: the whole system on this machine. Flags: --persist keeps DynamoDB data and documents in .local/.
import { parseArgs } from 'node:util';
import { DEMO_USERS } from './demo-data.ts';
import { LocalStackError, prefixed } from './processes.ts';
import { type LocalStack, PORT_VARIABLES, startLocalStack } from './stack.ts';

function port(variable: string, fallback: number): number {
  const value = process.env[variable];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535) {
    throw new LocalStackError(`${variable}=${value} is not a port number (1–65535).`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { values } = parseArgs({ options: { persist: { type: 'boolean', default: false } } });
  const stack: LocalStack = await startLocalStack({
    ports: {
      web: port(PORT_VARIABLES.web, 5173),
      api: port(PORT_VARIABLES.api, 3000),
      dynamodb: port(PORT_VARIABLES.dynamodb, 8000),
      ses: port(PORT_VARIABLES.ses, 8005),
      s3: port(PORT_VARIABLES.s3, 4569),
    },
    persist: values.persist,
    echo: true,
    web: true,
    reminders: true,
  });
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log(prefixed('stack', 'stopping…'));
    stack.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `Kooperacja is running (ready in ${seconds} s${values.persist ? ', data kept in .local/dynamodb-data and .local/s3-data' : ''}):`,
      `  site          ${stack.urls.site}/`,
      `  API           ${stack.urls.site}/api/health  (through the local edge, as CloudFront: ${stack.urls.api};`,
      `                the API itself, ${stack.urls.apiDirect}, refuses requests without the edge's secret)`,
      `  admin         ${stack.urls.site}/admin  (coordinators: sign in with an address below, open the link`,
      '                from the e-mail inbox)',
      `  e-mail inbox  ${stack.urls.inbox}/`,
      `  DynamoDB      ${stack.urls.dynamodb}  (table kooperacja-local)`,
      `  documents     ${stack.urls.s3}  (S3-compatible, bucket kooperacja-documents-local)`,
      'Demo accounts:',
      ...DEMO_USERS.map((user) => `  ${user.email.padEnd(36)}${user.name}`),
      'Press Ctrl-C to stop everything.',
      '',
    ].join('\n'),
  );
  // The line tests and benchmarks wait for.
  console.log(prefixed('stack', `ready in ${seconds} s`));
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalStackError ? `npm start: ${error.message}` : error);
  process.exit(1);
});
