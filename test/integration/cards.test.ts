import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { getDraftByLink, saveDraft } from '../../functions/domain/drafts.ts';
import { config } from '../../functions/lib/config.ts';
import { canonicalJson, sha256Hex } from '../../functions/lib/crypto.ts';
import { loadDemoData } from '../../functions/local/demo-data.ts';
import { createSesMailer } from '../../functions/mail/mailer.ts';
import { createCall, getCall } from '../../functions/repositories/calls.ts';
import { ZErrorResponse } from '../../shared/schemas/api.ts';
import { type TCardAnswersInput, ZCardAnswers } from '../../shared/schemas/card.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import {
  ZCardLinkRequested,
  ZCardReceipt,
  ZCardView,
  ZReceiptCheck,
} from '../../shared/schemas/submission.ts';
import { linkToken, OTHER_NIP, validAnswers } from '../support/cards.ts';
import { tableSnapshot, testDb } from '../support/db.ts';
import { startApi } from '../support/http.ts';
import { settledMailTo, useMailPipeline } from '../support/mail.ts';

/** Sending cards through the real handlers, on DynamoDB Local, with e-mail read back from the SES emulator. */
const db = testDb();
const inboxUrl = inject('sesEndpoint');
useMailPipeline();
let api: Awaited<ReturnType<typeof startApi>>;
const CALL = 'liderzy-kooperacji-26';

beforeAll(async () => {
  await loadDemoData(db, new Date());
  const day = 86_400_000;
  const base = {
    programmeId: 'liderzy-kooperacji',
    title: 'Nabór testowy',
    wojewodztwa: ['26'],
    gminaKinds: ['wiejska' as const],
    formVersion: 1,
    rules: '',
  };
  await createCall(db, {
    ...base,
    id: 'closed-call',
    opensAt: new Date(Date.now() - 30 * day).toISOString(),
    closesAt: new Date(Date.now() - day).toISOString(),
  });
  await createCall(db, {
    ...base,
    id: 'future-call',
    opensAt: new Date(Date.now() + day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
  });
  // Set up for a version of the card this code does not have (a later edition of the form).
  await createCall(db, {
    ...base,
    id: 'next-form-call',
    formVersion: 2,
    opensAt: new Date(Date.now() - day).toISOString(),
    closesAt: new Date(Date.now() + 30 * day).toISOString(),
  });
  api = await startApi();
});
afterAll(() => api.close());

/** Each test sends for its own gmina, so e-mails (the SES store is shared) can be told apart. */
const RURAL_26 = [
  '2602052',
  '2602042',
  '2601022',
  '2601052',
  '2601072',
  '2602012',
  '2602072',
  '2602082',
  '2603012',
  '2603022',
  '2604012',
  '2604062',
  '2605012',
  '2605062',
  '2605072',
];
let nextGmina = 0;
function freshGmina(): string {
  const teryt = RURAL_26[nextGmina++];
  if (!teryt) throw new Error('out of test gminas');
  return teryt;
}

async function send(
  answers: unknown,
  options: { call?: string; key?: string | null; headers?: Record<string, string> } = {},
) {
  const key = options.key === undefined ? randomUUID() : options.key;
  const response = await fetch(`${api.url}/api/calls/${options.call ?? CALL}/cards`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ answers }),
  });
  return { status: response.status, json: await response.json() };
}

async function withToken(method: string, path: string, token: string, sent?: unknown) {
  // A change with nothing to say sends `{}`, as the site does: the API takes changes only as JSON.
  const body = sent ?? (method === 'GET' ? undefined : {});
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json() };
}

async function mailTo(address: string) {
  return await settledMailTo(db, inboxUrl, address);
}

