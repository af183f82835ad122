// An agreement to sign on this machine: `npm run agreement-demo` (with `npm start` running in another
// terminal). It marks the demo card of Łopuszno (świętokrzyskie) selected — a card the review would have
// selected, written as the review leaves it —, then as the voivodeship's demo coordinator generates its
// three-party porozumienie and sends it for signing through the site's API, as the panel would. The gmina's
// signatory gets the first link; each next party's arrives once the one before has signed.

import { randomBytes } from 'node:crypto';
import { validAnswers } from '../../test/support/cards.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { PutCommand } from '../repositories/document.ts';
import { dbOf } from '../repositories/dynamo.ts';
import { keys } from '../repositories/keys.ts';
import { createSession } from '../repositories/sign-in.ts';
import { localDynamoClient } from './emulators.ts';
import { PORT_VARIABLES, TABLE_NAME } from './stack.ts';

const CALL = 'liderzy-kooperacji-26';
const TERYT = '2604083';
const COORDINATOR = 'koordynator.26@kooperacja.example';
export const DEMO_SIGNATORIES = {
  gmina: { name: 'Łucja Żak', role: 'Wójt Gminy Łopuszno', email: 'wojt@lopuszno.example' },
  powiat: { name: 'Paweł Kowal', role: 'Starosta Kielecki', email: 'starosta@powiat-kielecki.example' },
  wojewodztwo: {
    name: 'Renata Janik',
    role: 'Członkini Zarządu Województwa',
    email: 'zarzad@swietokrzyskie.example',
  },
};

const port = (name: keyof typeof PORT_VARIABLES, fallback: number) =>
  Number(process.env[PORT_VARIABLES[name]] ?? fallback);

async function main(): Promise<void> {
  const db = dbOf(localDynamoClient(`http://127.0.0.1:${port('dynamodb', 8000)}`), TABLE_NAME);
  const site = `http://localhost:${port('web', 5173)}`;
  const answers = validAnswers(TERYT, '2604');
  answers.office.address = { street: 'ul. Jana Pawła II 6', postalCode: '26-070', city: 'Łopuszno' };
  await db.client
    .send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.card(CALL, TERYT),
          type: 'card',
          callId: CALL,
          teryt: TERYT,
          gminaName: 'Łopuszno',
          powiatCode: '2604',
          wojewodztwo: '26',
          status: 'submitted',
          reviewStatus: 'selected',
          answers,
        },
        // A card already there (sent from the site, or an earlier run) is left as it is.
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  // A session of the demo coordinator, as signing in by the e-mailed link would start it.
  const session = randomBytes(32).toString('base64url');
  await createSession(db, {
    sessionSha256: sha256Hex(session),
    email: COORDINATOR,
    startedAt: new Date(),
    expiresAt: new Date(Date.now() + 3600_000),
  });
  const call = async (path: string, body: unknown) => {
    const response = await fetch(`${site}/api/admin/agreements/${CALL}/${TERYT}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `__Host-kooperacja-session=${session}` },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id?: string; error?: { code: string; message: string } };
    if (!response.ok) {
      throw new Error(
        `${path || 'generating'}: ${response.status} ${json.error?.code}: ${json.error?.message} ` +
          '(an agreement for Łopuszno exists already? Restart `npm start` for a fresh one.)',
      );
    }
    return json;
  };
  const generated = await call('', { kind: 'three-party' });
  await call('/signing', {
    signatories: DEMO_SIGNATORIES,
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    revision: 1,
  });
  console.log(
    [
      `Agreement ${generated.id} (Łopuszno, powiat kielecki, Świętokrzyskie) sent for signing.`,
      `The inbox: http://127.0.0.1:${port('ses', 8005)}/ — the message to ${DEMO_SIGNATORIES.gmina.email} has the gmina's link (${site}/porozumienie#t=…);`,
      `sign there as "${DEMO_SIGNATORIES.gmina.name}" (case and Polish letters do not matter), then the powiat's link arrives for ${DEMO_SIGNATORIES.powiat.email}, then the voivodeship's for ${DEMO_SIGNATORIES.wojewodztwo.email}.`,
      `After the last signature every party gets the sealed final PDF; check it at ${site}/porozumienie/weryfikacja.`,
    ].join('\n'),
  );
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
