import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardsPage,
  TAdminCardView,
  TAdminProgramme,
  TAdminUser,
} from '../../../shared/schemas/admin.ts';
import type {
  TAccount,
  TAccountChangeRequest,
  TAccountsResponse,
  TAuditLogResponse,
  TNewAccountRequest,
  TOwnAccountResponse,
} from '../../../shared/schemas/administration.ts';
import type { TProgramme } from '../../../shared/schemas/programme.ts';
import type {
  TCancelDeadlineRequest,
  TCreateDeadlineRequest,
  TDeadline,
  TDeadlinesResponse,
  TListedDeadline,
  TReminderPreviewResponse,
  TSentRemindersResponse,
  TSuppressedAddressesResponse,
  TUpcomingRemindersResponse,
  TUpdateDeadlineRequest,
} from '../../../shared/schemas/reminders.ts';
import type {
  TCallRules,
  TCorrectionRequest,
  TDecisionRequest,
  TFormalCheckRequest,
  TPutRulesRequest,
  TReviewStepResult,
  TScoreRequest,
} from '../../../shared/schemas/review.ts';
import type {
  TCallDashboard,
  TRankingResponse,
  TRankingSettingsRequest,
  TStoredRankingSettings,
} from '../../../shared/schemas/review-lists.ts';
import { requestJson } from '../lib/api.ts';
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
const listRowShape = {
  ...rowShape,
  reviewStatus: 'string',
  'scoreTotal?': 'number',
  scoreComplete: 'boolean',
  channel: 'string',
} as const;
const scoreShape = {
  ruleSetVersion: 'number',
  criteria: [
    {
      id: 'string',
      label: 'string',
      kind: 'string',
      'input?': { value: 'number', unit: 'string', 'year?': 'number', source: 'string' },
      rule: 'string',
      points: 'number',
      maxPoints: 'number',
      'justification?': 'string',
    },
  ],
  total: 'number',
  maxTotal: 'number',
  missing: ['string'],
} as const;
const reviewShape = {
  status: 'string',
  revision: 'number',
  checklist: [{ id: 'string', 'ok?': 'boolean', 'reason?': 'string' }],
  'correction?': { what: 'string', until: 'string', requestedAt: 'string', requestedBy: 'string' },
  score: scoreShape,
  notes: [{ at: 'string', by: 'string', text: 'string' }],
  audit: [
    { at: 'string', by: 'string', action: 'string', 'from?': 'string', 'to?': 'string', 'reason?': 'string' },
  ],
  changes: [{ version: 'number', fields: [{ path: 'string', before: 'string', after: 'string' }] }],
  warnings: [{ code: 'string', message: 'string' }],
} as const;
const bandShape = { 'from?': 'number', 'below?': 'number', points: 'number' } as const;
const rulesShape = {
  callId: 'string',
  rules: {
    version: 'number',
    criteria: [
      {
        id: 'string',
        kind: 'string',
        label: 'string',
        'measure?': 'string',
        'source?': 'string',
        'bands?': [bandShape],
        'maxPoints?': 'number',
        'points?': 'number',
        'guidance?': 'string',
      },
    ],
    tieBreak: 'string',
  },
  frozen: 'boolean',
  stored: 'boolean',
} as const;
const settingsShape = {
  seats: 'number',
  reserveSize: 'number',
  'quotas?': [{ name: 'string', powiatCodes: ['string'], seats: 'number' }],
  revision: 'number',
  updatedAt: 'string',
  updatedBy: 'string',
} as const;
const gminaRefShape = { teryt: 'string', gminaName: 'string' } as const;
const rankingShape = {
  callId: 'string',
  wojewodztwo: 'string',
  'settings?': settingsShape,
  ranked: [
    {
      teryt: 'string',
      gminaName: 'string',
      powiatCode: 'string',
      powiatName: 'string',
      submittedAt: 'string',
      scoreTotal: 'number',
      position: 'number',
      'group?': 'string',
      'proposal?': 'string',
      status: 'string',
    },
  ],
  unscored: 'number',
  replacements: [{ resigned: gminaRefShape, 'group?': 'string', 'candidate?': gminaRefShape }],
} as const;
const dashboardShape = {
  callId: 'string',
  callTitle: 'string',
  wojewodztwa: [
    {
      wojewodztwo: 'string',
      cards: 'number',
      byStatus: { '*': 'number' },
      selected: 'number',
      reserve: 'number',
    },
  ],
} as const;

