import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardsPage,
  TAdminCardView,
  TAdminProgramme,
  TAdminUser,
  TCreateCallRequest,
} from '../../../shared/schemas/admin.ts';
import type {
  TAccount,
  TAccountChangeRequest,
  TAccountsResponse,
  TAuditLogResponse,
  TNewAccountRequest,
  TOwnAccountResponse,
} from '../../../shared/schemas/administration.ts';
import type { TCall, TProgramme } from '../../../shared/schemas/programme.ts';
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

// Administration (issue 17): one's own account and sessions; the lead's accounts, audit log and programmes.
const accountShape = {
  email: 'string',
  name: 'string',
  role: 'string',
  wojewodztwa: ['string'],
  disabled: 'boolean',
  'createdAt?': 'string',
  'lastSignInAt?': 'string',
} as const;
const adminUserShape = { ...userShape, 'programmes?': ['string'], 'ownWojewodztwa?': ['string'] } as const;
const readOwnAccount = reader<TOwnAccountResponse>({
  user: adminUserShape,
  account: accountShape,
  sessions: [{ id: 'string', startedAt: 'string', lastSeenAt: 'string', current: 'boolean' }],
});
const readAccounts = reader<TAccountsResponse>({ accounts: [accountShape] });
const readAccount = reader<TAccount & { sessionsEnded?: number }>({
  ...accountShape,
  'sessionsEnded?': 'number',
});
const readEnded = reader<{ sessionsEnded: number }>({ sessionsEnded: 'number' });
const readAudit = reader<TAuditLogResponse>({
  month: 'string',
  entries: [{ at: 'string', event: 'string', actor: 'string', subject: 'string', details: ['string'] }],
});
const programmeShape = {
  id: 'string',
  name: 'string',
  description: 'string',
  leadWojewodztwo: 'string',
  wojewodztwa: ['string'],
  gminaKinds: ['string'],
  startsOn: 'string',
  endsOn: 'string',
  milestones: [{ number: 'number', name: 'string', startsOn: 'string', endsOn: 'string' }],
} as const;
const readProgramme = reader<{ programme: TProgramme }>({ programme: programmeShape });

export function getOwnAccount(signal?: AbortSignal): Promise<TOwnAccountResponse> {
  return requestJson('/api/admin/account', readOwnAccount, { signal });
}

export function endOtherSessions(): Promise<{ sessionsEnded: number }> {
  return requestJson('/api/admin/account/end-other-sessions', readEnded, { method: 'POST', body: {} });
}

export function listAccounts(signal?: AbortSignal): Promise<TAccountsResponse> {
  return requestJson('/api/admin/accounts', readAccounts, { signal });
}

export function addAccount(input: TNewAccountRequest): Promise<TAccount> {
  return requestJson('/api/admin/accounts', readAccount, { method: 'POST', body: input });
}

const accountPath = (email: string) => `/api/admin/accounts/${encodeURIComponent(email)}`;

export function changeAccount(email: string, input: TAccountChangeRequest): Promise<TAccount> {
  return requestJson(accountPath(email), readAccount, { method: 'PUT', body: input });
}

export function setAccountDisabled(
  email: string,
  disabled: boolean,
): Promise<TAccount & { sessionsEnded?: number }> {
  return requestJson(`${accountPath(email)}/${disabled ? 'disable' : 'enable'}`, readAccount, {
    method: 'POST',
    body: {},
  });
}

export function readAuditLog(month: string | undefined, signal?: AbortSignal): Promise<TAuditLogResponse> {
  const query = month ? `?${new URLSearchParams({ month })}` : '';
  return requestJson(`/api/admin/audit-log${query}`, readAudit, { signal });
}

export async function getAdminProgramme(id: string, signal?: AbortSignal): Promise<TProgramme> {
  return (await requestJson(`/api/admin/programmes/${encodeURIComponent(id)}`, readProgramme, { signal }))
    .programme;
}

export async function saveProgramme(programme: TProgramme): Promise<TProgramme> {
  return (
    await requestJson(`/api/admin/programmes/${encodeURIComponent(programme.id)}`, readProgramme, {
      method: 'PUT',
      body: programme,
    })
  ).programme;
}
