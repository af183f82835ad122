import { ZProgramme } from '../../shared/schemas/programme.ts';
import { signedInUser } from '../domain/access.ts';
import { changeLedProgramme } from '../domain/manage-programmes.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZProgramme, session: (token) => signedInUser(deps, token) },
  async ({ user, body, params }) => ({
    body: { programme: await changeLedProgramme(deps, user, params.programmeId ?? '', body) },
  }),
);
