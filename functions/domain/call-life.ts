import { createHash } from 'node:crypto';
import { callFromWarsawTimes } from '../../shared/calls.ts';
import { gminaIneligibility } from '../../shared/eligibility.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  TCallOverlap,
  TCancelCallRequest,
  TEditCallRequest,
  TExtendCallRequest,
  TInviteRequest,
} from '../../shared/schemas/call-life.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { formatWarsaw, warsawLocalToInstant } from '../../shared/time.ts';
import { AppError } from '../lib/errors.ts';
import { type CallJob, callJobPut, finishCallJob, listPendingCallJobs } from '../repositories/call-jobs.ts';
import {
  type CallAuditEntry,
  callAuditPut,
  callMailPut,
  getCall,
  getStoredCall,
  invitationPut,
  listCallAudit,
  listCallContacts,
  listInvitations,
  listProgrammeCallsClosingAfter,
  queueCallMails,
  type StoredCall,
  saveCallChange,
} from '../repositories/calls.ts';
import type { TransactItem } from '../repositories/document.ts';
import { extendDraftsOfCall } from '../repositories/drafts.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getOffice } from '../repositories/offices.ts';
import type { OutboxKey } from '../repositories/outbox.ts';
import { getProgramme } from '../repositories/programmes.ts';
import { requireVoivodeships } from './access.ts';

/**
 * A call over its life (issue 17): edited before it opens, its closing extended once open, cancelled,
 * by invitation; its attachments are in call-attachments.ts. Every change is one transaction over the
 * call's head and its copies (repositories/calls.ts), conditioned on the revision the panel read.
 *
 * Access: a call is changed by whoever reaches every one of its voivodeships (the coordinator of a
 * one-voivodeship call, the lead of its programme); the head is the one thing read before deciding it.
 */

export type CallLifeDeps = {
  db: Db;
  now: () => Date;
  siteUrl: string;
  /**
   * Runs a change's job right after its commit (runCallJob). Tests put a crash here: a function dying
   * between the commit and the job's first write cannot be caused for real.
   */
  runJob?: (deps: CallLifeDeps, job: CallJob) => Promise<number>;
};

/** The call's head, after access: NOT_FOUND for none, FORBIDDEN outside the user's reach. */
export async function callInReach(db: Db, user: TAdminUser, callId: string): Promise<StoredCall> {
  const stored = await getStoredCall(db, callId);
  if (!stored) throw new AppError('CALL_NOT_FOUND');
  requireVoivodeships(user, stored.call.wojewodztwa);
  return stored;
}

/** 409 CONFLICT naming why the call cannot take the change: `{ call: 'cancelled' | 'already_open' | … }`. */
function refuse(why: 'cancelled' | 'already_open' | 'not_open' | 'closed'): AppError {
  return new AppError('CONFLICT', { fields: { call: why } });
}

const stale = () => new AppError('CONFLICT', { fields: { revision: 'stale' } });

function requireRevision(call: TCall, revision: number): void {
  if ((call.revision ?? 0) !== revision) throw stale();
}

const invalid = (fields: Record<string, string>) => new AppError('VALIDATION_FAILED', { fields });

/** A deadline given to the minute lasts to that minute's end (as announcing does, shared/calls.ts). */
const closingOf = (local: string) => new Date(warsawLocalToInstant(local).getTime() + 59_999).toISOString();

/**
 * Calls of the same programme for a shared voivodeship and gmina kind whose dates overlap `call`'s
 * (cancelled ones and the call itself apart): a warning the panel shows, never a refusal — two calls of one
 * kind at once may be meant (a second round), but are more often a slip.
 */
export async function findOverlaps(db: Db, call: TCall): Promise<TCallOverlap[]> {
  const candidates = await listProgrammeCallsClosingAfter(db, call.programmeId, call.opensAt);
  return candidates
    .filter(
      (other) =>
        other.id !== call.id &&
        !other.cancelled &&
        other.opensAt < call.closesAt &&
        other.wojewodztwa.some((code) => call.wojewodztwa.includes(code)) &&
        other.gminaKinds.some((kind) => call.gminaKinds.includes(kind)),
    )
    .map(({ id, title, wojewodztwa, gminaKinds, opensAt, closesAt }) => ({
      id,
      title,
      wojewodztwa,
      gminaKinds,
      opensAt,
      closesAt,
    }));
}