const readUser = reader<{ user: TAdminUser }>({ user: userShape });
const readCalls = reader<TAdminCallsResponse>({
  user: userShape,
  calls: [{ id: 'string', title: 'string', wojewodztwa: ['string'], opensAt: 'string', closesAt: 'string' }],
});
const readPage = reader<TAdminCardsPage>({
  cards: [listRowShape],
  total: 'number',
  counts: { '*': 'number' },
  'nextPageToken?': 'string',
});
export type AdminCardView = TAdminCardView;
const voidShape = { at: 'string', by: 'string', reason: 'string' } as const;
const readCard = reader<AdminCardView>({
  callId: 'string',
  callTitle: 'string',
  wojewodztwo: 'string',
  ...rowShape,
  updatedAt: 'string',
  sha256: 'string',
  summary: [{ title: 'string', rows: [['string']] }],
  versions: [{ version: 'number', receivedAt: 'string', sha256: 'string' }],
  review: reviewShape,
  // A card registered from post or e-mail: how and when it came, who typed it in, its scan.
  'registration?': {
    channel: 'string',
    receivedOn: 'string',
    registeredAt: 'string',
    registeredBy: 'string',
    scan: { href: 'string', sha256: 'string', size: 'number', contentType: 'string' },
  },
  // Issue 13: this card's void, and the gmina's cards voided before it in this call.
  'voided?': voidShape,
  'voidedCards?': [
    {
      reference: 'string',
      submittedAt: 'string',
      channel: 'string',
      contact: { name: 'string', position: 'string', email: 'string', phone: 'string' },
      versions: [{ version: 'number', receivedAt: 'string', sha256: 'string' }],
      voided: voidShape,
    },
  ],
});
const readStep = reader<TReviewStepResult>({ status: 'string', revision: 'number' });
const readRules = reader<TCallRules>(rulesShape);
const readRanking = reader<TRankingResponse>(rankingShape);
const readSettings = reader<TStoredRankingSettings>(settingsShape);
const readDashboard = reader<TCallDashboard>(dashboardShape);
const readProgrammes = reader<{ programmes: TAdminProgramme[] }>({
  programmes: [{ id: 'string', name: 'string', wojewodztwa: ['string'] }],
});
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

/** The list's filters and order as the API's query names them; empty ones are left out. */
export interface CardFilters {
  status?: string | undefined;
  powiat?: string | undefined;
  kind?: string | undefined;
  sort?: string | undefined;
  q?: string | undefined;
}

