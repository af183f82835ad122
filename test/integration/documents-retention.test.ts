import { randomUUID } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../functions/domain/apply-retention.ts';
import { config } from '../../functions/lib/config.ts';
import { demoCalls, LIDERZY_KOOPERACJI } from '../../functions/local/demo-data.ts';
import { createCall } from '../../functions/repositories/calls.ts';
import { type DeadlineRecord, saveDeadline } from '../../functions/repositories/deadlines.ts';
import {
  listDeliverableDeadlineIds,
  listDeliveries,
  putDeliverableListing,
  putDelivery,
} from '../../functions/repositories/deliverables.ts';
import {
  createDocumentStore,
  deleteDocumentsUnder,
  putDocument,
} from '../../functions/repositories/documents.ts';
import { createProgramme } from '../../functions/repositories/programmes.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { testDb } from '../support/db.ts';

/**
 * Issue 13 (RODO art. 5(1)(e)) on DynamoDB Local and the S3-compatible server: the retention job deletes a
 * call's documents — its gminas' scans, its agreements, its attachments — once the programme's retention
 * date has passed, and keeps those of a call still within it and every other key. This file's table holds
 * only its own programmes, so the job touches only its own calls' prefixes in the shared bucket.
 */
const db = testDb();
const store = createDocumentStore(config());
const run = randomUUID().slice(0, 8);
const timeLeftMs = () => 60_000;