/** The call as the panel manages it: the public call, its log, invitations and overlapping calls. */
export async function callForManaging(deps: { db: Db; now: () => Date }, user: TAdminUser, callId: string) {
  const stored = await callInReach(deps.db, user, callId);
  const [history, invitations, overlaps] = await Promise.all([
    listCallAudit(deps.db, callId),
    listInvitations(deps.db, callId),
    findOverlaps(deps.db, stored.call),
  ]);
  return { call: stored.call, history, invitations, overlaps };
}

function changes(before: TCall, after: TCall): string[] {
  const said: string[] = [];
  if (before.title !== after.title) said.push(`tytuł: ${before.title} → ${after.title}`);
  if (before.opensAt !== after.opensAt)
    said.push(`otwarcie: ${formatWarsaw(before.opensAt)} → ${formatWarsaw(after.opensAt)}`);
  if (before.closesAt !== after.closesAt)
    said.push(`zamknięcie: ${formatWarsaw(before.closesAt)} → ${formatWarsaw(after.closesAt)}`);
  if (before.wojewodztwa.join() !== after.wojewodztwa.join())
    said.push(`województwa: ${before.wojewodztwa.join(', ')} → ${after.wojewodztwa.join(', ')}`);
  if (before.gminaKinds.join() !== after.gminaKinds.join())
    said.push(`rodzaje gmin: ${before.gminaKinds.join(', ')} → ${after.gminaKinds.join(', ')}`);
  if (before.rules !== after.rules) said.push('zasady naboru zmienione');
  return said;
}

/**
 * Before it opens, a call's title, dates, voivodeships, kinds and rules can change (its id, programme and
 * form version cannot). The voivodeships named, old and new, must all be the user's.
 */
export async function editCall(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  callId: string,
  request: TEditCallRequest,
): Promise<{ call: TCall; overlaps: TCallOverlap[] }> {
  // Before anything is read: the voivodeships asked for.
  requireVoivodeships(user, request.wojewodztwa);
  const before = await callInReach(deps.db, user, callId);
  const now = deps.now();
  if (before.call.cancelled) throw refuse('cancelled');
  if (Date.parse(before.call.opensAt) <= now.getTime()) throw refuse('already_open');
  requireRevision(before.call, request.revision);
  const programme = await getProgramme(deps.db, before.call.programmeId);
  if (!request.wojewodztwa.every((code) => programme?.wojewodztwa.includes(code)))
    throw invalid({ wojewodztwa: 'not_in_programme' });
  const { revision: _revision, ...entry } = request;
  const timed = callFromWarsawTimes({ ...before.call, ...entry, id: before.call.id });
  if (Date.parse(timed.closesAt) <= now.getTime()) throw invalid({ closesAt: 'closes_in_past' });
  if (before.call.invited?.some((teryt) => !request.wojewodztwa.includes(teryt.slice(0, 2))))
    throw invalid({ wojewodztwa: 'invited_outside' });
  const after: StoredCall = { ...before, call: { ...before.call, ...timed } };
  const details = changes(before.call, after.call);
  const result = await saveCallChange(deps.db, before, after, [
    callAuditPut(deps.db, callId, {
      at: now.toISOString(),
      event: 'call-edited',
      actor: user.email,
      details,
    }),
  ]);
  if (result !== 'saved') throw stale();
  const saved = { ...after.call, revision: request.revision + 1 };
  return { call: saved, overlaps: await findOverlaps(deps.db, saved) };
}

/** Each address once, as typed first (addresses differ only in case are one mailbox). */
function uniqueAddresses(contacts: readonly { email: string }[]): string[] {
  const seen = new Map<string, string>();
  for (const { email } of contacts) if (!seen.has(email.toLowerCase())) seen.set(email.toLowerCase(), email);
  return [...seen.values()];
}

const addressHash = (email: string) =>
  createHash('sha256').update(email.toLowerCase()).digest('hex').slice(0, 24);

/**
 * A change's job (repositories/call-jobs.ts): one e-mail per address of the call's drafts and cards, named
 * by the change and the address and written only if absent, so a change's e-mails go once each however
 * often this runs; an extension's drafts kept until the new closing. The job's item goes last, so a run cut
 * short is run again by the sweeper. The mail pipeline delivers what it queued; says how many e-mails.
 */
