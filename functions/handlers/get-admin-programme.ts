import { signedInUser } from '../domain/access.ts';
import { programmeForEditing } from '../domain/manage-programmes.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token) },
  async ({ user, params }) => ({
    body: { programme: await programmeForEditing(deps, user, params.programmeId ?? '') },
  }),
);
