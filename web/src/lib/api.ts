import * as z from 'zod/mini';
import type { ErrorCode } from '../../../shared/errors.ts';
import { ZErrorResponse } from '../../../shared/schemas/api.ts';
import { ZListedCall as ZSharedListedCall } from '../../../shared/schemas/programme.ts';

// Zod's object fast path compiles code with `new Function`; the CSP forbids that (and reports each attempt).
z.config({ jitless: true });

/** Failures that happen before the API can answer with its own code. */
export type ClientErrorCode = 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number | undefined;
  /** The API's request id, worth showing: it is what the helpdesk finds the logs by. */
  readonly requestId: string | undefined;
  /** Field errors: a dotted path within the request body → a message key (FIELD_MESSAGES). */
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ApiErrorCode,
    options: { status?: number; requestId?: string; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.fields = options.fields;
  }
}

/**
 * Rural links can stall for a long time; after 15 s a clerk is better served by a message and a retry
 * button than by a page that never finishes. (The TIMEOUT message in i18n.ts names the same 15 s.)
 */
export const TIMEOUT_MS = 15_000;

/*
 * The shared contracts are strict objects; the browser reads them leniently (unknown keys are dropped),
 * because a bundle cached before a deploy must keep working when the API starts sending a new field.
 */
const ZListedCall = z.object(ZSharedListedCall.shape);
const ZCallsResponse = z.object({ calls: z.array(ZListedCall) });
const ZCallResponse = z.object({ call: ZListedCall });
const ZLenientErrorResponse = z.object({
  error: z.object({ ...ZErrorResponse.shape.error.shape }),
  requestId: z.optional(z.string()),
});

export type ListedCall = z.infer<typeof ZListedCall>;

/** Gateways (CloudFront, API Gateway) answer these with their own non-JSON bodies. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/**
 * One request to the API, its JSON answer read with `schema`. Every failure becomes an ApiError whose code
 * the site translates; the API's own message is never shown.
 */
export async function requestJson<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const { signal, body: sent } = options;
  // A controller and a timer rather than AbortSignal.timeout + AbortSignal.any: the latter needs Chrome 116,
  // and Windows 7 laptops are stuck on Chrome 109. It also tells a timeout from the caller cancelling.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, TIMEOUT_MS);
  const cancel = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', cancel);

  // A caller's cancellation is rethrown as it is: nobody is waiting for a message about it.
  const failure = (fallback: ClientErrorCode, cause: unknown): unknown =>
    signal?.aborted ? cause : new ApiError(timedOut ? 'TIMEOUT' : fallback, { cause });

  try {
    let response: Response;
    try {
      response = await fetch(path, {
        method: options.method ?? 'GET',
        headers: {
          accept: 'application/json',
          ...(sent === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: sent === undefined ? null : JSON.stringify(sent),
        credentials: 'same-origin',
        signal: controller.signal,
      });
    } catch (cause) {
      throw failure('NETWORK', cause);
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (!response.ok && GATEWAY_STATUSES.has(response.status) && !signal?.aborted && !timedOut) {
        throw new ApiError('DEPENDENCY_UNAVAILABLE', { status: response.status, cause });
      }
      throw failure('BAD_RESPONSE', cause);
    }

    if (!response.ok) {
      const parsed = ZLenientErrorResponse.safeParse(body);
      if (parsed.success) {
        throw new ApiError(parsed.data.error.code, {
          status: response.status,
          requestId: parsed.data.requestId,
          fields: parsed.data.error.fields,
        });
      }
      throw new ApiError(GATEWAY_STATUSES.has(response.status) ? 'DEPENDENCY_UNAVAILABLE' : 'BAD_RESPONSE', {
        status: response.status,
      });
    }

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // Logged for whoever opens the console: a contract mismatch between this bundle and the API.
      console.error(`Unexpected response from ${path}`, parsed.error.issues);
      throw new ApiError('BAD_RESPONSE', { status: response.status, cause: parsed.error });
    }
    return parsed.data;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

/*
 * The list already holds everything the call page shows, so opening a call from the list costs no
 * second request on a slow link. Entries go stale after a few minutes, after which the page asks again.
 */
const LISTED_FRESH_MS = 5 * 60_000;
const listed = new Map<string, { call: ListedCall; at: number }>();

/** The open calls, soonest deadline first (the API sorts them). */
export async function listOpenCalls(signal?: AbortSignal): Promise<ListedCall[]> {
  const { calls } = await requestJson('/api/calls', ZCallsResponse, { signal });
  const at = Date.now();
  listed.clear();
  for (const call of calls) listed.set(call.id, { call, at });
  return calls;
}

export async function getCall(callId: string, signal?: AbortSignal): Promise<ListedCall> {
  const { call } = await requestJson(`/api/calls/${encodeURIComponent(callId)}`, ZCallResponse, { signal });
  return call;
}

/** A call seen in the list moments ago, if any: the call page shows it at once. */
export function recentlyListedCall(callId: string): ListedCall | undefined {
  const entry = listed.get(callId);
  return entry && Date.now() - entry.at < LISTED_FRESH_MS ? entry.call : undefined;
}

/** Call ids are slugs (see ZCall); anything else cannot exist, so it is "not found" without asking. */
export function isCallId(value: string): boolean {
  return /^[a-z0-9-]{3,64}$/.test(value);
}
