import { getProgramme } from '../domain/get-programme.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async ({ params }) => ({
  body: { programme: await getProgramme(deps, params.programmeId ?? '') },
}));
