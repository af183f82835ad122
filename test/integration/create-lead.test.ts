import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { signedInUser } from '../../functions/domain/access.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { KOOPERACJA_EFEKTYWNA } from '../../functions/local/demo-data.ts';
import { localDynamoClient } from '../../functions/local/emulators.ts';
import { main } from '../../functions/ops/create-lead.ts';
import { dbOf } from '../../functions/repositories/dynamo.ts';
import { getProgramme } from '../../functions/repositories/programmes.ts';
import { getAccount } from '../../functions/repositories/users.ts';
import { tableSnapshot } from '../support/db.ts';
import { sessionCookieFor } from '../support/review-cards.ts';

/**
 * `npm run create-lead` against DynamoDB Local (its --endpoint): the stage's table found by the data stack's
 * naming, the programme file checked by the shared schema, the lead account leading that programme.
 */
const endpoint = inject('dynamodbEndpoint');
const client = localDynamoClient(endpoint);
afterAll(() => client.destroy());
const dir = mkdtempSync(join(tmpdir(), 'create-lead-'));

async function stageWithTable(): Promise<{ stage: string; db: ReturnType<typeof dbOf> }> {
  const stage = `t${Math.random().toString(36).slice(2, 10)}`;
  const tableName = `Kooperacja-${stage}-Data-TableCD117FA1-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  await ensureTable(client, tableName);
  return { stage, db: dbOf(client, tableName) };
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('npm run create-lead', () => {
  it("finds the stage's table, loads the programme and creates its lead, who reaches the programme's voivodeships", async () => {
    const { stage, db } = await stageWithTable();
    const programme = file('programme.json', KOOPERACJA_EFEKTYWNA);

    const report = await main(
      [
        '--stage',
        stage,
        '--email',
        'Lider@ROPS.example.pl',
        '--programme',
        programme,
        '--endpoint',
        endpoint,
      ],
      {},
    );

    expect(report).toContain(`Table ${db.tableName}`);
    expect(report).toContain('created');
    expect(await getProgramme(db, KOOPERACJA_EFEKTYWNA.id)).toEqual(KOOPERACJA_EFEKTYWNA);
    expect(await getAccount(db, 'lider@rops.example.pl')).toMatchObject({
      role: 'lead',
      wojewodztwa: ['04'],
    });
    const cookie = await sessionCookieFor(db, {
      email: 'lider@rops.example.pl',
      name: 'x',
      role: 'lead',
      wojewodztwa: ['04'],
    });
    const user = await signedInUser({ db, now: () => new Date() }, cookie.split('=')[1]);
    expect(user.programmes).toEqual([KOOPERACJA_EFEKTYWNA.id]);
    expect(user.wojewodztwa.sort()).toEqual([...KOOPERACJA_EFEKTYWNA.wojewodztwa].sort());

    const again = await main(
      ['--stage', stage, '--email', 'lider@rops.example.pl', '--wojewodztwo', '04', '--endpoint', endpoint],
      {},
    );
    expect(again).toContain('already exists; nothing changed');
  });

  it.each([
    [
      'a milestone ending before it starts',
      {
        ...KOOPERACJA_EFEKTYWNA,
        milestones: [{ number: 1, name: 'KM I', startsOn: '2020-02-01', endsOn: '2020-01-31' }],
      },
      'milestones.0.endsOn: ends_before_start',
    ],
    [
      'an unknown voivodeship',
      { ...KOOPERACJA_EFEKTYWNA, wojewodztwa: ['04', '99'] },
      'wojewodztwa.1: unknown_wojewodztwo',
    ],
    ['not JSON', '{ "id": ', 'as JSON'],
  ])('refuses a programme file with %s, naming it, and writes nothing', async (_, content, message) => {
    const { stage, db } = await stageWithTable();
    const before = await tableSnapshot(db);

    await expect(
      main(
        [
          '--stage',
          stage,
          '--email',
          'lider@rops.example.pl',
          '--programme',
          file('bad.json', content),
          '--endpoint',
          endpoint,
        ],
        {},
      ),
    ).rejects.toThrow(message);
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('refuses an invalid e-mail, a missing voivodeship, and a stage with no table, writing nothing', async () => {
    const { stage, db } = await stageWithTable();
    const before = await tableSnapshot(db);
    await expect(
      main(['--stage', stage, '--email', 'nie-adres', '--wojewodztwo', '18', '--endpoint', endpoint], {}),
    ).rejects.toThrow('email');
    await expect(
      main(['--stage', stage, '--email', 'a@rops.example', '--endpoint', endpoint], {}),
    ).rejects.toThrow('--wojewodztwo');
    await expect(
      main(
        [
          '--stage',
          'nie-ma-takiego',
          '--email',
          'a@rops.example',
          '--wojewodztwo',
          '18',
          '--endpoint',
          endpoint,
        ],
        {},
      ),
    ).rejects.toThrow('No table Kooperacja-nie-ma-takiego-Data-Table');
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
