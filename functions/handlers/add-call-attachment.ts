import { ZAddAttachmentRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { addAttachment } from '../domain/call-attachments.ts';
import { httpRoute } from '../lib/http.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

/** The uploaded parts as one file of the call's rules: PDF, DOCX or ODT, at most 10 MB. */
export const handler = httpRoute(
  { body: ZAddAttachmentRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    statusCode: 201,
    body: await addAttachment(deps, user, params.callId ?? '', body),
  }),
);
