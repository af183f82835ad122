import { ZRemoveAttachmentRequest } from '../../shared/schemas/call-life.ts';
import { signedInUser } from '../domain/access.ts';
import { removeAttachment } from '../domain/call-attachments.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZRemoveAttachmentRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await removeAttachment(deps, user, {
      callId: params.callId ?? '',
      attachmentId: params.attachmentId ?? '',
      revision: body.revision,
    }),
  }),
);