export async function runCallJob(deps: CallLifeDeps, job: CallJob): Promise<number> {
  const call = await getCall(deps.db, job.callId);
  let queued: OutboxKey[] = [];
  if (call) {
    const contacts = await listCallContacts(deps.db, call.id, call.wojewodztwa);
    const queuedAt = deps.now().toISOString();
    queued = await queueCallMails(
      deps.db,
      call.id,
      uniqueAddresses(contacts).map((to) => ({
        name: `${job.change}-${addressHash(to)}`,
        to: [to],
        mail: {
          ...job.mail,
          // The footer's ROPS: the gmina's of this address, else the call's only one.
          wojewodztwo:
            contacts.find((one) => one.email.toLowerCase() === to.toLowerCase())?.teryt?.slice(0, 2) ??
            (call.wojewodztwa.length === 1 ? call.wojewodztwa[0] : undefined),
        },
        queuedAt,
      })),
    );
    if (job.closesAt) await extendDraftsOfCall(deps.db, call.id, job.closesAt);
  }
  await finishCallJob(deps.db, job);
  return queued.length;
}

/**
 * The sweeper (every few minutes): runs the jobs a change's own request left undone (it died after its
 * commit), those written over a minute ago so that a request still running its own is left to it (running
 * one twice would do nothing twice anyway). Says how many it ran.
 */
export async function runLeftCallJobs(deps: CallLifeDeps): Promise<number> {
  const before = new Date(deps.now().getTime() - 60_000).toISOString();
  const jobs = await listPendingCallJobs(deps.db, before);
  for (const job of jobs) await runCallJob(deps, job);
  return jobs.length;
}

/** The change's job in its transaction, then run at once; the sweeper runs it if this request dies first. */
async function commitWithJob(
  deps: CallLifeDeps,
  before: StoredCall,
  after: StoredCall,
  extra: TransactItem[],
  job: CallJob,
): Promise<number> {
  const result = await saveCallChange(deps.db, before, after, [...extra, callJobPut(deps.db, job)]);
  if (result !== 'saved') throw stale();
  return (deps.runJob ?? runCallJob)(deps, job);
}

const callUrl = (siteUrl: string, callId: string) => `${siteUrl}/nabory/${encodeURIComponent(callId)}`;

/**
 * Once open, the closing may move later — never earlier, never to the past — with a reason, logged; every
 * gmina with a draft or a card in the call is told, once per extension.
 */
export async function extendCall(
  deps: CallLifeDeps,
  user: TAdminUser,
  callId: string,
  request: TExtendCallRequest,
): Promise<{ call: TCall; told: number }> {
  const before = await callInReach(deps.db, user, callId);
  const now = deps.now();
  const { call } = before;
  if (call.cancelled) throw refuse('cancelled');
  if (Date.parse(call.opensAt) > now.getTime()) throw refuse('not_open');
  if (Date.parse(call.closesAt) <= now.getTime()) throw refuse('closed');
  requireRevision(call, request.revision);
  const closesAt = closingOf(request.closesAt);
  if (Date.parse(closesAt) <= now.getTime()) throw invalid({ closesAt: 'closes_in_past' });
  if (closesAt <= call.closesAt) throw invalid({ closesAt: 'not_later' });
  const after: StoredCall = { ...before, call: { ...call, closesAt } };
  const revision = request.revision + 1;
  const at = now.toISOString();
  const audit = callAuditPut(deps.db, callId, {
    at,
    event: 'call-extended',
    actor: user.email,
    details: [
      `zamknięcie: ${formatWarsaw(call.closesAt)} → ${formatWarsaw(closesAt)}`,
      `powód: ${request.reason}`,
    ],
  });
  const told = await commitWithJob(deps, before, after, [audit], {
    callId,
    change: `extended-${revision}`,
    mail: {
      template: 'call-extended',
      data: {
        callTitle: call.title,
        previousClosesAt: call.closesAt,
        closesAt,
        reason: request.reason,
        callUrl: callUrl(deps.siteUrl, callId),
      },
    },
    closesAt,
    createdAt: at,
  });
  return { call: { ...after.call, revision }, told };
}

/**
 * A call cancelled with a notice: no card or draft is taken from then on (CALL_CANCELLED), the public page
 * says so with the reason, and every gmina with a draft or a card is told.
 */
