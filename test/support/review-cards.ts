import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { newLinkToken, newReference, sha256Hex } from '../../functions/lib/crypto.ts';
import type { Db } from '../../functions/repositories/dynamo.ts';
import { keys } from '../../functions/repositories/keys.ts';
import { createSession } from '../../functions/repositories/sign-in.ts';
import { createUserIfAbsent, type User } from '../../functions/repositories/users.ts';
import { LIDERZY_RULE_SET, type ScoreBreakdown, scoreCard } from '../../shared/review/scoring.ts';
import type { ReviewStatus } from '../../shared/review/statuses.ts';
import type { CardChannel } from '../../shared/schemas/review-lists.ts';
import { findGmina } from '../../shared/teryt/index.ts';
import { validAnswers } from './cards.ts';

/**
 * Cards as they stand during an assessment, written straight to the table (the list tests and the
 * benchmark need hundreds, in given statuses): the item a sent card is (createCard's keys and attributes)
 * plus what the card-level assessment writes on it (reviewStatus, score, scoreTotal, scoreComplete, channel).
 */
export interface ReviewedCard {
  callId: string;
  teryt: string;
  submittedAt: string;
  status?: 'submitted' | 'withdrawn';
  reviewStatus?: ReviewStatus;
  score?: ScoreBreakdown;
  channel?: CardChannel;
}

export function reviewedCardItem(card: ReviewedCard): Record<string, unknown> {
  const gmina = findGmina(card.teryt);
  if (!gmina) throw new Error(`no gmina ${card.teryt}`);
  const wojewodztwo = gmina.wojewodztwoCode;
  return {
    ...keys.card(card.callId, card.teryt),
    ...keys.cardBySendingTime(card.callId, wojewodztwo, card.submittedAt, card.teryt),
    type: 'card',
    callId: card.callId,
    teryt: card.teryt,
    gminaName: gmina.name,
    powiatCode: gmina.powiatCode,
    wojewodztwo,
    status: card.status ?? 'submitted',
    reference: newReference(),
    version: 1,
    submittedAt: card.submittedAt,
    updatedAt: card.submittedAt,
    sha256: sha256Hex(card.teryt),
    formVersion: 1,
    answers: validAnswers(card.teryt),
    ...(card.reviewStatus ? { reviewStatus: card.reviewStatus, reviewRevision: 1 } : {}),
    ...(card.score
      ? { score: card.score, scoreTotal: card.score.total, scoreComplete: card.score.missing.length === 0 }
      : {}),
    ...(card.channel ? { channel: card.channel } : {}),
  };
}

/** A score under the "Liderzy kooperacji" rules from figures derived from `seed`; incomplete without manual points. */
export function scoreFor(seed: number, complete = true): ScoreBreakdown {
  const figure = (base: number, spread: number) => ({ value: base + ((seed * 7919) % spread), year: 2024 });
  return scoreCard(
    LIDERZY_RULE_SET,
    {
      criteria: {
        population: figure(2000, 12_000),
        solectwa: figure(3, 40),
        incomePerInhabitant: figure(2500, 2500),
        longTermAssistancePersons: figure(20, 400),
        assistanceFamilies: figure(50, 500),
        assistancePersons: figure(100, 1500),
        familiesWithAssistant: figure(0, 30),
      },
      infrastructure: { items: ['OPS', 'ŚDS', 'Klub Seniora'].slice(0, seed % 4), other: '' },
    },
    complete
      ? {
          motivation: { points: seed % 6, justification: 'Konkretne potrzeby.' },
          km1: { points: seed % 2 ? 2 : 0, justification: 'Udział w KM I.' },
        }
      : {},
  );
}

/** Writes items 25 at a time (BatchWriteItem), retrying what DynamoDB left unprocessed. */
export async function loadItems(db: Db, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let requests = items
      .slice(start, start + 25)
      .map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await db.client.raw.send(
        new BatchWriteItemCommand({ RequestItems: { [db.tableName]: requests } }),
      );
      requests = (UnprocessedItems?.[db.tableName] ?? []) as typeof requests;
    }
  }
}

/** A user with a live session: the cookie a browser would send (the sign-in itself is tested elsewhere). */
export async function sessionCookieFor(db: Db, user: User): Promise<string> {
  await createUserIfAbsent(db, user);
  const token = newLinkToken();
  const now = new Date();
  await createSession(db, {
    sessionSha256: sha256Hex(token),
    email: user.email,
    startedAt: now,
    expiresAt: new Date(now.getTime() + 8 * 3_600_000),
  });
  return `__Host-kooperacja-session=${token}`;
}
