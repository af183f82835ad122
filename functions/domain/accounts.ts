import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  TAccount,
  TAccountChangeRequest,
  TAuditLogResponse,
  TNewAccountRequest,
  TOwnAccountResponse,
} from '../../shared/schemas/administration.ts';
import { warsawDate } from '../../shared/time.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { auditPut, readAuditMonth } from '../repositories/audit-log.ts';
import type { Db } from '../repositories/dynamo.ts';
import { endSessions, liveSessionsOf, sessionEnded } from '../repositories/sessions.ts';
import {
  type Account,
  createAccount,
  getAccount,
  listAccounts,
  updateAccount,
} from '../repositories/users.ts';
import { maySee, requireAccountInReach, requireLead, SESSION_IDLE_MINUTES } from './access.ts';

/**
 * The lead ROPS manages the coordinators' accounts of its programmes (add, change, disable — which ends
 * every session of the account at once — and enable again), and other lead accounts of its own ROPS: a
 * lead's reach follows from its own voivodeships (access.ts), so another lead account of the same
 * voivodeships reaches exactly what this one does, never more. Everyone sees their own account and live
 * sessions and may end the others; every change goes to the audit log, which the lead reads.
 */
type Deps = { db: Db; now: () => Date };

const IDLE_SECONDS = SESSION_IDLE_MINUTES * 60;
/** A transaction holds 100 writes; the account's own and its audit entries take the first few. */
const SESSIONS_PER_TRANSACTION = 90;

/** An account's address from the path: lower-cased; 400 naming `email` if it is none. */
export function accountEmail(value: string | undefined): string {
  const email = (value ?? '').trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new AppError('VALIDATION_FAILED', { fields: { email: 'email' } });
  return email;
}

function view(account: Account): TAccount {
  const { email, name, role, wojewodztwa, disabled, createdAt, lastSignInAt } = account;
  return {
    email,
    name,
    role,
    wojewodztwa,
    disabled,
    ...(createdAt ? { createdAt } : {}),
    ...(lastSignInAt ? { lastSignInAt } : {}),
  };
}

/** A lead account of the lead's own ROPS: its voivodeships all the lead's own. */
const ofOwnRops = (user: TAdminUser, wojewodztwa: readonly string[]) =>
  wojewodztwa.length > 0 && wojewodztwa.every((code) => user.ownWojewodztwa?.includes(code));

/** FORBIDDEN (naming `wojewodztwa`) unless a lead account in these voivodeships is of the lead's own ROPS. */
function requireOwnRops(user: TAdminUser, wojewodztwa: readonly string[]): void {
  if (!ofOwnRops(user, wojewodztwa))
    throw new AppError('FORBIDDEN', { fields: { wojewodztwa: 'lead_not_own' } });
}

/** The lead's own account, the other leads of its ROPS and the coordinators in its reach, by e-mail. */
export async function listManagedAccounts(deps: Deps, user: TAdminUser): Promise<TAccount[]> {
  requireLead(user);
  const accounts = await listAccounts(deps.db);
  return accounts
    .filter(
      (account) =>
        account.email === user.email ||
        (account.role === 'lead' && ofOwnRops(user, account.wojewodztwa)) ||
        (account.role === 'coordinator' && account.wojewodztwa.some((code) => maySee(user, code))),
    )
    .map(view);
}

/** A coordinator of the lead's programmes, or another lead account of its own ROPS. */
export async function addAccount(deps: Deps, user: TAdminUser, input: TNewAccountRequest): Promise<TAccount> {
  // Before anything is read: a coordinator, or a lead naming another programme's region (or another ROPS's
  // for a lead account), learns nothing.
  requireAccountInReach(user, input.wojewodztwa);
  const role = input.role ?? 'coordinator';
  if (role === 'lead') requireOwnRops(user, input.wojewodztwa);
  const now = deps.now();
  const account: Account = {
    email: input.email,
    name: input.name,
    role,
    wojewodztwa: input.wojewodztwa,
    disabled: false,
    createdAt: now.toISOString(),
  };
  const audit = auditPut(deps.db, {
    at: now,
    event: 'account-created',
    actor: user.email,
    subject: input.email,
    details: [
      `imię i nazwisko: ${input.name}`,
      `województwa: ${input.wojewodztwa.join(', ')}`,
      ...(role === 'lead' ? ['rola: lider projektu'] : []),
    ],
    wojewodztwa: input.wojewodztwa,
  });
  const { disabled: _, createdAt: __, ...stored } = account;
  if ((await createAccount(deps.db, stored, now, [audit])) === 'exists') {
    throw new AppError('CONFLICT', { fields: { email: 'taken' } });
  }
  return view(account);
}

/**
 * An account the lead may manage: a coordinator's with every voivodeship of it in the lead's reach, or
 * another lead account of its own ROPS (its own account is not managed here: a lead cannot disable itself
 * out of the panel). Read after the request's own voivodeships were allowed.
 */
async function managedAccount(deps: Deps, user: TAdminUser, email: string): Promise<Account> {
  const account = await getAccount(deps.db, email);
  if (!account) throw new AppError('NOT_FOUND');
  const managed =
    account.role === 'coordinator'
      ? account.wojewodztwa.every((code) => maySee(user, code))
      : account.email.toLowerCase() !== user.email.toLowerCase() && ofOwnRops(user, account.wojewodztwa);
  if (!managed) throw new AppError('FORBIDDEN');
  return account;
}

