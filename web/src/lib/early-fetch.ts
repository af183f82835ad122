/*
 * The data a page opened directly needs, asked for while the page's code is still downloading: on a slow
 * rural link the two round trips then overlap instead of following each other. Only GETs the page makes
 * anyway; the first request for the same address takes the answer (once), see requestJson.
 */
const early = new Map<string, Promise<Response>>();

/** Starts a GET that requestJson(path) will pick up. A failure here surfaces there, as its own would. */
export function fetchEarly(path: string): void {
  const response = fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  // Nobody may ever ask (the clerk leaves first): a failure must not become an unhandled rejection.
  response.catch(() => {});
  early.set(path, response);
}

export function takeEarly(path: string): Promise<Response> | undefined {
  const response = early.get(path);
  early.delete(path);
  return response;
}

/** The API data the page at `pathname` will ask for first, if it is worth starting early. */
export function fetchEarlyFor(pathname: string): void {
  // The call page and the card form (/nabory/:callId/...) both start from the call.
  const call = /^\/nabory\/([a-z0-9-]{3,64})(?:\/|$)/.exec(pathname);
  if (call) fetchEarly(`/api/calls/${call[1]}`);
}
