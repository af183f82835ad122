import { ZProgramme } from '../../shared/schemas/programme.ts';
import { signedInUser } from '../domain/access.ts';
import { createLedProgramme } from '../domain/manage-programmes.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZProgramme, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({
    statusCode: 201,
    body: { programme: await createLedProgramme(deps, user, body) },
  }),
);