export async function changeAccount(
  deps: Deps,
  user: TAdminUser,
  email: string,
  input: TAccountChangeRequest,
): Promise<TAccount> {
  requireAccountInReach(user, input.wojewodztwa);
  const account = await managedAccount(deps, user, email);
  if (account.role === 'lead') requireOwnRops(user, input.wojewodztwa);
  const details = [
    ...(account.name !== input.name ? [`imię i nazwisko: ${account.name} → ${input.name}`] : []),
    ...(account.wojewodztwa.join() !== input.wojewodztwa.join()
      ? [`województwa: ${account.wojewodztwa.join(', ')} → ${input.wojewodztwa.join(', ')}`]
      : []),
  ];
  if (details.length === 0) return view(account);
  const now = deps.now();
  const audit = auditPut(deps.db, {
    at: now,
    event: 'account-changed',
    actor: user.email,
    subject: account.email,
    details,
    wojewodztwa: [...new Set([...account.wojewodztwa, ...input.wojewodztwa])],
  });
  const change = { name: input.name, wojewodztwa: input.wojewodztwa, disabled: account.disabled };
  if ((await updateAccount(deps.db, account, change, [audit])) === 'changed') throw new AppError('CONFLICT');
  return view({ ...account, ...change });
}

/**
 * Disables an account and ends every live session of it in the same transaction (a disabled account's
 * sessions are refused anyway, as getUser no longer finds it), or enables it again. Logged.
 */
export async function setAccountDisabled(
  deps: Deps,
  user: TAdminUser,
  email: string,
  disabled: boolean,
): Promise<TAccount & { sessionsEnded: number }> {
  requireLead(user);
  const account = await managedAccount(deps, user, email);
  if (account.disabled === disabled) return { ...view(account), sessionsEnded: 0 };
  const now = deps.now();
  const sessions = disabled ? await liveSessionsOf(deps.db, account.email, now, IDLE_SECONDS) : [];
  const first = sessions.slice(0, SESSIONS_PER_TRANSACTION);
  const audit = [
    auditPut(deps.db, {
      at: now,
      event: disabled ? 'account-disabled' : 'account-enabled',
      actor: user.email,
      subject: account.email,
      wojewodztwa: account.wojewodztwa,
    }),
    ...(sessions.length > 0
      ? [
          auditPut(deps.db, {
            at: now,
            event: 'sessions-revoked',
            actor: user.email,
            subject: account.email,
            details: [`zakończone sesje: ${sessions.length}`],
            wojewodztwa: account.wojewodztwa,
          }),
        ]
      : []),
  ];
  const change = { name: account.name, wojewodztwa: account.wojewodztwa, disabled };
  const ended = first.map((session) => sessionEnded(deps.db, session.sessionSha256, now));
  if ((await updateAccount(deps.db, account, change, [...audit, ...ended])) === 'changed')
    throw new AppError('CONFLICT');
  await endSessions(
    deps.db,
    sessions.slice(SESSIONS_PER_TRANSACTION).map((session) => session.sessionSha256),
    now,
  );
  return { ...view({ ...account, disabled }), sessionsEnded: sessions.length };
}

/** The signed-in user's own account and live sessions, the one this request came with marked. */
export async function ownAccount(
  deps: Deps,
  user: TAdminUser,
  session: string | undefined,
): Promise<TOwnAccountResponse> {
  const account = await getAccount(deps.db, user.email);
  if (!account) throw new AppError('SESSION_REQUIRED');
  const current = session ? sha256Hex(session) : '';
  const sessions = await liveSessionsOf(deps.db, user.email, deps.now(), IDLE_SECONDS);
  return {
    user,
    account: view(account),
    sessions: sessions.map((row) => ({
      id: row.sessionSha256.slice(0, 12),
      startedAt: row.startedAt,
      lastSeenAt: row.lastSeenAt,
      current: row.sessionSha256 === current,
    })),
  };
}

/** Ends every live session of the user but the one this request came with (a laptop left signed in). */
export async function endOtherSessions(
  deps: Deps,
  user: TAdminUser,
  session: string | undefined,
): Promise<{ sessionsEnded: number }> {
  const now = deps.now();
  const current = session ? sha256Hex(session) : '';
  const others = (await liveSessionsOf(deps.db, user.email, now, IDLE_SECONDS)).filter(
    (row) => row.sessionSha256 !== current,
  );
  if (others.length === 0) return { sessionsEnded: 0 };
  const audit = auditPut(deps.db, {
    at: now,
    event: 'sessions-revoked',
    actor: user.email,
    subject: user.email,
    details: [`zakończone sesje: ${others.length}`],
    wojewodztwa: user.ownWojewodztwa ?? user.wojewodztwa,
  });
  await endSessions(
    deps.db,
    others.map((row) => row.sessionSha256),
    now,
    [audit],
  );
  return { sessionsEnded: others.length };
}

/**
 * A month of the audit log (Warsaw calendar; the current one by default), newest first: the entries about
 * the lead's reach and its own.
 */
export async function readAuditLog(
  deps: Deps,
  user: TAdminUser,
  month: string | undefined,
): Promise<TAuditLogResponse> {
  requireLead(user);
  const chosen = month ?? warsawDate(deps.now()).slice(0, 7);
  const entries = await readAuditMonth(deps.db, chosen);
  return {
    month: chosen,
    entries: entries
      .filter((entry) => entry.actor === user.email || entry.wojewodztwa.some((code) => maySee(user, code)))
      .map(({ wojewodztwa: _, ...entry }) => entry),
  };
}
