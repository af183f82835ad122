import { signedInUser } from '../domain/access.ts';
import { uploadAttachmentPart } from '../domain/call-attachments.ts';
import { httpRoute } from '../lib/http.ts';
import { storeMailAndDocumentsDeps } from '../wiring.ts';

const deps = storeMailAndDocumentsDeps();

/** The body is the part's raw bytes (not JSON), which API Gateway hands over base64-encoded. */
export const handler = httpRoute(
  { session: (token) => signedInUser(deps, token), body: 'ignore' },
  async ({ user, params, event }) => {
    const raw = event.body ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : undefined;
    const stored = await uploadAttachmentPart(deps, user, {
      callId: params.callId ?? '',
      uploadId: params.uploadId ?? '',
      part: params.part ?? '',
      body: raw,
    });
    return { statusCode: 201, body: stored };
  },
);
