import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retentionExpiresAt } from '../../functions/domain/links.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { config } from '../../functions/lib/config.ts';
import {
  createCall,
  getStoredCall,
  saveCallChange,
  setCallRetention,
  warmCalls,
} from '../../functions/repositories/calls.ts';
import { getCardWithVersions } from '../../functions/repositories/cards.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';

/**
 * The call kept by a warm submit-card function (calls.ts warmCalls): a card's one DynamoDB call is then its
 * transaction, which checks the call's revision. Whatever changed the call since it was kept — a closing
 * extended or a call cancelled by a coordinator, a programme's retention — the card is judged by the call as
 * stored, never by the kept copy. Every change here goes through the repository the panel uses.
 */
const db = testDb();
const settings = config();
const hour = 3_600_000;
/** Rural gminas of podkarpackie (18), two per test. */
const GMINAS = [
  '1801032',
  '1801052',
  '1802022',
  '1802032',
  '1802042',
  '1802052',
  '1802062',
  '1803032',
  '1803042',
  '1803052',
];
let nextGmina = 0;

/** A DynamoDB client that names each command sent, to count a card's calls. */
function counted(): { db: Db; commands: string[] } {
  const commands: string[] = [];
  return {
    commands,
    db: {
      ...db,
      client: {
        send: (command: object) => {
          commands.push(command.constructor.name);
          return db.client.send(command as never);
        },
      },
    } as Db,
  };
}

async function newCall(closesAt: number): Promise<TCall> {
  const call: TCall = {
    id: `cieply-${randomUUID().slice(0, 8)}`,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór z pamięci funkcji',
    wojewodztwa: ['18'],
    gminaKinds: ['wiejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - 24 * hour).toISOString(),
    closesAt: new Date(closesAt).toISOString(),
  };
  expect(await createCall(db, call)).toBe('created');
  return call;
}

function answers() {
  const teryt = GMINAS[nextGmina++] as string;
  return ZCardAnswers.parse({
    ...validAnswers(teryt, teryt.slice(0, 4)),
    contacts: {
      ...validAnswers().contacts,
      contact: { ...validAnswers().contacts.contact, email: `cieply.${randomUUID()}@gmina.example` },
    },
  });
}

const send = (
  deps: { db: Db; calls: ReturnType<typeof warmCalls> },
  callId: string,
  card: ReturnType<typeof answers>,
  now = new Date(),
) =>
  submitCard(
    { ...deps, now: () => now, siteUrl: settings.SITE_URL },
    { callId, idempotencyKey: randomUUID(), answers: card },
  );

/** A change the way the panel saves one: the head as read, rewritten with its revision raised. */
async function change(callId: string, edit: (call: TCall) => TCall) {
  const before = await getStoredCall(db, callId);
  if (!before) throw new Error(`no call ${callId}`);
  expect(await saveCallChange(db, before, { ...before, call: edit(before.call) })).toBe('saved');
}

describe('a call kept by the warm function', () => {
  it('makes the second card to it one transaction, and the first one read and one transaction', async () => {
    const call = await newCall(Date.now() + 24 * hour);
    const client = counted();
    const calls = warmCalls(client.db, 60_000);

    await send({ db: client.db, calls }, call.id, answers());
    const first = client.commands.splice(0);
    await send({ db: client.db, calls }, call.id, answers());

    expect(first).toEqual(['GetCommand', 'TransactWriteCommand']);
    expect(client.commands).toEqual(['TransactWriteCommand']);
  });

  it('takes a card after the closing it kept, when a coordinator has extended the call since', async () => {
    const closesAt = Date.now() + hour;
    const call = await newCall(closesAt);
    const calls = warmCalls(db, 24 * hour);
    await send({ db, calls }, call.id, answers());
    await change(call.id, (stored) => ({ ...stored, closesAt: new Date(closesAt + 2 * hour).toISOString() }));
    const late = answers();

    const { receipt } = await send({ db, calls }, call.id, late, new Date(closesAt + hour));

    expect(receipt.receivedAt).toBe(new Date(closesAt + hour).toISOString());
    expect((await getCardWithVersions(db, call.id, late.office.teryt))?.card.status).toBe('submitted');
  });

  it('refuses a card to a call cancelled since it was kept (CALL_CANCELLED), storing nothing', async () => {
    const call = await newCall(Date.now() + 24 * hour);
    const calls = warmCalls(db, 24 * hour);
    await send({ db, calls }, call.id, answers());
    await change(call.id, (stored) => ({
      ...stored,
      cancelled: { at: new Date().toISOString(), reason: 'Zmiana zasad programu.' },
    }));
    const before = await tableSnapshot(db);

    await expect(send({ db, calls }, call.id, answers())).rejects.toMatchObject({ code: 'CALL_CANCELLED' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it("keeps a card's records as long as the programme's retention set since the call was kept", async () => {
    const call = await newCall(Date.now() + 24 * hour);
    const calls = warmCalls(db, 24 * hour);
    await send({ db, calls }, call.id, answers());
    const kept = await getStoredCall(db, call.id);
    if (!kept) throw new Error('no call');
    const retainUntil = '2035-12-31';
    await setCallRetention(db, kept.call, { retainUntil });
    const card = answers();

    await send({ db, calls }, call.id, card);

    const stored = await getCardWithVersions(db, call.id, card.office.teryt);
    expect(stored?.card.expiresAt).toBe(retentionExpiresAt({ ...kept.call, retainUntil }));
    expect(stored?.card.expiresAt).not.toBe(retentionExpiresAt(kept.call));
  });

  it('reads the call again once it has been kept for the time given', async () => {
    const call = await newCall(Date.now() + 24 * hour);
    const client = counted();
    let now = Date.now();
    const calls = warmCalls(client.db, 60_000, () => now);
    await calls.read(call.id);

    now += 59_999;
    expect(calls.kept(call.id)?.id).toBe(call.id);
    now += 1;
    expect(calls.kept(call.id)).toBeUndefined();
    expect(client.commands).toEqual(['GetCommand']);
  });
});
