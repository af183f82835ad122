import { logger } from '../lib/logger.ts';
import { getAgreementById } from '../repositories/agreements.ts';
import type { Db } from '../repositories/dynamo.ts';
import { queueAgreementNoticeOnce } from '../repositories/notices.ts';
import type { OutboxKey } from '../repositories/outbox.ts';
import { listSigningDeadlinesPassed } from '../repositories/signing-deadlines.ts';
import { agreementIdOfDeadline } from './agreement-deadline.ts';
import { currentParty } from './agreement-state.ts';

/**
 * Signatures still missing when an agreement's signing deadline passes: the coordinator who sent it for
 * signing is told once per deadline (a repeated planner run, or one with `--since`, queues nothing new),
 * through the outbox (the keys of those queued are returned). The panel flags the same parties as overdue
 * from the agreement itself.
 */
export async function tellOverdueSignatures(
  deps: { db: Db; siteUrl: string },
  from: Date,
  to: Date,
): Promise<OutboxKey[]> {
  const told: OutboxKey[] = [];
  for (const passed of await listSigningDeadlinesPassed(deps.db, from, to)) {
    const id = agreementIdOfDeadline(passed.deadlineId);
    const agreement = id ? await getAgreementById(deps.db, id) : undefined;
    // A deadline moved or an agreement finished since the marker was read is no longer overdue.
    if (agreement?.status !== 'signing' || agreement.deadline !== passed.dueAt) continue;
    const turn = currentParty(agreement);
    const missing = agreement.parties.filter((party) => party.status !== 'signed');
    if (missing.length === 0) continue;
    const queued = await queueAgreementNoticeOnce(deps.db, agreement, {
      name: `signing-overdue-${passed.dueAt}`,
      to: [agreement.coordinatorEmail],
      queuedAt: to.toISOString(),
      mail: {
        template: 'notice-signing-overdue',
        wojewodztwo: agreement.teryt.slice(0, 2),
        data: {
          agreementId: agreement.id,
          gminaName: agreement.gminaName,
          deadline: passed.dueAt,
          parties: missing.map((party) => ({
            name: party.name,
            signatory: party.signatory?.name,
            email: party.signatory?.email,
            turn: party.role === turn?.role,
          })),
          panelUrl: `${deps.siteUrl}/admin/porozumienia/${encodeURIComponent(agreement.callId)}/${agreement.teryt}`,
        },
      },
    });
    if (queued) {
      told.push(queued);
      logger.info('coordinator told of overdue signatures', { agreementId: agreement.id });
    }
  }
  return told;
}
