import { spawn } from 'node:child_process';
import { expect, inject } from 'vitest';
import { PORT_VARIABLES } from '../../functions/local/stack.ts';

/**
 * `npm run reminders -- --now <instant> --since <instant>` against the e2e stack (its DynamoDB Local, SES
 * emulator and site), as a person runs it: planning and sending as of an instant. Fails the test on a
 * non-zero exit, with the command's output; returns that output.
 */
export async function runReminders(now: string, since: string): Promise<string> {
  const port = (url: string) => new URL(url).port;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [PORT_VARIABLES.dynamodb]: port(inject('dynamodbUrl')),
    [PORT_VARIABLES.ses]: port(inject('inboxUrl')),
    [PORT_VARIABLES.web]: port(inject('siteUrl')),
  };
  delete env.TABLE_NAME;
  const child = spawn(process.execPath, ['functions/local/reminders.ts', '--now', now, '--since', since], {
    cwd: new URL('../..', import.meta.url).pathname,
    env,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    output += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code, output).toBe(0);
  return output;
}
