import { getProgramme } from '../domain/get-programme.ts';
import { config } from '../lib/config.ts';
import { httpRoute } from '../lib/http.ts';
import { createDb } from '../repositories/dynamo.ts';

const db = createDb(config());

export const handler = httpRoute({}, async ({ params }) => ({
  body: { programme: await getProgramme({ db }, params.programmeId ?? '') },
}));
