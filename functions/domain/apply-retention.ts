import { retainUntilOf } from '../../shared/schemas/programme.ts';
import { logger } from '../lib/logger.ts';
import { listCallsOfProgramme, setCallRetention } from '../repositories/calls.ts';
import { getDeadlines } from '../repositories/deadlines.ts';
import { eraseDeliveries, listDeliverableDeadlineIds } from '../repositories/deliverables.ts';
import { callDocumentPrefixes } from '../repositories/documents.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listProgrammes } from '../repositories/programmes.ts';
import { applyCardRetention, cardsOfCall } from '../repositories/retention.ts';
import { DELIVERABLE_LINK_DAYS } from './deliverable-parties.ts';
import { retentionExpiresAt } from './links.ts';

export interface RetentionReport {
  calls: number;
  cards: number;
  itemsWritten: number;
  /** Documents deleted from the bucket: those of calls whose retention date has passed. */
  documentsDeleted: number;
  /** Parties' records of documents asked for by deadlines, erased with their files. */
  deliveriesErased: number;
  /** Stopped for lack of time: the next run goes on (every write it skips is already done). */
  stopped: boolean;
}

/** Stop this long before the function's end, so no write is cut mid-way. */
const MARGIN_MS = 30_000;

/**
 * The retention job (every 6 hours): every programme's retention date (its own or the default) onto its calls, and
 * the resulting TTL onto every item of their cards' partitions and their references — the backfill of data
 * written before retention existed, of items written since the last run without a TTL (audit entries,
 * notes, reads), and of a retention date the lead changed. Key-based: programmes (gsi1), their calls
 * (gsi1), each call's cards per voivodeship (gsi2), each card's partition; it writes only what differs.
 */
export async function applyRetention(deps: {
  db: Db;
  timeLeftMs: () => number;
  now: () => Date;
  /** Deletes the documents under a key prefix; absent where the function has no bucket (then none go). */
  deleteDocuments?: ((prefix: string) => Promise<number>) | undefined;
}): Promise<RetentionReport> {
  const report: RetentionReport = {
    calls: 0,
    cards: 0,
    itemsWritten: 0,
    documentsDeleted: 0,
    deliveriesErased: 0,
    stopped: false,
  };
  // Each call's retention moment, and per voivodeship the latest of its calls': a deadline's documents
  // follow its call's, or (a deadline of no one call) the longest-kept call of its voivodeships.
  const callExpiry = new Map<string, number>();
  const wojewodztwoExpiry = new Map<string, number>();
  for (const programme of await listProgrammes(deps.db)) {
    const retention = {
      retainUntil: retainUntilOf(programme),
      ...(programme.cardLinkDays === undefined ? {} : { cardLinkDays: programme.cardLinkDays }),
    };
    for (const call of await listCallsOfProgramme(deps.db, programme.id)) {
      if (deps.timeLeftMs() < MARGIN_MS) return { ...report, stopped: true };
      if (call.retainUntil !== retention.retainUntil || call.cardLinkDays !== retention.cardLinkDays) {
        await setCallRetention(deps.db, call, retention);
        logger.info('call retention updated', { callId: call.id, ...retention });
      }
      report.calls += 1;
      const expiresAt = retentionExpiresAt({ ...call, ...retention }) as number;
      callExpiry.set(call.id, expiresAt);
      for (const code of call.wojewodztwa)
        wojewodztwoExpiry.set(code, Math.max(expiresAt, wojewodztwoExpiry.get(code) ?? 0));
      for (const wojewodztwo of call.wojewodztwa) {
        for (const card of await cardsOfCall(deps.db, call.id, wojewodztwo)) {
          if (deps.timeLeftMs() < MARGIN_MS) return { ...report, stopped: true };
          report.itemsWritten += await applyCardRetention(deps.db, { callId: call.id, ...card }, expiresAt);
          report.cards += 1;
        }
      }
      // The documents go when the TTL takes the cards' items: S3 has no expiry by a date kept per call, and
      // the date may move (the lead edits it), so the job deletes them. Listing an emptied prefix again
      // every run costs three requests per expired call.
      if (deps.deleteDocuments && deps.now().getTime() >= expiresAt * 1000) {
        for (const prefix of callDocumentPrefixes(call.id)) {
          const deleted = await deps.deleteDocuments(prefix);
          if (deleted > 0)
            logger.info('documents past retention deleted', { callId: call.id, prefix, deleted });
          report.documentsDeleted += deleted;
        }
      }
    }
  }
  if (deps.deleteDocuments) {
    const erased = await expireDeliverables(deps, deps.deleteDocuments, callExpiry, wojewodztwoExpiry);
    report.documentsDeleted += erased.documents;
    report.deliveriesErased += erased.deliveries;
  }
  return report;
}

/**
 * Documents asked for by deadlines (`deliverables/<deadline>/…`) and the parties' records of them, once the
 * retention moment of the call they were asked for has passed (never before the upload links' end).
 */
async function expireDeliverables(
  deps: { db: Db; now: () => Date },
  deleteDocuments: (prefix: string) => Promise<number>,
  callExpiry: ReadonlyMap<string, number>,
  wojewodztwoExpiry: ReadonlyMap<string, number>,
): Promise<{ documents: number; deliveries: number }> {
  const ids = new Set<string>();
  for (const code of wojewodztwoExpiry.keys())
    for (const id of await listDeliverableDeadlineIds(deps.db, code)) ids.add(id);
  const erased = { documents: 0, deliveries: 0 };
  const nowSeconds = deps.now().getTime() / 1000;
  for (const deadline of (await getDeadlines(deps.db, [...ids])).values()) {
    const kept = deadline.callId
      ? callExpiry.get(deadline.callId)
      : Math.max(0, ...deadline.wojewodztwa.map((code) => wojewodztwoExpiry.get(code) ?? 0));
    const linksEnd = Date.parse(deadline.dueAt) / 1000 + DELIVERABLE_LINK_DAYS * 86_400;
    // A call no programme keeps any more (deleted) leaves its deadline's documents to a person.
    if (!kept || nowSeconds < Math.max(kept, linksEnd)) continue;
    const documents = await deleteDocuments(`deliverables/${deadline.id}/`);
    const deliveries = await eraseDeliveries(deps.db, deadline);
    if (documents + deliveries > 0)
      logger.info('deliverables past retention erased', { deadlineId: deadline.id, documents, deliveries });
    erased.documents += documents;
    erased.deliveries += deliveries;
  }
  return erased;
}
