import { withdrawCard } from '../domain/withdraw-card.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { createSesMailer } from '../mail/mailer.ts';
import { createDb } from '../repositories/dynamo.ts';

const settings = config();
const deps = { db: createDb(settings), mailer: createSesMailer(settings), now: () => new Date() };

export const handler = httpRoute({}, async ({ event }) => ({
  body: await withdrawCard(deps, { token: bearerToken(event) }),
}));
