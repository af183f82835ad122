import { describe, expect, it } from 'vitest';
import type { DocumentClient } from '../../functions/repositories/document.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { takeAttempt } from '../../functions/repositories/rate-limits.ts';

/*
 * DynamoDB cancels concurrent transactions on one item with TransactionConflict; DynamoDB Local serialises
 * them and never does, so this one fault is simulated (the limits themselves are tested on DynamoDB Local in
 * the integration tests).
 */
function cancelled(code: string): Error {
  return Object.assign(new Error(`Transaction cancelled [${code}]`), {
    name: 'TransactionCanceledException',
    CancellationReasons: [{ Code: code }],
  });
}

function dbAnswering(...answers: (Error | undefined)[]): Db & { calls: () => number } {
  let calls = 0;
  const client = {
    send: async () => {
      const answer = answers[calls++];
      if (answer) throw answer;
    },
  };
  return { client: client as unknown as DocumentClient, tableName: 'fake', calls: () => calls };
}

const rule = { scope: 'test', limit: 5, windowSeconds: 3600 };

describe('counting an attempt while others count in the same window', () => {
  it('tries again after a TransactionConflict, and counts the attempt', async () => {
    const db = dbAnswering(cancelled('TransactionConflict'), cancelled('TransactionConflict'), undefined);

    expect(await takeAttempt(db, [[rule, 'a@b.pl']], new Date())).toBe(true);
    expect(db.calls()).toBe(3);
  });

  it('answers "limit reached" without trying again', async () => {
    const db = dbAnswering(cancelled('ConditionalCheckFailed'));

    expect(await takeAttempt(db, [[rule, 'a@b.pl']], new Date())).toBe(false);
    expect(db.calls()).toBe(1);
  });

  it('gives up after a few conflicts in a row, with the error', async () => {
    const db = dbAnswering(...Array.from({ length: 10 }, () => cancelled('TransactionConflict')));

    await expect(takeAttempt(db, [[rule, 'a@b.pl']], new Date())).rejects.toThrow('TransactionConflict');
    expect(db.calls()).toBe(4);
  });
});
