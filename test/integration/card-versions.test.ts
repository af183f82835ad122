import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { changeCard } from '../../functions/domain/change-card.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { config } from '../../functions/lib/config.ts';
import { canonicalJson, sha256Hex } from '../../functions/lib/crypto.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { getCardWithVersions } from '../../functions/repositories/cards.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import { linkToken, OTHER_NIP, validAnswers } from '../support/cards.ts';
import { testDb } from '../support/db.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * Two different changes saved against the version both read: the second is refused, not written over the
 * first. Played in order, not raced: the second change reads the card, then the first is read and saved in
 * full, then the second saves.
 */
const db = testDb();
const settings = config();
const CALL = 'nabor-wersje';
const day = 86_400_000;

// The confirmation carrying the card's link goes out through the mail pipeline, to the SES emulator.
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const deps = { db, siteUrl: settings.SITE_URL, now: () => new Date() };

beforeAll(async () => {
  await createCall(db, {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór z wersjami kart',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
  });
});

/**
 * The table as seen by a request that has read what it needs: its first write waits until `meanwhile` has
 * run in full against the table itself.
 */
function writingAfter(meanwhile: () => Promise<unknown>): Db {
  let ran = false;
  const send = async (command: { input: object }) => {
    if (!ran && 'TransactItems' in command.input) {
      ran = true;
      await meanwhile();
    }
    return db.client.send(command as never);
  };
  return { tableName: db.tableName, client: { send } as unknown as Db['client'] };
}

describe('two changes against the same version', () => {
  it('keeps the first and refuses the second with a conflict, instead of losing the first', async () => {
    const teryt = '2602052';
    const answers = ZCardAnswers.parse({
      ...validAnswers(teryt, undefined, OTHER_NIP),
      contacts: {
        ...validAnswers().contacts,
        contact: { ...validAnswers().contacts.contact, email: `wersje.${randomUUID()}@gmina.example` },
      },
    });
    await submitCard(deps, { callId: CALL, idempotencyKey: randomUUID(), answers });
    const [mail] = await settledMailTo(db, inboxUrl, answers.contacts.contact.email);
    if (!mail) throw new Error('no confirmation e-mail');
    const token = linkToken(mail, '#t=');
    const first = { ...answers, motivation: { motivation: 'Pierwsza zmiana.', expectations: 'Szkolenia.' } };
    const second = { ...answers, motivation: { motivation: 'Druga zmiana.', expectations: 'Doradztwo.' } };

    const late = changeCard(
      { ...deps, db: writingAfter(() => changeCard(deps, { token, answers: first })) },
      { token, answers: second },
    );

    await expect(late).rejects.toMatchObject({ code: 'CONFLICT' });
    const stored = await getCardWithVersions(db, CALL, teryt);
    expect(stored?.card).toMatchObject({ version: 2, answers: { motivation: first.motivation } });
    expect(stored?.versions.map((version) => version.version)).toEqual([1, 2]);
    expect(stored?.versions[1]?.sha256).toBe(sha256Hex(canonicalJson(ZCardAnswers.parse(first))));
    // The confirmation and one e-mail for the change saved; none for the one refused.
    expect(await settledMailTo(db, inboxUrl, answers.contacts.contact.email)).toHaveLength(2);
  });
});
