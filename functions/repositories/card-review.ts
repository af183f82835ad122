import { randomBytes } from 'node:crypto';
import type { ScoreBreakdown } from '../../shared/review/scoring.ts';
import type { ReviewStatus } from '../../shared/review/statuses.ts';
import type { FormalCheckItem } from '../../shared/schemas/review.ts';
import type { Doc, TransactItem } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * The review fields of a card item (`reviewStatus`, `reviewRevision`, `checklist`, `correction`, `score`,
 * `scoreTotal`, `scoreComplete`) and the audit entries written with every change of them.
 */

export interface ChecklistResult {
  id: FormalCheckItem;
  ok: boolean;
  reason?: string | undefined;
}

export interface CorrectionRequest {
  what: string;
  /** The end (23:59:59.999 Warsaw) of the last day the gmina's link changes the card. */
  until: string;
  requestedAt: string;
  requestedBy: string;
}

export interface ReviewState {
  /** Absent until the first assessment step: see effectiveStatus. */
  status?: ReviewStatus;
  /** Every change of the review adds one; writes are conditioned on the revision read. Absent = 0. */
  revision: number;
  checklist?: ChecklistResult[];
  correction?: CorrectionRequest;
  score?: ScoreBreakdown;
}

export function reviewStateOf(item: Doc): ReviewState {
  return {
    ...(item.reviewStatus === undefined ? {} : { status: item.reviewStatus as ReviewStatus }),
    revision: (item.reviewRevision as number | undefined) ?? 0,
    ...(item.checklist === undefined ? {} : { checklist: item.checklist as ChecklistResult[] }),
    ...(item.correction === undefined ? {} : { correction: item.correction as CorrectionRequest }),
    ...(item.score === undefined ? {} : { score: item.score as ScoreBreakdown }),
  };
}

export interface AuditEntry {
  at: string;
  /** A coordinator's e-mail, or "gmina:<teryt>" for the gmina's own correction through its link. */
  by: string;
  action: string;
  from?: ReviewStatus | undefined;
  to?: ReviewStatus | undefined;
  reason?: string | undefined;
}

/** Time-ordered items must not collide within a millisecond: a random suffix keeps them apart. */
export function newEntryId(): string {
  return randomBytes(6).toString('hex');
}

/** An audit entry's Put for the transaction of the change it records: append-only. */
export function auditPut(db: Db, callId: string, teryt: string, entry: AuditEntry, id: string): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.cardAudit(callId, teryt, entry.at, id), type: 'audit', ...withoutUndefined(entry) },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The condition that nobody changed the review since it was read at `revision`. */
export function revisionCondition(revision: number): { expression: string; values: Doc } {
  return revision === 0
    ? { expression: 'attribute_not_exists(reviewRevision)', values: {} }
    : { expression: 'reviewRevision = :readRevision', values: { ':readRevision': revision } };
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
