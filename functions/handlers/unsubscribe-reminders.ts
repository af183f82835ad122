import * as z from 'zod/mini';
import { unsubscribe } from '../domain/unsubscribe.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

/**
 * RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` (form-encoded) to the header's address; the
 * body says nothing the token does not, so it is not read (nor its content type checked).
 */
export const handler = httpRoute(
  { body: 'ignore', query: z.strictObject({ t: z.string().check(z.maxLength(400)) }) },
  async ({ query }) => {
    await unsubscribe(deps, query.t);
    return { body: { unsubscribed: true } };
  },
);