describe('sending a card', () => {
  it('stores it, answers with a receipt, and e-mails the confirmation with a working link', async () => {
    const answers = validAnswers(freshGmina(), undefined, OTHER_NIP);

    const response = await send(answers);

    expect(response.status).toBe(201);
    const receipt = ZCardReceipt.parse(response.json);
    expect(receipt.reference).toMatch(/^KZ-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const [mail, ...more] = await mailTo(answers.contacts.contact.email);
    expect(more).toEqual([]);
    expect(mail?.subject).toBe(`Potwierdzenie karty zgłoszeniowej ${receipt.reference} — Oksa`);
    expect(mail?.body.text).toContain(`Skrót SHA-256 odpowiedzi: ${receipt.sha256}`);
    expect(mail?.body.text).toContain(`czasu polskiego (${receipt.receivedAt})`);
    expect(mail?.body.html).toContain('<html lang="pl">');
    // The sections of the answers sit under "Twoje odpowiedzi", a level below it, for screen readers' outline.
    expect(mail?.body.html).toMatch(/<h2[^>]*>Twoje odpowiedzi<\/h2><h3[^>]*>Urząd gminy<\/h3>/);
    expect(mail?.body.html?.match(/<h2/g)).toHaveLength(2);
    // The receipt is what anyone can recompute: the SHA-256 of the canonical JSON of the answers as stored.
    expect(receipt.sha256).toBe(sha256Hex(canonicalJson(ZCardAnswers.parse(answers))));

    const card = await withToken('GET', '/api/cards/current', linkToken(mail as never, '#t='));
    expect(card.status).toBe(200);
    expect(receipt.sha256).toBe(sha256Hex(canonicalJson(ZCardView.parse(card.json).answers)));
    expect(ZCardView.parse(card.json)).toMatchObject({
      reference: receipt.reference,
      status: 'submitted',
      version: 1,
      gminaName: 'Oksa',
      answers: { office: { nip: '1234563218' } },
    });
  });

  it('stores text in NFC and an amount to the grosz, so equal answers have one receipt hash', async () => {
    const answers = validAnswers(freshGmina());
    // "Józef" with a combining accent (as some keyboards and PDFs give it), and an amount a client's float
    // arithmetic left a hair off.
    answers.office.head.name = 'Jo\u0301zef Nowak';
    answers.criteria.incomePerInhabitant.value = 4321.549999999999;

    const response = await send(answers);

    expect(response.status).toBe(201);
    const receipt = ZCardReceipt.parse(response.json);
    const [mail] = await mailTo(answers.contacts.contact.email);
    const card = ZCardView.parse(
      (await withToken('GET', '/api/cards/current', linkToken(mail as never, '#t='))).json,
    );
    expect(card.answers.office.head.name).toBe('J\u00f3zef Nowak');
    expect(card.answers.criteria.incomePerInhabitant.value).toBe(4321.55);
    const typedPlainly = {
      ...answers,
      office: { ...answers.office, head: { ...answers.office.head, name: 'Józef Nowak' } },
    };
    typedPlainly.criteria = { ...answers.criteria, incomePerInhabitant: { value: 4321.55, year: 2023 } };
    expect(receipt.sha256).toBe(sha256Hex(canonicalJson(ZCardAnswers.parse(typedPlainly))));
  });

  it('verifies a receipt by reference and hash, and nothing else', async () => {
    const { json } = await send(validAnswers(freshGmina()));
    const receipt = ZCardReceipt.parse(json);

    const valid = await fetch(`${api.url}/api/receipts/${receipt.reference}?sha256=${receipt.sha256}`);
    const wrongHash = await fetch(`${api.url}/api/receipts/${receipt.reference}?sha256=${'0'.repeat(64)}`);
    const unknown = await fetch(`${api.url}/api/receipts/KZ-AAAA-AAAA?sha256=${receipt.sha256}`);

    expect(ZReceiptCheck.parse(await valid.json())).toMatchObject({
      valid: true,
      version: 1,
      superseded: false,
      receivedAt: receipt.receivedAt,
    });
    expect(await wrongHash.json()).toEqual({ valid: false });
    expect(await unknown.json()).toEqual({ valid: false });
  });

  it('is idempotent: a retry with the same key returns the same receipt and sends no second e-mail', async () => {
    const answers = validAnswers(freshGmina(), undefined, OTHER_NIP);
    const key = randomUUID();
    const first = await send(answers, { key });
    const afterFirst = await tableSnapshot(db);

    const retry = await send(answers, { key });

    expect(retry.status).toBe(200);
    expect(retry.json).toEqual(first.json);
    expect(await tableSnapshot(db)).toEqual(afterFirst);
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(1);
  });

  it('makes one card and one e-mail of a burst of double clicks', async () => {
    const answers = validAnswers(freshGmina());
    const key = randomUUID();

    const responses = await Promise.all(Array.from({ length: 6 }, () => send(answers, { key })));

    expect(new Set(responses.map((response) => response.json.reference)).size).toBe(1);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(1);
  });

  it('refuses the same key with other answers, and a second card for the gmina', async () => {
    const answers = validAnswers(freshGmina());
    const key = randomUUID();
    await send(answers, { key });
    const before = await tableSnapshot(db);

    const otherAnswers = await send(
      { ...answers, motivation: { motivation: 'Inna', expectations: 'Inne' } },
      { key },
    );
    const secondCard = await send(answers);

    expect(otherAnswers.status).toBe(422);
    expect(otherAnswers.json.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(secondCard.status).toBe(409);
    expect(secondCard.json.error.code).toBe('CARD_EXISTS');
    expect(secondCard.json.error.message).toMatch(/odnośnika z e-maila/);
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(1);
  });

  it('keeps HTML as text: stored as typed, escaped in the e-mail', async () => {
    const answers = validAnswers(freshGmina());
    answers.motivation.expectations = '<script>alert("x")</script> & <b>więcej</b>';

    await send(answers);

    const [mail] = await mailTo(answers.contacts.contact.email);
    expect(mail?.body.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;więcej&lt;/b&gt;',
    );
    expect(mail?.body.html).not.toContain('<script>');
    expect(mail?.body.text).toContain('<script>alert("x")</script> & <b>więcej</b>');
    const card = await withToken('GET', '/api/cards/current', linkToken(mail as never, '#t='));
    expect(card.json.answers.motivation.expectations).toBe(answers.motivation.expectations);
  });
});

describe('bad input gets a specific error and changes nothing', () => {
  let before: Record<string, unknown>[];
  // Every card below is for this gmina; the SES store is shared with other test files, so count its mail.
  const contact = validAnswers('2604092').contacts.contact.email;
  beforeEach(async () => {
    before = await tableSnapshot(db);
  });

  async function expectNothingChanged() {
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await mailTo(contact)).toEqual([]);
  }

  function mutated(change: (answers: TCardAnswersInput & Record<string, unknown>) => void) {
    const answers = validAnswers('2604092') as TCardAnswersInput & Record<string, unknown>;
    change(answers);
    return answers;
  }

  it.each<[string, (answers: TCardAnswersInput & Record<string, unknown>) => void, Record<string, string>]>([
    [
      'an unknown field',
      (a) => {
        a.office = { ...a.office, fax: '123' } as never;
      },
      { 'answers.office.fax': 'unknown_field' },
    ],
    [
      'a missing section',
      (a) => {
        delete (a as Record<string, unknown>).criteria;
      },
      { 'answers.criteria': 'required' },
    ],
    [
      'a NIP with a wrong check digit',
      (a) => {
        a.office.nip = '5261040829';
      },
      { 'answers.office.nip': 'nip' },
    ],
    [
      'a REGON with a wrong check digit',
      (a) => {
        a.office.regon = '000331502';
      },
      { 'answers.office.regon': 'regon' },
    ],
    [
      'an invalid e-mail',
      (a) => {
        a.contacts.contact.email = 'anna@';
      },
      { 'answers.contacts.contact.email': 'email' },
    ],
    [
      'a header injection in an e-mail',
      (a) => {
        a.contacts.contact.email = 'anna@gmina.example\r\nBcc: all@example.com';
      },
      { 'answers.contacts.contact.email': 'email' },
    ],
    [
      'a line break in a one-line field',
      (a) => {
        a.office.head.name = 'Jan\nKowalski';
      },
      { 'answers.office.head.name': 'control_characters' },
    ],
    [
      'a name of zero-width spaces only',
      (a) => {
        a.office.head.name = '\u200b\u200b\u2800';
      },
      { 'answers.office.head.name': 'required' },
    ],
    [
      'a right-to-left override in a name (shown reversed in the panel and e-mails)',
      (a) => {
        a.contacts.contact.name = 'Anna \u202eakwoN';
      },
      { 'answers.contacts.contact.name': 'control_characters' },
    ],
    [
      'a letter lost in decoding (U+FFFD)',
      (a) => {
        a.office.address.city = 'Lutowiska \ufffd';
      },
      { 'answers.office.address.city': 'malformed_text' },
    ],
    [
      'a NIP of zeros',
      (a) => {
        a.office.nip = '000-000-00-00';
      },
      { 'answers.office.nip': 'nip' },
    ],
    [
      'an invalid phone',
      (a) => {
        a.contacts.ops.phone = '12 34';
      },
      { 'answers.contacts.ops.phone': 'phone' },
    ],
    [
      'a population out of range',
      (a) => {
        a.criteria.population.value = 3_000_000;
      },
      { 'answers.criteria.population.value': 'out_of_range' },
    ],
    [
      'a year still to come',
      (a) => {
        a.criteria.solectwa.year = new Date().getUTCFullYear() + 1;
      },
      { 'answers.criteria.solectwa.year': 'future_year' },
    ],
    [
      'a fractional count',
      (a) => {
        a.criteria.solectwa.value = 2.5;
      },
      { 'answers.criteria.solectwa.value': 'not_integer' },
    ],
    [
      'more families than persons',
      (a) => {
        a.criteria.assistanceFamilies.value = 300;
      },
      { 'answers.criteria.assistanceFamilies.value': 'families_exceed_persons' },
    ],
    [
      'long-term persons over the population',
      (a) => {
        a.criteria.longTermAssistancePersons.value = 5000;
        a.criteria.assistancePersons.value = 5000;
        a.criteria.assistanceFamilies.value = 10;
      },
      {
        'answers.criteria.longTermAssistancePersons.value': 'exceeds_population',
        'answers.criteria.assistancePersons.value': 'exceeds_population',
      },
    ],
    [
      'an oversized text',
      (a) => {
        a.motivation.motivation = 'x'.repeat(3001);
      },
      { 'answers.motivation.motivation': 'too_long' },
    ],
    [
      'a declaration not accepted',
      (a) => {
        a.declarations.rodoAcknowledged = false as true;
      },
      { 'answers.declarations.rodoAcknowledged': 'must_accept' },
    ],
  ])('rejects %s', async (_, change, fields) => {
    const response = await send(mutated(change));

    expect(response.status).toBe(400);
    expect(ZErrorResponse.parse(response.json).error).toMatchObject({ code: 'VALIDATION_FAILED', fields });
    await expectNothingChanged();
  });

  it.each<[string, string, string, string]>([
    ['a TERYT code that does not exist', '2699992', '2699', 'unknown_gmina'],
    ['a gmina of another voivodeship', '1801032', '1801', 'wrong_wojewodztwo'],
    ['an urban-rural gmina in a call for rural ones', '2601013', '2601', 'wrong_kind'],
  ])('rejects %s', async (_, teryt, powiat, reason) => {
    const response = await send(validAnswers(teryt, powiat));

    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({
      code: 'GMINA_NOT_ELIGIBLE',
      fields: { 'answers.office.teryt': reason },
    });
    await expectNothingChanged();
  });

  it('rejects a partner powiat outside the call', async () => {
    const response = await send(validAnswers('2604092', '1801'));

    expect(response.json.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'answers.partner.powiatCode': 'powiat' },
    });
    await expectNothingChanged();
  });

  it.each([
    ['a closed call', 'closed-call', 409, 'CALL_CLOSED'],
    ['a call not yet open', 'future-call', 409, 'CALL_NOT_OPEN'],
    ['a call for another version of the card', 'next-form-call', 409, 'FORM_VERSION_UNSUPPORTED'],
    ['an unknown call', 'no-such-call', 404, 'CALL_NOT_FOUND'],
    ['a call id no call can have', 'x'.repeat(3000), 404, 'CALL_NOT_FOUND'],
  ])('rejects %s', async (_, call, status, code) => {
    const response = await send(validAnswers('2604092'), { call });

    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
    await expectNothingChanged();
  });

  it('requires an idempotency key', async () => {
    const response = await send(validAnswers('2604092'), { key: null });

    expect(response.status).toBe(400);
    expect(response.json.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
    await expectNothingChanged();
  });

  it('refuses a missing, malformed or unknown link token', async () => {
    const missing = await fetch(`${api.url}/api/cards/current`);
    const malformed = await withToken('GET', '/api/cards/current', 'abc');
    const unknown = await withToken('DELETE', '/api/cards/current', 'A'.repeat(43));

    for (const response of [{ status: missing.status, json: await missing.json() }, malformed, unknown]) {
      expect(response.status).toBe(401);
      expect(response.json.error.code).toBe('LINK_INVALID');
    }
    await expectNothingChanged();
  });
});

