import {
  type Criterion,
  scoreCard as computeScore,
  type ManualScore,
  manualPointsFit,
  type ScoringInput,
} from '../../shared/review/scoring.ts';
import {
  effectiveStatus,
  nextStatus,
  type ReviewAction,
  type ReviewStatus,
} from '../../shared/review/statuses.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type {
  TCorrectionRequest,
  TDecisionRequest,
  TFormalCheckRequest,
  TNoteRequest,
  TReviewStepResult,
  TScoreRequest,
} from '../../shared/schemas/review.ts';
import { warsawDate, warsawLocalToInstant } from '../../shared/time.ts';
import { newLinkToken } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { DecisionMailData, MailTemplate } from '../mail/templates.ts';
import { getCall } from '../repositories/calls.ts';
import { type AuditEntry, newEntryId } from '../repositories/card-review.ts';
import { getCard, type StoredCard } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import type { OutgoingMail } from '../repositories/outbox.ts';
import { addNote, type ReviewStep, saveReviewStep } from '../repositories/reviews.ts';
import { freezeRules } from '../repositories/rules.ts';
import { requireCardOfGmina } from './access.ts';
import { currentRules } from './call-rules.ts';
import { cardUrl } from './links.ts';

/**
 * A coordinator's steps on one card: the formal check, a request for correction, a note, the score and the
 * decisions. Access is decided from the path before anything is read; each step is checked against the
 * card's review revision and status (shared/review/statuses.ts) and stored with its audit entry and e-mail
 * in one transaction (repositories/reviews.ts).
 */
type Deps = { db: Db; now: () => Date; siteUrl: string };
type CardPath = { callId: string; teryt: string };

const TERYT = /^\d{7}$/;

async function cardUnderReview(deps: { db: Db }, user: TAdminUser, path: CardPath) {
  if (!TERYT.test(path.teryt)) throw new AppError('NOT_FOUND');
  const wojewodztwo = requireCardOfGmina(user, path.teryt);
  const [call, card] = await Promise.all([
    getCall(deps.db, path.callId),
    getCard(deps.db, path.callId, path.teryt),
  ]);
  if (!call || !card || !call.wojewodztwa.includes(wojewodztwo)) throw new AppError('NOT_FOUND');
  return { call, card, status: effectiveStatus({ status: card.status, reviewStatus: card.review.status }) };
}

/** Stale first: a coordinator who read an older state must read the card again before anything else. */
function stepTo(card: StoredCard, revision: number, from: ReviewStatus, action: ReviewAction): ReviewStatus {
  if (revision !== card.review.revision) throw new AppError('CONFLICT');
  const to = nextStatus(from, action);
  if (!to) throw new AppError('REVIEW_STEP_NOT_ALLOWED');
  return to;
}

async function commit(deps: Deps, step: ReviewStep): Promise<TReviewStepResult> {
  const saved = await saveReviewStep(deps.db, step);
  if (saved.outcome === 'stale') throw new AppError('CONFLICT');
  return { status: step.status, revision: step.expectedRevision + 1 };
}

/** The gmina's contact person and its OPS, once each, by who they are (the outbox message's name). */
function gminaAddresses(card: StoredCard): [string, string][] {
  const { contact, ops } = card.answers.contacts;
  const same = contact.email.toLowerCase() === ops.email.toLowerCase();
  return same
    ? [['contact', contact.email]]
    : [
        ['contact', contact.email],
        ['ops', ops.email],
      ];
}

/**
 * An e-mail named by the audit entry of its step and the addressee's role: a step is stored once, so is
 * each of its e-mails (a retried request is stale and sends nothing).
 */
function stepMail(
  audit: { entry: AuditEntry; id: string },
  mail: MailTemplate,
  [role, address]: [string, string],
): OutgoingMail {
  return {
    name: `review-${audit.entry.at}#${audit.id}-${role}`,
    to: [address],
    mail,
    queuedAt: audit.entry.at,
  };
}