export function listCards(
  input: { callId: string; wojewodztwo: string; pageToken?: string | undefined; filters?: CardFilters },
  signal?: AbortSignal,
): Promise<TAdminCardsPage> {
  const query = new URLSearchParams({ wojewodztwo: input.wojewodztwo });
  for (const [name, value] of Object.entries(input.filters ?? {})) if (value) query.set(name, value);
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
  // Kept though the form does not show them: a programme is saved whole, and these would be lost.
  'retainUntil?': 'string',
  'cardLinkDays?': 'number',
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

export async function createProgramme(programme: TProgramme): Promise<TProgramme> {
  return (await requestJson('/api/admin/programmes', readProgramme, { method: 'POST', body: programme }))
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

const cardPath = (callId: string, teryt: string) =>
  `/api/admin/cards/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}`;
const callPath = (callId: string) => `/api/admin/calls/${encodeURIComponent(callId)}`;

/*
 * The review's writes: each names the revision of the card the screen read (409 CONFLICT when another
 * coordinator changed it meanwhile) and answers where the card now stands.
 */
export function formalCheck(callId: string, teryt: string, request: TFormalCheckRequest) {
  return requestJson(`${cardPath(callId, teryt)}/formal-check`, readStep, { method: 'POST', body: request });
}

export function requestCorrection(callId: string, teryt: string, request: TCorrectionRequest) {
  return requestJson(`${cardPath(callId, teryt)}/correction`, readStep, { method: 'POST', body: request });
}

export function addNote(callId: string, teryt: string, text: string) {
  return requestJson(`${cardPath(callId, teryt)}/notes`, readStep, { method: 'POST', body: { text } });
}

export function scoreCard(callId: string, teryt: string, request: TScoreRequest) {
  return requestJson(`${cardPath(callId, teryt)}/score`, readStep, { method: 'PUT', body: request });
}

export function decideCard(callId: string, teryt: string, request: TDecisionRequest) {
  return requestJson(`${cardPath(callId, teryt)}/decision`, readStep, { method: 'POST', body: request });
}

/** The call's scoring rules, reached through one of the user's voivodeships of the call. */
export function getRules(callId: string, wojewodztwo: string, signal?: AbortSignal): Promise<TCallRules> {
  return requestJson(`${callPath(callId)}/rules?${new URLSearchParams({ wojewodztwo })}`, readRules, {
    signal,
  });
}

export function putRules(
  callId: string,
  wojewodztwo: string,
  request: TPutRulesRequest,
): Promise<TCallRules> {
  return requestJson(`${callPath(callId)}/rules?${new URLSearchParams({ wojewodztwo })}`, readRules, {
    method: 'PUT',
    body: request,
  });
}

export function getRanking(
  callId: string,
  wojewodztwo: string,
  signal?: AbortSignal,
): Promise<TRankingResponse> {
  return requestJson(`${callPath(callId)}/ranking?${new URLSearchParams({ wojewodztwo })}`, readRanking, {
    signal,
  });
}

export function putRankingSettings(
  callId: string,
  wojewodztwo: string,
  /** With the revision of the settings as read (0 when none were stored): 409 CONFLICT if stale. */
  settings: TRankingSettingsRequest,
): Promise<TStoredRankingSettings> {
  return requestJson(
    `${callPath(callId)}/ranking/settings?${new URLSearchParams({ wojewodztwo })}`,
    readSettings,
    { method: 'PUT', body: settings },
  );
}

export function getDashboard(callId: string, signal?: AbortSignal): Promise<TCallDashboard> {
  return requestJson(`${callPath(callId)}/dashboard`, readDashboard, { signal });
}

/** A plain link: the browser downloads the file with the session cookie; without a voivodeship, all. */
export function exportHref(callId: string, wojewodztwo?: string): string {
  return `${callPath(callId)}/export.csv${wojewodztwo ? `?${new URLSearchParams({ wojewodztwo })}` : ''}`;
}

/*
 * Reminders before deadlines (shared/schemas/reminders.ts): the next 30 days' sends, the log of sent ones,
 * the addresses no longer reached, a deadline's e-mail previewed or sent to oneself, a coordinator's own
 * deadline. Each names one voivodeship, which the API checks before it reads.
 */
const readUpcoming = reader<TUpcomingRemindersResponse>({
  reminders: [
    {
      deadlineId: 'string',
      kind: 'string',
      title: 'string',
      dueAt: 'string',
      sendAt: 'string',
      offsetDays: 'number',
      wojewodztwa: ['string'],
      audience: ['string'],
      recipients: 'number',
      addresses: [{ email: 'string', role: 'string' }],
    },
  ],
});
const readSent = reader<TSentRemindersResponse>({
  reminders: [
    {
      deadlineId: 'string',
      title: 'string',
      offsetDays: 'number',
      recipient: 'string',
      role: 'string',
      wojewodztwo: 'string',
      status: 'string',
      'reason?': 'string',
      'delivery?': 'string',
      claimedAt: 'string',
      'sentAt?': 'string',
    },
  ],
});
const readSuppressed = reader<TSuppressedAddressesResponse>({
  addresses: [{ email: 'string', role: 'string', reason: 'string', at: 'string' }],
});
const readPreview = reader<TReminderPreviewResponse>({ subject: 'string', text: 'string', html: 'string' });
const readTestSent = reader<{ sentTo: string; subject: string }>({ sentTo: 'string', subject: 'string' });
const readCreatedDeadline = reader<{ deadline: Pick<TDeadline, 'id' | 'title' | 'dueAt' | 'sends'> }>({
  deadline: {
    id: 'string',
    title: 'string',
    dueAt: 'string',
    sends: [{ offsetDays: 'number', at: 'string' }],
  },
});

// The listed deadline's `deliverable` is read as its name only: what the panel shows of it.
const listedDeadlineShape = {
  id: 'string',
  kind: 'string',
  title: 'string',
  description: 'string',
  dueAt: 'string',
  wojewodztwa: ['string'],
  'callId?': 'string',
  'programmeId?': 'string',
  audience: ['string'],
  policy: { offsetsDays: ['number'], hour: 'number', avoidDaysOff: 'boolean' },
  optional: 'boolean',
  sends: [{ offsetDays: 'number', at: 'string' }],
  'deliverable?': { name: 'string' },
  revision: 'number',
  editable: 'boolean',
  'createdBy?': 'string',
} as const;
const readDeadlinesAhead = reader<TDeadlinesResponse>({ deadlines: [listedDeadlineShape] });
const readChangedDeadline = reader<{ deadline: TListedDeadline }>({ deadline: listedDeadlineShape });
const readCancelled = reader<{ cancelled: string; cancelledAt: string }>({
  cancelled: 'string',
  cancelledAt: 'string',
});

const inVoivodeship = (wojewodztwo: string, more: Record<string, string> = {}) =>
  new URLSearchParams({ wojewodztwo, ...more }).toString();

export function getUpcomingReminders(wojewodztwo: string, signal?: AbortSignal) {
  return requestJson(`/api/admin/reminders/upcoming?${inVoivodeship(wojewodztwo)}`, readUpcoming, { signal });
}

export function getSentReminders(wojewodztwo: string, signal?: AbortSignal) {
  return requestJson(`/api/admin/reminders/sent?${inVoivodeship(wojewodztwo)}`, readSent, { signal });
}

export function getSuppressedAddresses(wojewodztwo: string, signal?: AbortSignal) {
  return requestJson(`/api/admin/reminders/suppressed?${inVoivodeship(wojewodztwo)}`, readSuppressed, {
    signal,
  });
}

export function getReminderPreview(wojewodztwo: string, deadlineId: string, signal?: AbortSignal) {
  return requestJson(
    `/api/admin/reminders/preview?${inVoivodeship(wojewodztwo, { deadlineId })}`,
    readPreview,
    { signal },
  );
}

export function sendTestReminder(deadlineId: string) {
  return requestJson('/api/admin/reminders/test', readTestSent, { method: 'POST', body: { deadlineId } });
}

export async function createDeadline(request: TCreateDeadlineRequest) {
  return (
    await requestJson('/api/admin/reminders/deadlines', readCreatedDeadline, {
      method: 'POST',
      body: request,
    })
  ).deadline;
}

/** Every deadline of the voivodeship still ahead, soonest first, months away too. */
export async function getDeadlinesAhead(wojewodztwo: string, signal?: AbortSignal) {
  return (
    await requestJson(`/api/admin/reminders/deadlines?${inVoivodeship(wojewodztwo)}`, readDeadlinesAhead, {
      signal,
    })
  ).deadlines;
}

const deadlinePath = (deadlineId: string) =>
  `/api/admin/reminders/deadlines/${encodeURIComponent(deadlineId)}`;

/** A coordinator's own deadline changed over the revision read (CONFLICT naming `revision` when stale). */
export async function updateDeadline(deadlineId: string, request: TUpdateDeadlineRequest) {
  return (await requestJson(deadlinePath(deadlineId), readChangedDeadline, { method: 'PUT', body: request }))
    .deadline;
}

/** A coordinator's own deadline called off over the revision read: nothing more is sent for it. */
export function cancelDeadline(deadlineId: string, request: TCancelDeadlineRequest) {
  return requestJson(`${deadlinePath(deadlineId)}/cancellation`, readCancelled, {
    method: 'POST',
    body: request,
  });
}