describe('changing and withdrawing through the e-mailed link', () => {
  it('keeps every version, e-mails each change once, and withdraws and restores the card', async () => {
    const answers = validAnswers(freshGmina(), undefined, OTHER_NIP);
    const first = ZCardReceipt.parse((await send(answers)).json);
    const token = linkToken((await mailTo(answers.contacts.contact.email))[0] as never, '#t=');
    const changed = { ...answers, motivation: { ...answers.motivation, expectations: 'Nowe oczekiwania.' } };

    const second = await withToken('PUT', '/api/cards/current', token, { answers: changed });
    const again = await withToken('PUT', '/api/cards/current', token, { answers: changed });

    expect(second.status).toBe(200);
    expect(ZCardReceipt.parse(second.json)).toMatchObject({ reference: first.reference, version: 2 });
    expect(again.json).toEqual(second.json);
    const afterChange = await mailTo(answers.contacts.contact.email);
    expect(afterChange.map((mail) => mail.subject.split(' KZ-')[0])).toEqual([
      'Potwierdzenie karty zgłoszeniowej',
      'Zmiana karty zgłoszeniowej',
    ]);
    const superseded = await fetch(`${api.url}/api/receipts/${first.reference}?sha256=${first.sha256}`);
    expect(await superseded.json()).toMatchObject({ valid: true, version: 1, superseded: true });

    const withdrawn = await withToken('DELETE', '/api/cards/current', token);
    const withdrawnAgain = await withToken('DELETE', '/api/cards/current', token);
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(withdrawnAgain.json).toEqual(withdrawn.json);

    const restored = await withToken('PUT', '/api/cards/current', token, { answers: changed });
    expect(restored.json).toMatchObject({ version: 3 });
    const view = ZCardView.parse((await withToken('GET', '/api/cards/current', token)).json);
    expect(view.status).toBe('submitted');
    expect(view.versions.map((version) => version.version)).toEqual([1, 2, 3]);
    // Each once; in any order, as the mail queue (SQS standard) keeps none.
    expect(
      (await mailTo(answers.contacts.contact.email)).map((mail) => mail.subject.split(' KZ-')[0]).sort(),
    ).toEqual([
      'Potwierdzenie karty zgłoszeniowej',
      'Wycofanie karty zgłoszeniowej',
      'Zmiana karty zgłoszeniowej',
      'Zmiana karty zgłoszeniowej',
    ]);
  });

  it('treats a double click on change or withdraw as one action', async () => {
    const answers = validAnswers(freshGmina());
    await send(answers);
    const token = linkToken((await mailTo(answers.contacts.contact.email))[0] as never, '#t=');
    const changed = { ...answers, motivation: { ...answers.motivation, motivation: 'Zmienione.' } };

    const changes = await Promise.all(
      [1, 2, 3].map(() => withToken('PUT', '/api/cards/current', token, { answers: changed })),
    );
    const withdrawals = await Promise.all(
      [1, 2, 3].map(() => withToken('DELETE', '/api/cards/current', token)),
    );

    expect(changes.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(new Set(changes.map((response) => response.json.version))).toEqual(new Set([2]));
    expect(withdrawals.map((response) => response.json.status)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ]);
    const subjects = (await mailTo(answers.contacts.contact.email)).map(
      (mail) => mail.subject.split(' KZ-')[0],
    );
    // Each once; the change and the withdrawal in any order, as the mail queue keeps none.
    expect(subjects.sort()).toEqual([
      'Potwierdzenie karty zgłoszeniowej',
      'Wycofanie karty zgłoszeniowej',
      'Zmiana karty zgłoszeniowej',
    ]);
  });

  it('verifies the right version after the answers go A → B → A, and says when a card was withdrawn', async () => {
    const a = validAnswers(freshGmina());
    const first = ZCardReceipt.parse((await send(a)).json);
    const token = linkToken((await mailTo(a.contacts.contact.email))[0] as never, '#t=');
    const b = { ...a, motivation: { ...a.motivation, motivation: 'B' } };
    await withToken('PUT', '/api/cards/current', token, { answers: b });
    const third = ZCardReceipt.parse(
      (await withToken('PUT', '/api/cards/current', token, { answers: a })).json,
    );
    const check = async (query: string) =>
      ZReceiptCheck.parse(await (await fetch(`${api.url}/api/receipts/${first.reference}?${query}`)).json());

    expect(third).toMatchObject({ version: 3, sha256: first.sha256 });
    expect(await check(`sha256=${first.sha256}`)).toMatchObject({
      version: 3,
      superseded: false,
      status: 'submitted',
    });
    expect(await check(`sha256=${first.sha256}&version=1`)).toMatchObject({
      version: 1,
      superseded: true,
      receivedAt: first.receivedAt,
    });
    expect(await check(`sha256=${first.sha256}&version=2`)).toEqual({ valid: false });

    await withToken('DELETE', '/api/cards/current', token);
    expect(await check(`sha256=${first.sha256}&version=3`)).toMatchObject({
      valid: true,
      status: 'withdrawn',
    });
  });

  it('does not let a change move the card to another gmina', async () => {
    const answers = validAnswers(freshGmina());
    await send(answers);
    const token = linkToken((await mailTo(answers.contacts.contact.email))[0] as never, '#t=');
    const before = await tableSnapshot(db);

    const response = await withToken('PUT', '/api/cards/current', token, {
      answers: validAnswers('2604092'),
    });

    expect(response.json.error).toMatchObject({ fields: { 'answers.office.teryt': 'cannot_change_gmina' } });
    expect(await tableSnapshot(db)).toEqual(before);
  });
});

