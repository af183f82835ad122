// `npm run create-lead -- --stage prod --email lider@rops.example.pl [--name …] [--wojewodztwo 18]
//   [--programme programme.json] [--region eu-central-1] [--table <name>] [--endpoint http://127.0.0.1:8000]`
// The first lead account of a deployed stage, written with the deployer's AWS credentials (the default
// chain: AWS_PROFILE, environment, SSO…). See README, "The first lead account".
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type * as z from 'zod/mini';
import { ZNewAccountRequest } from '../../shared/schemas/administration.ts';
import { WOJEWODZTWO_CODES, ZProgramme } from '../../shared/schemas/programme.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';
import { createFirstLead } from '../domain/first-lead.ts';
import { STAGE_PATTERN } from '../lib/config.ts';
import { dbOf } from '../repositories/dynamo.ts';

class UsageError extends Error {}

/**
 * The stage's table: infra/build-app.ts names the data stack `Kooperacja-<stage>-Data` and CloudFormation
 * names the table it holds `<stack>-Table<hash>-<suffix>`, so exactly one table of the account and region
 * starts with `Kooperacja-<stage>-Data-Table`.
 */
export async function stageTable(client: DynamoDBClient, stage: string): Promise<string> {
  const prefix = `Kooperacja-${stage}-Data-Table`;
  const names: string[] = [];
  let ExclusiveStartTableName: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName }));
    names.push(...(page.TableNames ?? []).filter((name) => name.startsWith(prefix)));
    ExclusiveStartTableName = page.LastEvaluatedTableName;
  } while (ExclusiveStartTableName);
  if (names.length !== 1)
    throw new UsageError(
      names.length === 0
        ? `No table ${prefix}… in this account and region: is stage "${stage}" deployed here (--region)?`
        : `More than one table starts with ${prefix}: name one with --table (${names.join(', ')}).`,
    );
  return names[0] as string;
}

function fieldErrors(error: z.core.$ZodError): string {
  return Object.entries(issuesToFieldErrors(error.issues))
    .map(([field, message]) => `  ${field}: ${message}`)
    .join('\n');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    options: {
      stage: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string', default: 'Lider projektu' },
      wojewodztwo: { type: 'string' },
      programme: { type: 'string' },
      region: { type: 'string' },
      table: { type: 'string' },
      endpoint: { type: 'string' },
    },
  });
  if (!values.stage || !STAGE_PATTERN.test(values.stage))
    throw new UsageError('--stage is required: the stage deployed, e.g. --stage prod');
  const account = ZNewAccountRequest.safeParse({
    email: values.email,
    name: values.name,
    wojewodztwa: values.wojewodztwo ? [values.wojewodztwo] : ['14'],
  });
  if (!account.success) throw new UsageError(`Invalid --email or --name:\n${fieldErrors(account.error)}`);
  let programme: z.infer<typeof ZProgramme> | undefined;
  if (values.programme) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(values.programme, 'utf8'));
    } catch (error) {
      throw new UsageError(`Cannot read ${values.programme} as JSON: ${(error as Error).message}`);
    }
    const parsed = ZProgramme.safeParse(json);
    if (!parsed.success)
      throw new UsageError(`${values.programme} is not a programme:\n${fieldErrors(parsed.error)}`);
    programme = parsed.data;
  }
  const wojewodztwo = values.wojewodztwo ?? programme?.leadWojewodztwo;
  if (!wojewodztwo || !(WOJEWODZTWO_CODES as readonly string[]).includes(wojewodztwo))
    throw new UsageError(
      "--wojewodztwo is required without --programme: the lead ROPS's voivodeship, e.g. 18",
    );
  if (programme && programme.leadWojewodztwo !== wojewodztwo)
    throw new UsageError(
      `--wojewodztwo ${wojewodztwo} is not the programme's lead voivodeship (${programme.leadWojewodztwo})`,
    );

  const endpoint = values.endpoint ?? env.DYNAMODB_ENDPOINT;
  const client = new DynamoDBClient({
    region: values.region ?? env.AWS_REGION ?? 'eu-central-1',
    ...(endpoint ? { endpoint } : {}),
  });
  try {
    const tableName = values.table ?? (await stageTable(client, values.stage));
    const result = await createFirstLead(
      { db: dbOf(client, tableName), now: () => new Date() },
      { email: account.data.email, name: account.data.name, wojewodztwo, programme },
    );
    return [
      `Table ${tableName}`,
      programme
        ? `Programme ${programme.id}: ${result.programme === 'created' ? 'created' : 'already there, left as it is'}`
        : undefined,
      result.account === 'created'
        ? `Lead account ${account.data.email} (voivodeship ${wojewodztwo}) created: sign in at <site>/admin.`
        : `An account ${account.data.email} already exists; nothing changed.`,
    ]
      .filter(Boolean)
      .join('\n');
  } finally {
    client.destroy();
  }
}

if (import.meta.main) {
  main(process.argv.slice(2)).then(
    (report) => console.log(report),
    (error: Error) => {
      console.error(error instanceof UsageError ? error.message : error);
      process.exitCode = 1;
    },
  );
}
