import { describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/repositories/document.ts';
import { createDraft } from '../../functions/repositories/drafts.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import type { OutgoingMail } from '../../functions/repositories/outbox.ts';

/*
 * Twin saves of one draft (a retry racing the first, the same Idempotency-Key) on real DynamoDB: one may be
 * cancelled with TransactionConflict while the other's transaction runs. DynamoDB Local serialises
 * transactions and never does that, so this one fault is simulated; the replay itself is tested on
 * DynamoDB Local in the integration tests.
 */
function dbThrowing(error: Error): Db {
  const client = {
    send: async () => {
      throw error;
    },
  };
  return { client: client as unknown as DocumentClient, tableName: 'fake' };
}

const conflict = Object.assign(new Error('Transaction cancelled [None, TransactionConflict]'), {
  name: 'TransactionCanceledException',
  CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
});

const draft = {
  draftId: 'd1',
  callId: 'c',
  email: 'a@b.pl',
  answers: {},
  savedAt: '2026-12-01T00:00:00.000Z',
  usableUntil: '2026-12-01T00:00:00.000Z',
};
const link = { token: 't'.repeat(43), expiresAt: new Date(draft.usableUntil) };
const mail: OutgoingMail = {
  name: 'draft-saved',
  to: [draft.email],
  mail: { template: 'draft-saved', data: { callTitle: 'c', closesAt: draft.usableUntil, draftUrl: 'u' } },
  queuedAt: draft.savedAt,
};
const idempotency = {
  key: 'k'.repeat(16),
  record: { requestSha256: 'x', result: { savedAt: draft.savedAt, expiresAt: draft.savedAt } },
  keepUntil: new Date(1_000),
};

describe('saving a draft while a twin request saves it', () => {
  it("leaves the answer to the twin when DynamoDB cancels one of them for the other's transaction", async () => {
    const saved = createDraft(dbThrowing(conflict), { draft, link, mail, idempotency });

    expect(await saved).toEqual({ outcome: 'key-taken' });
  });

  it('fails as it should without a key: no twin can exist then', async () => {
    const saved = createDraft(dbThrowing(conflict), { draft, link, mail });

    await expect(saved).rejects.toThrow('TransactionConflict');
  });
});