export async function cancelCall(
  deps: CallLifeDeps,
  user: TAdminUser,
  callId: string,
  request: TCancelCallRequest,
): Promise<{ call: TCall; told: number }> {
  const before = await callInReach(deps.db, user, callId);
  const now = deps.now();
  if (before.call.cancelled) throw refuse('cancelled');
  requireRevision(before.call, request.revision);
  const at = now.toISOString();
  const after: StoredCall = {
    ...before,
    call: { ...before.call, cancelled: { at, reason: request.reason } },
    cancelledBy: user.email,
  };
  const audit = callAuditPut(deps.db, callId, {
    at,
    event: 'call-cancelled',
    actor: user.email,
    details: [`powód: ${request.reason}`],
  });
  const told = await commitWithJob(deps, before, after, [audit], {
    callId,
    change: 'cancelled',
    mail: {
      template: 'call-cancelled',
      data: {
        callTitle: before.call.title,
        cancelledAt: at,
        reason: request.reason,
        callUrl: callUrl(deps.siteUrl, callId),
      },
    },
    createdAt: at,
  });
  return { call: { ...after.call, revision: request.revision + 1 }, told };
}

/**
 * Invites gminas to a call, which is from then on for the invited only (checked when a card is sent,
 * recruitment-rules.ts). Each gmina must be one the call is for; each office gets one e-mail with the
 * call's link naming it, at its official address from the office directory (offices.ts), or at the address
 * the coordinator typed instead (logged as such). A gmina with neither is named (`no_office_address`).
 */
export async function inviteGminas(
  deps: CallLifeDeps,
  user: TAdminUser,
  callId: string,
  request: TInviteRequest,
): Promise<{ call: TCall; invited: string[] }> {
  // Before anything is read: the gminas' voivodeships.
  requireVoivodeships(user, [...new Set(request.invitations.map((one) => one.teryt.slice(0, 2)))]);
  const before = await callInReach(deps.db, user, callId);
  const now = deps.now();
  const { call } = before;
  if (call.cancelled) throw refuse('cancelled');
  if (Date.parse(call.closesAt) <= now.getTime()) throw refuse('closed');
  requireRevision(call, request.revision);
  const { findGmina } = await import('../../shared/teryt/index.ts');
  const already = new Set(call.invited ?? []);
  const fields: Record<string, string> = {};
  const offices = await Promise.all(
    request.invitations.map((invitation) =>
      invitation.email ? undefined : getOffice(deps.db, invitation.teryt),
    ),
  );
  const gminas = request.invitations.map((invitation, index) => {
    const gmina = findGmina(invitation.teryt);
    const reason = gminaIneligibility(call, gmina);
    if (reason) fields[`invitations.${index}.teryt`] = reason;
    else if (already.has(invitation.teryt)) fields[`invitations.${index}.teryt`] = 'already_invited';
    const email = invitation.email || offices[index]?.email || '';
    if (!reason && email === '') fields[`invitations.${index}.email`] = 'no_office_address';
    return { teryt: invitation.teryt, email, typed: Boolean(invitation.email), name: gmina?.name ?? '' };
  });
  if (Object.keys(fields).length > 0) throw invalid(fields);
  const at = now.toISOString();
  const after: StoredCall = {
    ...before,
    call: { ...call, invited: [...already, ...gminas.map((one) => one.teryt)] },
  };
  const mails = gminas.map((gmina) =>
    callMailPut(deps.db, callId, {
      name: `invitation-${gmina.teryt}`,
      to: [gmina.email],
      mail: {
        template: 'call-invitation',
        wojewodztwo: gmina.teryt.slice(0, 2),
        data: {
          callTitle: call.title,
          gminaName: gmina.name,
          opensAt: call.opensAt,
          closesAt: call.closesAt,
          callUrl: `${callUrl(deps.siteUrl, callId)}?gmina=${gmina.teryt}`,
        },
      },
      queuedAt: at,
    }),
  );
  const result = await saveCallChange(deps.db, before, after, [
    callAuditPut(deps.db, callId, {
      at,
      event: 'call-invitations',
      actor: user.email,
      details: gminas.map(
        (gmina) =>
          `${gmina.name} (${gmina.teryt}): ${gmina.email} (${gmina.typed ? 'adres podany' : 'z rejestru urzędów'})`,
      ),
    }),
    ...gminas.map((gmina) =>
      invitationPut(deps.db, callId, { teryt: gmina.teryt, email: gmina.email, at, by: user.email }),
    ),
    ...mails.map((mail) => mail.item),
  ]);
  if (result !== 'saved') throw stale();
  return {
    call: { ...after.call, revision: request.revision + 1 },
    invited: gminas.map((gmina) => gmina.teryt),
  };
}

export type { CallAuditEntry };
