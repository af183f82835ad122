import { ZOfficesImportRequest } from '../../shared/schemas/offices.ts';
import { signedInUser } from '../domain/access.ts';
import { importOffices } from '../domain/offices.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZOfficesImportRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({ body: await importOffices(deps, user, body.csv) }),
);
