import { describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/repositories/document.ts';
import { createDraft } from '../../functions/repositories/drafts.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';

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
  expiresAt: 1,
};
const idempotency = {
  key: 'k'.repeat(16),
  record: { requestSha256: 'x', result: { savedAt: draft.savedAt, expiresAt: draft.savedAt } },
  expiresAt: 1,
};

describe('saving a draft while a twin request saves it', () => {
  it("leaves the answer to the twin when DynamoDB cancels one of them for the other's transaction", async () => {
    const saved = createDraft(dbThrowing(conflict), { draft, linkToken: {}, outbox: {}, idempotency });

    expect(await saved).toBe('key-taken');
  });

  it('fails as it should without a key: no twin can exist then', async () => {
    const saved = createDraft(dbThrowing(conflict), { draft, linkToken: {}, outbox: {} });

    await expect(saved).rejects.toThrow('TransactionConflict');
  });
});
