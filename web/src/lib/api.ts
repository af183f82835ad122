import type { ErrorCode } from '../../../shared/error-codes.ts';
import { ERROR_MESSAGES_PL } from '../../../shared/messages/errors-pl.ts';
import type { TErrorResponse } from '../../../shared/schemas/api.ts';
import type { TListedCall } from '../../../shared/schemas/programme.ts';
import { type EarlyRequest, takeEarly } from './early-fetch.ts';
import { reader } from './shape.ts';

/** Failures that happen before the API can answer with its own code. */
export type ClientErrorCode = 'TIMEOUT' | 'NETWORK' | 'BAD_RESPONSE';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

// Fields are declared, not defined: set in the constructor, they need no class-field helpers in the bundle.
export class ApiError extends Error {
  declare readonly code: ApiErrorCode;
  declare readonly status: number | undefined;
  /** The API's request id, worth showing: it is what the helpdesk finds the logs by. */
  declare readonly requestId: string | undefined;
  /** Field errors: a dotted path within the request body → a message key (FIELD_MESSAGES). */
  declare readonly fields: Readonly<Record<string, string>> | undefined;

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
 * The shared contracts are zod schemas the API checks its answers against; the browser reads them with the
 * small readers of shape.ts (unknown keys dropped, see there), so zod travels only with the card form.
 */
export type ListedCall = TListedCall;
/** A call as the API stores it (ZCall); the public lists add its programme's name. */
export const callShape = {
  id: 'string',
  programmeId: 'string',
  title: 'string',
  wojewodztwa: ['string'],
  gminaKinds: ['string'],
  opensAt: 'string',
  closesAt: 'string',
  formVersion: 'number',
  rules: 'string',
} as const;
const listedCallShape = { ...callShape, programmeName: 'string' } as const;
const readCalls = reader<{ calls: ListedCall[] }>({ calls: [listedCallShape] });
const readCall = reader<{ call: ListedCall }>({ call: listedCallShape });
type ErrorBody = { error: Omit<TErrorResponse['error'], 'message'>; requestId?: string };
const readError = reader<ErrorBody>({
  error: { code: 'string', 'fields?': { '*': 'string' } },
  'requestId?': 'string',
});

/**
 * The codes this bundle has words for: those of shared/messages (each language has the same keys), and those
 * a page adds with its own words (agreements/errors.ts: the agreements' codes travel with their pages, not in
 * every page's first download). A code this bundle does not know (a newer API) is a bad response.
 */
export const KNOWN_ERROR_CODES: Set<string> = new Set(Object.keys(ERROR_MESSAGES_PL));

/** Gateways (CloudFront, API Gateway) answer these with their own non-JSON bodies. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** How long the server may stay silent: before its answer starts, and between two parts of it. */
  timeoutMs?: number;
}

/**
 * One request to the API, its JSON answer read with `schema`. Every failure becomes an ApiError whose code
 * the site translates; the API's own message is never shown.
 */
export async function requestJson<T>(
  path: string,
  read: (body: unknown) => T | undefined,
  options: RequestOptions = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  // The API takes a change only as JSON, so one with nothing to say sends `{}` (functions/lib/http.ts).
  const sent = options.body === undefined && method !== 'GET' ? {} : options.body;
  const { signal } = options;
  // A controller and a timer rather than AbortSignal.timeout + AbortSignal.any: the latter needs Chrome 116,
  // and Windows 7 laptops are stuck on Chrome 109. It also tells a timeout from the caller cancelling.
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Silence, not length, is what times out: on a rural link the register (22 KB) can take longer than
  // 15 s to arrive while arriving all the time, and failing it then would only start it again.
  const wait = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeoutMs ?? TIMEOUT_MS);
  };
  wait();
  const cancel = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener('abort', cancel);

  // A caller's cancellation is rethrown as it is: nobody is waiting for a message about it.
  const failure = (fallback: ClientErrorCode, cause: unknown): unknown =>
    signal?.aborted ? cause : new ApiError(timedOut ? 'TIMEOUT' : fallback, { cause });

  try {
    let response: Response;
    try {
      const started = !options.method && !options.headers && sent === undefined ? takeEarly(path) : undefined;
      response = await (started
        ? takeOver(started, controller.signal)
        : fetch(path, {
            method,
            headers: {
              accept: 'application/json',
              ...(sent === undefined ? {} : { 'content-type': 'application/json' }),
              ...options.headers,
            },
            body: sent === undefined ? null : JSON.stringify(sent),
            credentials: 'same-origin',
            signal: controller.signal,
          }));
    } catch (cause) {
      throw failure('NETWORK', cause);
    }

    let body: unknown;
    try {
      body = JSON.parse(await readBody(response, wait));
    } catch (cause) {
      if (!response.ok && GATEWAY_STATUSES.has(response.status) && !signal?.aborted && !timedOut) {
        throw new ApiError('DEPENDENCY_UNAVAILABLE', { status: response.status, cause });
      }
      throw failure('BAD_RESPONSE', cause);
    }

    if (!response.ok) {
      const parsed = readError(body);
      // A code this bundle does not know (a newer API) has no message here: it is a bad response.
      if (parsed && KNOWN_ERROR_CODES.has(parsed.error.code)) {
        throw new ApiError(parsed.error.code, {
          status: response.status,
          // The whole body: a page that shows more of it reads it there (the check page: the ROPS's contact).
          cause: body,
          ...(parsed.requestId === undefined ? {} : { requestId: parsed.requestId }),
          ...(parsed.error.fields === undefined ? {} : { fields: parsed.error.fields }),
        });
      }
      throw new ApiError(GATEWAY_STATUSES.has(response.status) ? 'DEPENDENCY_UNAVAILABLE' : 'BAD_RESPONSE', {
        status: response.status,
      });
    }

    const parsed = read(body);
    if (parsed === undefined) {
      // Logged for whoever opens the console: a contract mismatch between this bundle and the API.
      console.error(`Unexpected response from ${path}`, body);
      throw new ApiError('BAD_RESPONSE', { status: response.status });
    }
    return parsed;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}

/**
 * A request started by early-fetch.ts, made this request's own: given up on, and cancelled (its body
 * too), when `signal` aborts, i.e. on the timeout or when the caller leaves.
 */
/** The answer's text, calling `progress` as each part of it arrives. */
async function readBody(response: Response, progress: () => void): Promise<string> {
  progress();
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    progress();
    text += decoder.decode(value, { stream: true });
  }
}

function takeOver(request: EarlyRequest, signal: AbortSignal): Promise<Response> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      request.abort();
      reject(signal.reason);
    };
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    request.response.then(resolve, reject);
  });
}

/*
 * The list already holds everything the call page shows, so opening a call from the list costs no
 * second request on a slow link. Entries go stale after a few minutes, after which the page asks again.
 */
const LISTED_FRESH_MS = 5 * 60_000;
const listed = new Map<string, { call: ListedCall; at: number }>();

/** The open calls, soonest deadline first (the API sorts them). */
export async function listOpenCalls(signal?: AbortSignal): Promise<ListedCall[]> {
  const { calls } = await requestJson('/api/calls', readCalls, { signal });
  const at = Date.now();
  listed.clear();
  for (const call of calls) listed.set(call.id, { call, at });
  return calls;
}

export async function getCall(callId: string, signal?: AbortSignal): Promise<ListedCall> {
  const { call } = await requestJson(`/api/calls/${encodeURIComponent(callId)}`, readCall, { signal });
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