function decisionMail(
  call: TCall,
  card: StoredCard,
  audit: { entry: AuditEntry; id: string },
  decision: DecisionMailData['decision'],
  reason?: string,
): OutgoingMail[] {
  const data: DecisionMailData = {
    decision,
    reference: card.reference,
    callTitle: call.title,
    gminaName: card.gminaName,
    decidedAt: audit.entry.at,
    ...(reason ? { reason } : {}),
  };
  return gminaAddresses(card).map((to) =>
    stepMail(audit, { template: 'review-decision', data, wojewodztwo: card.teryt.slice(0, 2) }, to),
  );
}

export async function formalCheck(
  deps: Deps,
  user: TAdminUser,
  input: CardPath & { request: TFormalCheckRequest },
): Promise<TReviewStepResult> {
  const { call, card, status } = await cardUnderReview(deps, user, input);
  const { request } = input;
  const action = request.outcome === 'pass' ? 'pass_formal' : 'reject_formally';
  const to = stepTo(card, request.revision, status, action);
  const reason =
    request.outcome === 'reject'
      ? request.items
          .filter((item) => !item.ok)
          .map((item) => item.reason)
          .join('\n')
      : undefined;
  const audit = {
    entry: { at: deps.now().toISOString(), by: user.email, action, from: status, to, reason },
    id: newEntryId(),
  };
  return commit(deps, {
    ...input,
    expectedRevision: card.review.revision,
    status: to,
    checklist: request.items,
    closeCorrection: card.review.correction !== undefined,
    audit,
    mails:
      to === 'formally_rejected' ? decisionMail(call, card, audit, 'formally_rejected', reason) : undefined,
  });
}

/** The end of a Warsaw calendar day, "YYYY-MM-DD"; undefined for a day that does not exist (02-30). */
function endOfWarsawDay(day: string): Date | undefined {
  const instant = new Date(warsawLocalToInstant(`${day}T23:59:59`).getTime() + 999);
  return warsawDate(instant) === day ? instant : undefined;
}

export async function requestCorrection(
  deps: Deps,
  user: TAdminUser,
  input: CardPath & { request: TCorrectionRequest },
): Promise<TReviewStepResult> {
  const { request } = input;
  requireCardOfGmina(user, input.teryt);
  const now = deps.now();
  const until = endOfWarsawDay(request.until);
  if (!until) throw new AppError('VALIDATION_FAILED', { fields: { until: 'date' } });
  if (request.until < warsawDate(now))
    throw new AppError('VALIDATION_FAILED', { fields: { until: 'date_past' } });
  const { call, card, status } = await cardUnderReview(deps, user, input);
  const to = stepTo(card, request.revision, status, 'request_correction');
  const at = now.toISOString();
  const audit = {
    entry: { at, by: user.email, action: 'request_correction', from: status, to, reason: request.what },
    id: newEntryId(),
  };
  // A fresh link, as only hashes of the earlier ones are kept; it works until the correction is due.
  const token = newLinkToken();
  return commit(deps, {
    ...input,
    expectedRevision: card.review.revision,
    status: to,
    correction: { what: request.what, until: until.toISOString(), requestedAt: at, requestedBy: user.email },
    audit,
    link: { token, expiresAt: until, reference: card.reference },
    mails: [
      stepMail(
        audit,
        {
          template: 'correction-request',
          wojewodztwo: card.teryt.slice(0, 2),
          data: {
            reference: card.reference,
            callTitle: call.title,
            gminaName: card.gminaName,
            what: request.what,
            until: until.toISOString(),
            cardUrl: cardUrl(deps.siteUrl, token),
          },
        },
        ['contact', card.answers.contacts.contact.email],
      ),
    ],
  });
}

