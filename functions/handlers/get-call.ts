import { getCall } from '../domain/get-call.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({}, async ({ params }) => ({
  body: await getCall(deps, params.callId ?? ''),
}));
