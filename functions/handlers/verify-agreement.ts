import { ZVerifyQuery } from '../../shared/schemas/agreements.ts';
import { verifyAgreement } from '../domain/agreement-pages.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ query: ZVerifyQuery }, async ({ params, query }) => ({
  body: await verifyAgreement(deps, { agreementId: params.agreementId ?? '', sha256: query.sha256 }),
}));