/** A private note: read by the voivodeship's coordinators and the lead ROPS only, never by the gmina. */
export async function addCardNote(
  deps: { db: Db; now: () => Date },
  user: TAdminUser,
  input: CardPath & { request: TNoteRequest },
): Promise<TReviewStepResult> {
  const { card, status } = await cardUnderReview(deps, user, input);
  const at = deps.now().toISOString();
  const added = await addNote(deps.db, {
    ...input,
    note: { at, by: user.email, text: input.request.text },
    id: newEntryId(),
    audit: { at, by: user.email, action: 'note' },
  });
  if (!added) throw new AppError('NOT_FOUND');
  return { status, revision: card.review.revision };
}

/** Points given earlier that still stand under the rules now in force (a criterion kept, the points fitting). */
function earlierManualScores(card: StoredCard, criteria: readonly Criterion[]): Record<string, ManualScore> {
  const kept: Record<string, ManualScore> = {};
  for (const given of card.review.score?.criteria ?? []) {
    const criterion = criteria.find((c) => c.id === given.id);
    if (given.justification === undefined || !criterion || !manualPointsFit(criterion, given.points))
      continue;
    kept[given.id] = { points: given.points, justification: given.justification };
  }
  return kept;
}

export async function scoreCard(
  deps: Deps,
  user: TAdminUser,
  input: CardPath & { request: TScoreRequest },
): Promise<TReviewStepResult> {
  const { call, card, status } = await cardUnderReview(deps, user, input);
  const { request } = input;
  const to = stepTo(card, request.revision, status, 'score');
  const { rules } = await currentRules(deps.db, call);
  const fields: Record<string, string> = {};
  for (const [id, given] of Object.entries(request.manual)) {
    const criterion = rules.criteria.find((c) => c.id === id);
    if (!criterion || criterion.kind === 'computed') fields[`manual.${id}`] = 'unknown_criterion';
    else if (!manualPointsFit(criterion, given.points)) fields[`manual.${id}.points`] = 'out_of_range';
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const manual = { ...earlierManualScores(card, rules.criteria), ...request.manual };
  const score = computeScore(rules, card.answers as unknown as ScoringInput, manual);
  const at = deps.now().toISOString();
  const reason = `${score.total} z ${score.maxTotal} pkt${score.missing.length ? `; do oceny: ${score.missing.join(', ')}` : ''}`;
  return commit(deps, {
    ...input,
    expectedRevision: card.review.revision,
    status: to,
    score,
    audit: { entry: { at, by: user.email, action: 'score', from: status, to, reason }, id: newEntryId() },
    // The first score of the call freezes its rules: a later change makes a new version.
    with: freezeRules(deps.db, call.id, rules, at),
  });
}

const DECISION_MAIL: Partial<Record<ReviewAction, DecisionMailData['decision']>> = {
  select: 'selected',
  reserve: 'reserve',
  not_select: 'not_selected',
};

export async function decideCard(
  deps: Deps,
  user: TAdminUser,
  input: CardPath & { request: TDecisionRequest },
): Promise<TReviewStepResult> {
  const { call, card, status } = await cardUnderReview(deps, user, input);
  const { request } = input;
  const to = stepTo(card, request.revision, status, request.action);
  const decision = DECISION_MAIL[request.action];
  // A card is ranked on its whole score: every criterion a person scores must be scored first.
  if (decision && (!card.review.score || card.review.score.missing.length > 0))
    throw new AppError('SCORE_INCOMPLETE');
  const audit = {
    entry: {
      at: deps.now().toISOString(),
      by: user.email,
      action: request.action,
      from: status,
      to,
      reason: request.reason,
    },
    id: newEntryId(),
  };
  return commit(deps, {
    ...input,
    expectedRevision: card.review.revision,
    status: to,
    audit,
    // Resigning and reopening are the ROPS's own records: only decisions about selection go to the gmina.
    mails: decision
      ? decisionMail(call, card, audit, decision, decision === 'not_selected' ? request.reason : undefined)
      : undefined,
  });
}
