import { ZUploadedPdfRequest } from '../../shared/schemas/agreements.ts';
import { addSignedUpload } from '../domain/agreement-uploads.ts';
import { httpRoute } from '../lib/http.ts';
import { bearerToken, clientAddress } from '../lib/request-headers.ts';
import { agreementDeps } from '../wiring-agreements.ts';

const deps = agreementDeps();

/** The signed PDF's uploaded parts as one file, for the coordinator to confirm. */
export const handler = httpRoute({ body: ZUploadedPdfRequest }, async ({ body, event }) => ({
  statusCode: 201,
  body: await addSignedUpload(deps, bearerToken(event), body, {
    ip: clientAddress(event),
    userAgent: event.headers?.['user-agent'] ?? '',
  }),
}));
