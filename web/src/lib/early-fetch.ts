/*
 * The data a page opened directly needs, asked for while the page's code is still downloading: on a slow
 * rural link the two round trips then overlap instead of following each other. Only GETs the page makes
 * first anyway; the first requestJson for the same address takes the request over (once), with its
 * timeout and cancellation.
 */

export interface EarlyRequest {
  response: Promise<Response>;
  /** Cancels the request, its body included. */
  abort(): void;
}

/**
 * An early answer not taken within this long of arriving is not used: the page never asked, and it may be
 * out of date. One still on its way is always taken over: on a very slow link, starting again would only
 * add the time already spent.
 */
const FRESH_MS = 10_000;

const early = new Map<string, EarlyRequest & { answeredAt?: number }>();

/** Starts a GET that requestJson(path) will take over. A failure here surfaces there, as its own would. */
export function fetchEarly(path: string): void {
  const controller = new AbortController();
  const response = fetch(path, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
    signal: controller.signal,
  });
  const request: EarlyRequest & { answeredAt?: number } = { response, abort: () => controller.abort() };
  response.then(
    () => {
      request.answeredAt = Date.now();
    },
    // A failure is not kept: the page's own request, a moment later, may well get through. (Nobody may
    // ever ask, either: a failure must not become an unhandled rejection.)
    () => {
      if (early.get(path) === request) early.delete(path);
    },
  );
  early.set(path, request);
}

export function takeEarly(path: string): EarlyRequest | undefined {
  const request = early.get(path);
  early.delete(path);
  if (request?.answeredAt !== undefined && Date.now() - request.answeredAt > FRESH_MS) {
    request.abort();
    return undefined;
  }
  return request;
}

/**
 * The routes whose page asks for its call first: the call page and the card form (app.tsx's
 * '/nabory/:callId' and '/nabory/:callId/zgloszenie/:step?'), with a call id that can exist (isCallId).
 */
const CALL_PAGE = /^\/nabory\/([a-z0-9-]{3,64})(?:\/zgloszenie(?:\/[^/]+)?)?\/*$/;

/** Starts the API request the page at `pathname` will make first, if it is worth starting early. */
export function fetchEarlyFor(pathname: string): void {
  const call = CALL_PAGE.exec(pathname);
  if (call) fetchEarly(`/api/calls/${call[1]}`);
}
