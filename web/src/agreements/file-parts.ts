import { AGREEMENT_FILE_PART_BYTES } from '../../../shared/agreement-uploads.ts';
import { ApiError, type ApiErrorCode, KNOWN_ERROR_CODES, TIMEOUT_MS } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';
import './errors.ts';

/*
 * An agreement's PDF goes up in parts of 4 MiB, each its own request of raw bytes (one request of 10 MB
 * cannot reach the function: shared/agreement-uploads.ts), then one JSON request takes the file. The
 * signing page's signed copy goes this way (the panel's scan of the paper the same way, in a copy of its
 * own: admin/agreement-api.ts says why); lib/api.ts's JSON requests do not send raw bytes.
 */

const readError = reader<{ error: { code: string }; requestId?: string }>({
  error: { code: 'string' },
  'requestId?': 'string',
});

/**
 * Sends `file` to `${path}/{uploadId}/{part}`, part by part, and says what the request that takes it
 * names. A refused part is an ApiError with the API's code (a gateway's 413 is FILE_TOO_LARGE), a part
 * that does not arrive in time TIMEOUT (a 4 MiB part may take a minute on a rural link), else NETWORK.
 */
export async function sendInParts(
  path: string,
  file: Blob,
  headers: Record<string, string> = {},
): Promise<{ uploadId: string; parts: number }> {
  const uploadId = crypto.randomUUID();
  const parts = Math.max(1, Math.ceil(file.size / AGREEMENT_FILE_PART_BYTES));
  for (let part = 1; part <= parts; part += 1) {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, TIMEOUT_MS * 4);
    try {
      let response: Response;
      try {
        response = await fetch(`${path}/${uploadId}/${part}`, {
          method: 'PUT',
          headers: { accept: 'application/json', 'content-type': 'application/octet-stream', ...headers },
          body: file.slice((part - 1) * AGREEMENT_FILE_PART_BYTES, part * AGREEMENT_FILE_PART_BYTES),
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch (cause) {
        throw new ApiError(timedOut ? 'TIMEOUT' : 'NETWORK', { cause });
      }
      if (response.ok) continue;
      const parsed = readError(await response.json().catch(() => undefined));
      const code = parsed?.error.code;
      throw new ApiError(
        code && KNOWN_ERROR_CODES.has(code)
          ? (code as ApiErrorCode)
          : response.status === 413
            ? 'FILE_TOO_LARGE'
            : 'BAD_RESPONSE',
        {
          status: response.status,
          ...(parsed?.requestId === undefined ? {} : { requestId: parsed.requestId }),
        },
      );
    } finally {
      clearTimeout(timer);
    }
  }
  return { uploadId, parts };
}
