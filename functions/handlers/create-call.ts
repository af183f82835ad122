import { ZCreateCallRequest } from '../../shared/schemas/admin.ts';
import { announceCall } from '../domain/announce-call.ts';
import { signedInUser } from '../domain/review-cards.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const deps = { db: createDb(config()), now: () => new Date() };

export const handler = httpRoute(
  { body: ZCreateCallRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({ statusCode: 201, body: await announceCall(deps, user, body) }),
);
