import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { changeCard } from '../../functions/domain/change-card.ts';
import { submitCard } from '../../functions/domain/submit-card.ts';
import { withdrawCard } from '../../functions/domain/withdraw-card.ts';
import { config } from '../../functions/lib/config.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { getCardWithVersions } from '../../functions/repositories/cards.ts';
import { ZCardAnswers } from '../../shared/schemas/card.ts';
import { linkToken, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/**
 * The deadline is an instant, and the server's clock decides: a card sent, changed or withdrawn 1 ms before
 * the call's closing instant counts; at that very instant it is refused. The use cases are run with their
 * clock (`now`) set to those instants, on DynamoDB Local.
 */
const db = testDb();
const settings = config();
const CALL = 'nabor-do-terminu';
const day = 86_400_000;
// A closing instant as the panel stores them: the last millisecond of a minute (…:59.999).
const closesAt = new Date(Math.ceil((Date.now() + 10 * day) / day) * day - 3_600_000 - 1);
const at = (instant: number) => () => new Date(instant);
const lastMoment = at(closesAt.getTime() - 1);
const deadline = at(closesAt.getTime());

// The confirmation (with the card's link the tests need) goes out through the mail pipeline, to the SES emulator.
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
const deps = { db, siteUrl: settings.SITE_URL };

beforeAll(async () => {
  await createCall(db, {
    id: CALL,
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór do terminu',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska'],
    formVersion: 1,
    rules: '',
    opensAt: new Date(Date.now() - 30 * day).toISOString(),
    closesAt: closesAt.toISOString(),
  });
});

/** A card's answers for a rural gmina of świętokrzyskie, with a contact address of its own. */
function answersFor(teryt: string) {
  return ZCardAnswers.parse({
    ...validAnswers(teryt),
    contacts: {
      ...validAnswers().contacts,
      contact: { ...validAnswers().contacts.contact, email: `termin.${randomUUID()}@gmina.example` },
    },
  });
}

/** A card sent an hour before the deadline, and the token of the link its confirmation carries. */
async function sentCard(teryt: string) {
  const answers = answersFor(teryt);
  await submitCard(
    { ...deps, now: at(closesAt.getTime() - 3_600_000) },
    { callId: CALL, idempotencyKey: randomUUID(), answers },
  );
  const [mail] = await settledMailTo(db, inboxUrl, answers.contacts.contact.email);
  if (!mail) throw new Error('no confirmation e-mail');
  return { answers, token: linkToken(mail, '#t=') };
}

const changed = (answers: ReturnType<typeof answersFor>) => ({
  ...answers,
  motivation: { motivation: 'Zmiana w ostatniej chwili.', expectations: 'Szkolenia.' },
});

describe('at the deadline', () => {
  it('refuses a card sent at the closing instant itself, storing nothing', async () => {
    const before = await tableSnapshot(db);

    const late = submitCard(
      { ...deps, now: deadline },
      { callId: CALL, idempotencyKey: randomUUID(), answers: answersFor('2602042') },
    );

    await expect(late).rejects.toMatchObject({ code: 'CALL_CLOSED' });
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('takes a card sent 1 ms before the closing instant', async () => {
    const { receipt } = await submitCard(
      { ...deps, now: lastMoment },
      { callId: CALL, idempotencyKey: randomUUID(), answers: answersFor('2601022') },
    );

    expect(receipt.receivedAt).toBe(new Date(closesAt.getTime() - 1).toISOString());
    expect((await getCardWithVersions(db, CALL, '2601022'))?.card).toMatchObject({ status: 'submitted' });
  });

  it('refuses a change at the closing instant, and takes one 1 ms before it', async () => {
    const { answers, token } = await sentCard('2601052');
    const before = await tableSnapshot(db);

    await expect(
      changeCard({ ...deps, now: deadline }, { token, answers: changed(answers) }),
    ).rejects.toMatchObject({ code: 'CALL_CLOSED' });
    expect(await tableSnapshot(db)).toEqual(before);

    const receipt = await changeCard({ ...deps, now: lastMoment }, { token, answers: changed(answers) });
    expect(receipt.version).toBe(2);
    expect((await getCardWithVersions(db, CALL, '2601052'))?.card).toMatchObject({
      version: 2,
      answers: { motivation: { motivation: 'Zmiana w ostatniej chwili.' } },
    });
  });

  it('takes a withdrawal at the closing instant and after it: a gmina may step back until a decision', async () => {
    const { token } = await sentCard('2601072');

    await expect(withdrawCard({ ...deps, now: deadline }, { token })).resolves.toMatchObject({
      status: 'withdrawn',
    });
    expect((await getCardWithVersions(db, CALL, '2601072'))?.card.status).toBe('withdrawn');
  });
});