async function keysUnder(prefix: string): Promise<string[]> {
  const { s3 } = await store.client();
  const page = await s3.send(new ListObjectsV2Command({ Bucket: store.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key ?? '').sort();
}

async function documentsOf(callId: string): Promise<string[]> {
  const body = new TextEncoder().encode(`%PDF-1.4 ${callId}`);
  const keys = [
    `cards/${callId}/2001052/scan-${'a'.repeat(64)}.pdf`,
    `cards/${callId}/2001062/scan-${'b'.repeat(64)}.jpg`,
    `agreements/${callId}/2001052/final-${'c'.repeat(64)}.pdf`,
    `calls/${callId}/attachments/${'d'.repeat(64)}.pdf`,
  ];
  for (const key of keys) await putDocument(store, key, body, 'application/pdf');
  return keys.sort();
}

/** Every document of a call: its scans, agreements and attachments. */
async function documentsOfCall(callId: string): Promise<string[]> {
  const lists = await Promise.all(
    ['cards', 'agreements', 'calls'].map((prefix) => keysUnder(`${prefix}/${callId}/`)),
  );
  return lists.flat().sort();
}

/** A programme of this run with one call, its retention date as given, its call closed in 2019. */
async function programmeWithCall(name: string, retainUntil: string): Promise<TCall> {
  const programmeId = `retencja-${name}-${run}`;
  await createProgramme(db, { ...LIDERZY_KOOPERACJI, id: programmeId, retainUntil });
  const [template] = demoCalls(new Date('2019-03-01T10:00:00Z'));
  const call: TCall = {
    ...(template as TCall),
    id: `nabor-${name}-${run}`,
    programmeId,
    opensAt: '2019-03-01T10:00:00.000Z',
    closesAt: '2019-03-29T21:59:59.999Z',
  };
  expect(await createCall(db, call)).toBe('created');
  return call;
}

describe("documents past the programme's retention date", () => {
  it('are deleted by the retention job; those within it, and other keys, stay', async () => {
    const expired = await programmeWithCall('2020', '2020-12-31');
    const kept = await programmeWithCall('2040', '2040-12-31');
    const expiredKeys = await documentsOf(expired.id);
    const keptKeys = await documentsOf(kept.id);
    // A call whose id begins like the expired one's is another call: its prefix differs after the slash.
    const lookalike = await documentsOf(`${expired.id}-2`);

    const withoutBucket = await applyRetention({ db, timeLeftMs, now: () => new Date() });
    expect(withoutBucket.documentsDeleted).toBe(0);
    expect(await keysUnder(`cards/${expired.id}/`)).toHaveLength(2);

    const report = await applyRetention({
      db,
      timeLeftMs,
      now: () => new Date(),
      deleteDocuments: (prefix) => deleteDocumentsUnder(store, prefix),
    });
    expect(report).toMatchObject({ calls: 2, documentsDeleted: expiredKeys.length, stopped: false });
    for (const prefix of ['cards', 'agreements', 'calls'])
      expect(await keysUnder(`${prefix}/${expired.id}/`)).toEqual([]);
    expect(await documentsOfCall(kept.id)).toEqual(keptKeys);
    expect(await documentsOfCall(`${expired.id}-2`)).toEqual(lookalike);

    // Run again: nothing left to delete, nothing else touched.
    const again = await applyRetention({
      db,
      timeLeftMs,
      now: () => new Date(),
      deleteDocuments: (prefix) => deleteDocumentsUnder(store, prefix),
    });
    expect(again.documentsDeleted).toBe(0);
    expect(await documentsOfCall(kept.id)).toEqual(keptKeys);
  });

  it("erases documents asked for by a deadline with its call's retention, never before the links end", async () => {
    const expired = await programmeWithCall('dok-2020', '2020-12-31');
    const kept = await programmeWithCall('dok-2040', '2040-12-31');
    // Three deadlines in a voivodeship of neither call: one per call, and one of no call, kept as long as the
    // longest-kept call of its voivodeships (kept's, 2040).
    const wojewodztwo = expired.wojewodztwa[0] as string;
    const deadline = async (name: string, callId: string | undefined): Promise<DeadlineRecord> => {
      const record: DeadlineRecord = {
        id: `sprawozdanie-${name}-${run}`,
        kind: 'custom',
        title: 'Sprawozdanie z KM I',
        description: '',
        dueAt: '2019-06-28T10:00:00.000Z',
        wojewodztwa: [wojewodztwo],
        callId,
        audience: ['gminas'],
        policy: { offsetsDays: [7], hour: 8, avoidDaysOff: true },
        optional: false,
        createdAt: '2019-05-01T10:00:00.000Z',
        deliverable: { name: 'Sprawozdanie' },
      };
      expect(await saveDeadline(db, record, [])).toBe('saved');
      await putDeliverableListing(db, record);
      const party = 'e'.repeat(64);
      const key = `deliverables/${record.id}/${party}/${'f'.repeat(64)}.pdf`;
      await putDocument(store, key, new TextEncoder().encode('%PDF-1.4 raport'), 'application/pdf');
      const delivery = {
        deadlineId: record.id,
        party,
        email: `ops-${name}@gmina.example`,
        role: 'gmina',
        wojewodztwo,
        key,
        versions: 1,
        at: '2019-06-20T10:00:00.000Z',
        filename: 'sprawozdanie.pdf',
        size: 15,
        sha256: 'f'.repeat(64),
      };
      expect(await putDelivery(db, delivery, 0)).toBe('saved');
      return record;
    };
    const ofExpired = await deadline('stary', expired.id);
    const ofKept = await deadline('nowy', kept.id);
    const ofNoCall = await deadline('bez-naboru', undefined);
    const deleteDocuments = (prefix: string) => deleteDocumentsUnder(store, prefix);

    // Within the upload links' 30 days after the deadline, even an expired call's documents stay.
    const early = await applyRetention({
      db,
      timeLeftMs,
      now: () => new Date('2019-07-01T10:00:00Z'),
      deleteDocuments,
    });
    expect(early.deliveriesErased).toBe(0);
    expect(await keysUnder(`deliverables/${ofExpired.id}/`)).toHaveLength(1);

    const report = await applyRetention({ db, timeLeftMs, now: () => new Date(), deleteDocuments });
    expect(report.deliveriesErased).toBe(1);
    expect(await keysUnder(`deliverables/${ofExpired.id}/`)).toEqual([]);
    expect(await listDeliveries(db, ofExpired.id)).toEqual([]);
    expect(await listDeliverableDeadlineIds(db, wojewodztwo)).not.toContain(ofExpired.id);
    for (const one of [ofKept, ofNoCall]) {
      expect(await keysUnder(`deliverables/${one.id}/`)).toHaveLength(1);
      expect(await listDeliveries(db, one.id)).toHaveLength(1);
    }

    const again = await applyRetention({ db, timeLeftMs, now: () => new Date(), deleteDocuments });
    expect(again.deliveriesErased).toBe(0);
  });

  it('deletes more than one page of a listing', async () => {
    const prefix = `cards/strony-${run}/`;
    const body = new TextEncoder().encode('x');
    const keys = Array.from({ length: 7 }, (_, index) => `${prefix}${index}.pdf`);
    for (const key of keys) await putDocument(store, key, body, 'application/pdf');
    expect(await deleteDocumentsUnder(store, prefix, 3)).toBe(7);
    expect(await keysUnder(prefix)).toEqual([]);
  });
});
