import { DEFAULT_REMINDER_POLICY, plannedSends } from '../../shared/reminders/schedule.ts';
import type { AgreementRecord } from '../repositories/agreements.ts';
import type { DeadlineRecord } from '../repositories/deadlines.ts';
import type { TransactItem } from '../repositories/document.ts';
import type { Db } from '../repositories/dynamo.ts';
import { signingDeadlineItems, signingDeadlineRemovalItems } from '../repositories/signing-deadlines.ts';

/**
 * An agreement's signing deadline is a reminded deadline (kind `agreement-signing`, audience: the
 * signatories who have not signed). It is not a copy to keep in step by hand: every change of the agreement
 * rewrites it in the same transaction from the agreement as changed, so a new deadline, a restart or a
 * completed, cancelled or declined agreement moves or closes its reminders with it.
 */

const PREFIX = 'agreement-';

/** "PZ-7QXM-2HPA" → "agreement-pz-7qxm-2hpa" (deadline ids are lower case: they travel in links). */
export function signingDeadlineId(agreementId: string): string {
  return `${PREFIX}${agreementId.toLowerCase()}`;
}

export function agreementIdOfDeadline(deadlineId: string): string | undefined {
  return deadlineId.startsWith(PREFIX) ? deadlineId.slice(PREFIX.length).toUpperCase() : undefined;
}

export function signingDeadline(agreement: AgreementRecord & { deadline: string }): DeadlineRecord {
  return {
    id: signingDeadlineId(agreement.id),
    kind: 'agreement-signing',
    title: `Podpisanie porozumienia ${agreement.id} (${agreement.gminaName})`,
    description: '',
    dueAt: agreement.deadline,
    wojewodztwa: [agreement.wojewodztwo],
    callId: agreement.callId,
    audience: ['signatories'],
    policy: DEFAULT_REMINDER_POLICY,
    // Signing is a duty of the office, not a newsletter: no unsubscribe.
    optional: false,
    createdBy: agreement.coordinatorEmail,
    createdAt: agreement.updatedAt,
  };
}

/** The writes that bring the agreement's signing deadline in line with the agreement as changed. */
export function signingDeadlineWrites(db: Db, agreement: AgreementRecord, now: Date): TransactItem[] {
  const offsets = DEFAULT_REMINDER_POLICY.offsetsDays;
  if (agreement.status !== 'signing' || !agreement.deadline)
    return signingDeadlineRemovalItems(db, signingDeadlineId(agreement.id), offsets);
  const deadline = signingDeadline({ ...agreement, deadline: agreement.deadline });
  // Sends already past are not planned: the planner's window has left them behind.
  const sends = plannedSends(new Date(deadline.dueAt), deadline.policy).filter(
    (send) => send.at.getTime() > now.getTime(),
  );
  return signingDeadlineItems(db, deadline, sends, offsets);
}