describe('a new link to a sent card', () => {
  const askForLink = (teryt: string, call = CALL) =>
    fetch(`${api.url}/api/calls/${call}/cards/${teryt}/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  /** Rate-limit windows count every attempt; everything else must stay as it was. */
  const withoutRateWindows = (items: Record<string, unknown>[]) =>
    items.filter((item) => !String(item.pk).startsWith('RATE#'));

  it("e-mails a new link to the card's own contact address; it opens the card and earlier links still work", async () => {
    const answers = validAnswers(freshGmina());
    const teryt = answers.office.teryt;
    const receipt = ZCardReceipt.parse((await send(answers)).json);
    const [confirmation] = await mailTo(answers.contacts.contact.email);
    const firstToken = linkToken(confirmation as never, '#t=');
    const { gminaName } = ZCardView.parse((await withToken('GET', '/api/cards/current', firstToken)).json);

    const response = await askForLink(teryt);

    expect(response.status).toBe(202);
    expect(Object.keys(ZCardLinkRequested.parse(await response.json()))).toEqual(['requestedAt']);
    const mails = await mailTo(answers.contacts.contact.email);
    expect(mails).toHaveLength(2);
    const mail = mails[1];
    expect(mail?.subject).toBe(`Odnośnik do karty zgłoszeniowej ${receipt.reference} — ${gminaName}`);
    expect(mail?.body.html).toContain('<html lang="pl">');
    // The answers stay out of it: whoever asked cannot have them sent anywhere.
    expect(mail?.body.text).not.toContain(answers.office.address.street);
    const newToken = linkToken(mail as never, '#t=');
    expect(newToken).not.toBe(firstToken);
    for (const token of [newToken, firstToken]) {
      const card = await withToken('GET', '/api/cards/current', token);
      expect(card.status).toBe(200);
      expect(ZCardView.parse(card.json)).toMatchObject({ reference: receipt.reference, teryt });
    }
    expect(mail?.body.text).toContain('możesz ją też zmienić albo wycofać');
    // Withdrawn, the card can be sent again through the link: the next link's e-mail says that instead.
    expect((await withToken('DELETE', '/api/cards/current', newToken)).status).toBe(200);
    expect((await askForLink(teryt)).status).toBe(202);
    // The withdrawal's confirmation goes out beside it, in no set order: the newest link e-mail is read.
    const newestLink = async () =>
      (await mailTo(answers.contacts.contact.email)).filter((sent) => sent.subject === mail?.subject).at(-1);
    await expect
      .poll(async () => (await newestLink())?.body.text)
      .toContain('Karta jest wycofana: przez odnośnik zobaczysz ją i do');
    // Anyone may ask: the link e-mails leave the card's partition after a month (TTL).
    const linkMails = (await tableSnapshot(db)).filter((item) =>
      String(item.sk).startsWith('MAIL#card-link-'),
    );
    expect(linkMails.length).toBeGreaterThanOrEqual(2);
    for (const item of linkMails)
      expect(Number(item.expiresAt)).toBeGreaterThan(Date.now() / 1000 + 29 * 86_400);
    // Stored only as a hash, like every link token.
    const stored = JSON.stringify(
      withoutRateWindows(await tableSnapshot(db)).filter((item) => item.type === 'link-token'),
    );
    expect(stored).not.toContain(newToken);
    expect(stored).toContain(sha256Hex(newToken));
  });

  it('answers a gmina without a card as one with a card, sending and storing nothing; refuses an unknown call or code', async () => {
    const before = withoutRateWindows(await tableSnapshot(db));
    // Whether a gmina has applied is not told to whoever asks.
    const noCard = await askForLink('2605052');
    expect(noCard.status).toBe(202);
    expect(Object.keys(ZCardLinkRequested.parse(await noCard.json()))).toEqual(['requestedAt']);
    const cases = [
      [askForLink('2605052', 'no-such-call'), 404, 'CALL_NOT_FOUND'],
      [askForLink('26050'), 404, 'NOT_FOUND'],
      [askForLink('2605052x'), 404, 'NOT_FOUND'],
    ] as const;
    for (const [request, status, code] of cases) {
      const response = await request;
      expect({
        status: response.status,
        code: ZErrorResponse.parse(await response.json()).error.code,
      }).toEqual({
        status,
        code,
      });
    }
    const withBody = await fetch(`${api.url}/api/calls/${CALL}/cards/2605052/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'someone@elsewhere.example' }),
    });
    // Nobody can name another address: the request takes no body at all.
    expect(withBody.status).toBe(400);
    expect(withoutRateWindows(await tableSnapshot(db))).toEqual(before);
    expect(await mailTo('kontakt.2605052@gmina.example')).toEqual([]);
  });

  it("limits links per card, so the contact's inbox cannot be flooded", async () => {
    const answers = validAnswers(freshGmina());
    await send(answers);
    for (let ask = 0; ask < 3; ask += 1) expect((await askForLink(answers.office.teryt)).status).toBe(202);
    const before = await tableSnapshot(db);

    const refused = await askForLink(answers.office.teryt);

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(ZErrorResponse.parse(await refused.json()).error.code).toBe('RATE_LIMITED');
    expect(await tableSnapshot(db)).toEqual(before);
    // The confirmation and three links.
    expect(await mailTo(answers.contacts.contact.email)).toHaveLength(4);
  });
});

