import type { TDeliverableView, TDeliverResponse } from '../../../shared/schemas/deliverables.ts';
import { ApiError, KNOWN_ERROR_CODES, requestJson, TIMEOUT_MS } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * A party's upload link (shared/schemas/deliverables.ts): the token as a Bearer header; the PDF in parts of
 * 4 MiB, each its own request (API Gateway takes 10 MB; a part base64-encoded is about 5.6 MB), sent by
 * XMLHttpRequest for its upload progress, which fetch does not report.
 */

export const MAX_BYTES = 10 * 1024 * 1024;
const PART_BYTES = 4 * 1024 * 1024;

const deliveredShape = { at: 'string', filename: 'string', size: 'number', sha256: 'string' } as const;
const readView = reader<TDeliverableView>({
  title: 'string',
  description: 'string',
  documentName: 'string',
  dueAt: 'string',
  open: 'boolean',
  'cancelled?': 'boolean',
  email: 'string',
  'delivered?': deliveredShape,
});
const readDelivered = reader<TDeliverResponse>({ delivered: deliveredShape, replaced: 'boolean' });
const readError = reader<{ error: { code: string; fields?: Record<string, string> }; requestId?: string }>({
  error: { code: 'string', 'fields?': { '*': 'string' } },
  'requestId?': 'string',
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function getDeliverable(token: string, signal?: AbortSignal): Promise<TDeliverableView> {
  return requestJson('/api/deliverables/current', readView, { headers: bearer(token), signal });
}

/** Whether the file starts as every PDF does ("%PDF-"): checked before a byte is sent. */
export async function looksLikePdf(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-';
}

/** One part by XMLHttpRequest, `onSent` told how many of its bytes have gone. */
function putPart(token: string, path: string, body: Blob, onSent: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', path);
    request.setRequestHeader('authorization', `Bearer ${token}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    // Silence, not length, times out: a slow link keeps sending.
    request.timeout = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = () => {
      clearTimeout(timer);
      timer = setTimeout(() => request.abort(), TIMEOUT_MS * 4);
    };
    wait();
    request.upload.onprogress = (event) => {
      wait();
      onSent(event.loaded);
    };
    request.onload = () => {
      clearTimeout(timer);
      if (request.status >= 200 && request.status < 300) return resolve();
      let parsed: ReturnType<typeof readError>;
      try {
        parsed = readError(JSON.parse(request.responseText));
      } catch {
        parsed = undefined;
      }
      reject(
        parsed && KNOWN_ERROR_CODES.has(parsed.error.code)
          ? new ApiError(parsed.error.code as never, {
              status: request.status,
              ...(parsed.error.fields ? { fields: parsed.error.fields } : {}),
              ...(parsed.requestId ? { requestId: parsed.requestId } : {}),
            })
          : new ApiError(request.status >= 502 ? 'DEPENDENCY_UNAVAILABLE' : 'BAD_RESPONSE', {
              status: request.status,
            }),
      );
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(new ApiError('NETWORK'));
    };
    request.onabort = () => reject(new ApiError('TIMEOUT'));
    request.send(body);
  });
}

/** Uploads `file` in parts, then puts them together as the party's document; `onProgress` in bytes sent. */
export async function deliverFile(
  token: string,
  file: File,
  onProgress: (sent: number) => void,
): Promise<TDeliverResponse> {
  const uploadId = crypto.randomUUID();
  const parts = Math.max(1, Math.ceil(file.size / PART_BYTES));
  for (let part = 1; part <= parts; part += 1) {
    const start = (part - 1) * PART_BYTES;
    await putPart(
      token,
      `/api/deliverables/current/uploads/${uploadId}/${part}`,
      file.slice(start, start + PART_BYTES),
      (bytes) => onProgress(start + bytes),
    );
  }
  onProgress(file.size);
  return requestJson('/api/deliverables/current', readDelivered, {
    method: 'POST',
    headers: bearer(token),
    body: { uploadId, parts, name: file.name.slice(0, 200) || 'dokument.pdf' },
  });
}
