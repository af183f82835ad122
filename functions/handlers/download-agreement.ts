import * as z from 'zod/mini';
import { signedInUser } from '../domain/access.ts';
import { agreementPdfForCoordinator } from '../domain/agreements.ts';
import { httpRoute } from '../lib/http.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/** The PDF as base64 in JSON (the panel saves it as a file): final PDFs are tens of kilobytes. */
export const handler = httpRoute(
  {
    query: z.strictObject({ which: z.optional(z.enum(['document', 'final', 'scan'])) }),
    session: (token) => signedInUser(deps, token),
  },
  async ({ user, params, query }) => ({
    body: await agreementPdfForCoordinator(deps, user, {
      callId: params.callId ?? '',
      teryt: params.teryt ?? '',
      which: query.which ?? 'final',
    }),
  }),
);