describe('save and return', () => {
  it('keeps a draft and e-mails a link that restores and updates it', async () => {
    const email = `szkic.${randomUUID()}@gmina.example`;
    const partial = { office: { teryt: '2602052', nip: '526' } };

    const saved = await fetch(`${api.url}/api/calls/${CALL}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, answers: partial }),
    });

    expect(saved.status).toBe(201);
    const { expiresAt } = await saved.json();
    // Until the call's closing, to the millisecond (23:59:59.999 Warsaw), on every answer about the draft.
    expect(expiresAt).toBe((await getCall(db, CALL))?.closesAt);
    const [mail] = await mailTo(email);
    expect(mail?.subject).toMatch(/^Zapisana karta zgłoszeniowa/);
    const token = linkToken(mail as never, '#szkic=');
    expect((await withToken('GET', '/api/drafts/current', token)).json).toMatchObject({
      callId: CALL,
      answers: partial,
      expiresAt,
    });

    const updated = { ...partial, contacts: { contact: { name: 'Anna' } } };
    const put = await withToken('PUT', '/api/drafts/current', token, { answers: updated });
    expect(put.status).toBe(200);
    expect(put.json.expiresAt).toBe(expiresAt);
    expect((await withToken('GET', '/api/drafts/current', token)).json.answers).toEqual(updated);
    // A draft's token does not open a card, nor the other way round.
    expect((await withToken('GET', '/api/cards/current', token)).status).toBe(401);
  });

  it("says when the draft's gmina has sent its card since", async () => {
    const teryt = freshGmina();
    const email = `wyslana.${randomUUID()}@gmina.example`;
    const saved = await fetch(`${api.url}/api/calls/${CALL}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, answers: { office: { teryt } } }),
    });
    expect(saved.status).toBe(201);
    const token = linkToken((await mailTo(email))[0] as never, '#szkic=');
    expect((await withToken('GET', '/api/drafts/current', token)).json.cardSent).toBe(false);

    expect((await send(validAnswers(teryt))).status).toBe(201);

    const draft = await withToken('GET', '/api/drafts/current', token);
    expect(draft.status).toBe(200);
    expect(draft.json).toMatchObject({ cardSent: true, answers: { office: { teryt } } });
  });

  it('opens a draft until the call closes, and not after; its token is stored only as a hash', async () => {
    const call = (await getCall(db, CALL)) as TCall;
    const email = `do-terminu.${randomUUID()}@gmina.example`;
    const deps = { db, mailer: createSesMailer(config()), siteUrl: config().SITE_URL };
    const at = (instant: number) => () => new Date(instant);
    const closes = Date.parse(call.closesAt);

    await saveDraft(
      { ...deps, now: () => new Date() },
      { callId: CALL, email, answers: { office: { teryt: '2602052' } }, client: `draft-${randomUUID()}` },
    );

    const token = linkToken((await mailTo(email))[0] as never, '#szkic=');
    expect(JSON.stringify(await tableSnapshot(db))).not.toContain(token);
    // The last millisecond of the call still opens it; the first after the close does not.
    await expect(getDraftByLink({ db, now: at(closes - 1) }, token)).resolves.toMatchObject({ email });
    await expect(getDraftByLink({ db, now: at(closes + 1_000) }, token)).rejects.toMatchObject({
      code: 'LINK_INVALID',
    });
  });

  it.each([
    ['a number DynamoDB cannot store', { criteria: { population: { value: 1e300 } } }],
    ['a tiny fraction', { criteria: { population: { value: 1e-200 } } }],
    ['nesting deeper than a form has', { office: { a: { b: { c: { d: { e: 1 } } } } } }],
    ['an empty key', { office: { '': 'x' } }],
    ['a broken character', { motivation: { motivation: '\udc00' } }],
  ])('refuses a draft with %s', async (_, answers) => {
    const before = await tableSnapshot(db);

    const response = await fetch(`${api.url}/api/calls/${CALL}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@gmina.example', answers }),
    });

    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('keeps in a draft what the card itself would refuse, such as a pasted U+FFFD', async () => {
    const answers = { motivation: { motivation: 'Skopiowane z PDF: \ufffd' } };
    const response = await fetch(`${api.url}/api/calls/${CALL}/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `fffd.${randomUUID()}@gmina.example`, answers }),
    });

    expect(response.status).toBe(201);
  });

  it('saves once for a retried request: the same key gives the first answer, one draft and one e-mail', async () => {
    const email = `ponownie.${randomUUID()}@gmina.example`;
    const key = randomUUID();
    const save = (answers: unknown) =>
      fetch(`${api.url}/api/calls/${CALL}/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ email, answers }),
      });
    const first = await save({ office: { nip: '526' } });
    expect(first.status).toBe(201);
    const before = await tableSnapshot(db);

    const again = await save({ office: { nip: '526' } });

    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(await first.json());
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await mailTo(email)).toHaveLength(1);
    // The key of one save does not carry other answers.
    const other = await save({ office: { nip: '527' } });
    expect(other.status).toBe(422);
    expect(ZErrorResponse.parse(await other.json()).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await tableSnapshot(db)).toEqual(before);
  });

  it('limits drafts per address, so the link e-mail cannot flood an inbox', async () => {
    const email = `limit.${randomUUID()}@gmina.example`;
    const save = () =>
      fetch(`${api.url}/api/calls/${CALL}/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, answers: {} }),
      });
    for (let draft = 0; draft < 5; draft += 1) expect((await save()).status).toBe(201);
    const before = await tableSnapshot(db);

    const refused = await save();

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    expect(await tableSnapshot(db)).toEqual(before);
    expect(await mailTo(email)).toHaveLength(5);
  });

  it('refuses a draft for a closed call and an unknown section', async () => {
    const before = await tableSnapshot(db);
    const post = (call: string, body: unknown) =>
      fetch(`${api.url}/api/calls/${call}/drafts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, json: await response.json() }));

    const closed = await post('closed-call', { email: 'a@gmina.example', answers: {} });
    const otherForm = await post('next-form-call', { email: 'a@gmina.example', answers: {} });
    const unknownSection = await post(CALL, { email: 'a@gmina.example', answers: { hobby: {} } });

    expect(closed.json.error.code).toBe('CALL_CLOSED');
    expect(otherForm.json.error.code).toBe('FORM_VERSION_UNSUPPORTED');
    expect(unknownSection.json.error.fields).toEqual({ 'answers.hobby': 'unknown_field' });
    expect(await tableSnapshot(db)).toEqual(before);
  });
});
