import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardsPage,
  TAdminCardView,
  TAdminProgramme,
  TAdminUser,
  TCreateCallRequest,
} from '../../../shared/schemas/admin.ts';
import type { TCall } from '../../../shared/schemas/programme.ts';
import { callShape, requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * The coordinators' panel endpoints (shared/schemas/admin.ts lists them). The session travels in an
 * HttpOnly cookie the browser sends by itself (same origin), so no script here ever holds it.
 */

const userShape = { email: 'string', name: 'string', role: 'string', wojewodztwa: ['string'] } as const;
const rowShape = {
  teryt: 'string',
  gminaName: 'string',
  powiatName: 'string',
  kind: 'string',
  submittedAt: 'string',
  reference: 'string',
  status: 'string',
  version: 'number',
} as const;

const readUser = reader<{ user: TAdminUser }>({ user: userShape });
const readCalls = reader<TAdminCallsResponse>({
  user: userShape,
  calls: [{ id: 'string', title: 'string', wojewodztwa: ['string'], opensAt: 'string', closesAt: 'string' }],
});
const readPage = reader<TAdminCardsPage>({ cards: [rowShape], 'nextPageToken?': 'string' });
export type AdminCardView = TAdminCardView;
const readCard = reader<AdminCardView>({
  callId: 'string',
  callTitle: 'string',
  wojewodztwo: 'string',
  ...rowShape,
  updatedAt: 'string',
  sha256: 'string',
  summary: [{ title: 'string', rows: [['string']] }],
  versions: [{ version: 'number', receivedAt: 'string', sha256: 'string' }],
});
const readProgrammes = reader<{ programmes: TAdminProgramme[] }>({
  programmes: [{ id: 'string', name: 'string', wojewodztwa: ['string'] }],
});
const readCall = reader<TCall>(callShape);
const readAny = (body: unknown) => body;

export type AdminCall = TAdminCallsResponse['calls'][number];
export type AdminCardRow = TAdminCardRow;

/** 202 whether or not the address has an account: the answer says nothing about it. */
export async function requestSignInLink(email: string): Promise<void> {
  await requestJson('/api/admin/sign-in', readAny, { method: 'POST', body: { email } });
}

export async function startSession(token: string): Promise<TAdminUser> {
  const { user } = await requestJson('/api/admin/sessions', readUser, { method: 'POST', body: { token } });
  return user;
}

export async function signOut(): Promise<void> {
  await requestJson('/api/admin/sign-out', readAny, { method: 'POST' });
}

export function listCalls(signal?: AbortSignal): Promise<TAdminCallsResponse> {
  return requestJson('/api/admin/calls', readCalls, { signal });
}

export function listCards(
  input: { callId: string; wojewodztwo: string; pageToken?: string | undefined },
  signal?: AbortSignal,
): Promise<TAdminCardsPage> {
  const query = new URLSearchParams({ wojewodztwo: input.wojewodztwo });
  if (input.pageToken) query.set('pageToken', input.pageToken);
  return requestJson(`/api/admin/calls/${encodeURIComponent(input.callId)}/cards?${query}`, readPage, {
    signal,
  });
}

export function getCard(callId: string, teryt: string, signal?: AbortSignal): Promise<AdminCardView> {
  return requestJson(
    `/api/admin/cards/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}`,
    readCard,
    { signal },
  );
}

/** The programmes a call can be announced in, each with the voivodeships of it the user may choose. */
export async function listProgrammes(signal?: AbortSignal): Promise<TAdminProgramme[]> {
  return (await requestJson('/api/admin/programmes', readProgrammes, { signal })).programmes;
}

/** Announces a nabór; its times go as Warsaw wall-clock and come back as the instants stored. */
export function createCall(entry: TCreateCallRequest): Promise<TCall> {
  return requestJson('/api/admin/calls', readCall, { method: 'POST', body: entry });
}
