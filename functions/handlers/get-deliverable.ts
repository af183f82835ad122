import { viewDeliverable } from '../domain/deliverables.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken } from '../lib/request-headers.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

/** What a party's upload link asks for, and what it delivered. */
export const handler = httpRoute({}, async ({ event }) => ({
  body: await viewDeliverable(deps, bearerToken(event)),
}));
