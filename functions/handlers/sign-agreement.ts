import { ZSignRequest } from '../../shared/schemas/agreements.ts';
import { signAgreement } from '../domain/agreement-signing.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken, clientAddress } from '../lib/request-headers.ts';
import { sealingAgreementDeps } from '../wiring-seal.ts';

const deps = sealingAgreementDeps();

export const handler = httpRoute({ body: ZSignRequest }, async ({ event, body }) => ({
  body: await signAgreement(deps, bearerToken(event), body, {
    ip: clientAddress(event),
    userAgent: event.headers?.['user-agent'] ?? '',
  }),
}));
