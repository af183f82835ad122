import type { TCardAnswers } from '../../shared/schemas/card.ts';
import { auditPut as logPut } from './audit-log.ts';
import { type AuditEntry, auditPut, newEntryId, revisionCondition } from './card-review.ts';
import { DeleteCommand, type Doc, TransactWriteCommand, UpdateCommand } from './document.ts';
import { cancellationCodes, type Db, isTransactionConflict, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * Keeping a card's personal data no longer than its programme says (RODO art. 5(1)(e)) and erasing it on
 * request (art. 17), item by item within the card's own partition and its reference — key-based access only:
 * the maintenance job reaches cards by the call's per-voivodeship index partitions, never by a Scan.
 */

/** The cards of a call in one voivodeship (gsi2 CARDS#<callId>#<woj>): their teryt and reference. */
export async function cardsOfCall(
  db: Db,
  callId: string,
  wojewodztwo: string,
): Promise<{ teryt: string; reference: string }[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.cardBySendingTime(callId, wojewodztwo, '', '').gsi2pk },
    ProjectionExpression: 'teryt, #reference',
    ExpressionAttributeNames: { '#reference': 'reference' },
  });
  return items.map((item) => ({ teryt: String(item.teryt), reference: String(item.reference) }));
}

/**
 * Gives every item of a card's partition, and its reference, the retention TTL `expiresAt`: items without
 * one, or whose TTL came from retention (`ttlFrom`), get it; an item with a shorter TTL of its own (a link
 * e-mail's month) keeps that. Writes only what differs; returns how many items it wrote.
 */
export async function applyCardRetention(
  db: Db,
  card: { callId: string; teryt: string; reference: string },
  expiresAt: number,
): Promise<number> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.card(card.callId, card.teryt).pk },
    ProjectionExpression: 'pk, sk, expiresAt, ttlFrom',
  });
  const targets = [...items, { ...keys.reference(card.reference), probe: true }];
  let written = 0;
  for (const item of targets) {
    const own =
      item.ttlFrom !== 'retention' && typeof item.expiresAt === 'number' ? item.expiresAt : undefined;
    if (own !== undefined && own <= expiresAt) continue;
    if (item.ttlFrom === 'retention' && item.expiresAt === expiresAt) continue;
    try {
      await db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET expiresAt = :at, ttlFrom = :retention',
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(expiresAt) OR expiresAt <> :at)',
          ExpressionAttributeValues: { ':at': expiresAt, ':retention': 'retention' },
        }),
      );
      written += 1;
    } catch (error) {
      // The reference already has it (or is gone): nothing to write.
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
  return written;
}

/**
 * Revokes every link of a card: its `linkEpoch` +1 (links carry the epoch they were issued in), as a change
 * of the card (review revision +1, so a change saved with a link read before fails), with its audit entry.
 * 'changed' if the card changed since it was read at `revision`.
 */
export async function revokeLinks(
  db: Db,
  input: { callId: string; teryt: string; revision: number; audit: AuditEntry; id: string },
): Promise<'revoked' | 'changed' | 'absent'> {
  const unchanged = revisionCondition(input.revision);
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: db.tableName,
              Key: keys.card(input.callId, input.teryt),
              UpdateExpression: 'ADD linkEpoch :one, reviewRevision :one',
              ConditionExpression: `attribute_exists(pk) AND ${unchanged.expression}`,
              ExpressionAttributeValues: { ':one': 1, ...unchanged.values },
            },
          },
          auditPut(db, input.callId, input.teryt, input.audit, input.id),
        ],
      }),
    );
    return 'revoked';
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed' || isTransactionConflict(error))
      return 'changed';
    throw error;
  }
}

/**
 * Erases the personal data of one card's partition: the card's and each version's answers replaced by
 * `erase(answers)`, each e-mail record's recipients by `marker` and its body removed (and taken off every
 * list), each private note's text by `marker`; the card's links revoked (epoch +1) and it marked erased.
 * Audit entries, reads, scores, decisions and the agreement stay (what the EU audit needs). Idempotent.
 */
export async function eraseCardPartition(
  db: Db,
  input: {
    callId: string;
    teryt: string;
    erase: (answers: TCardAnswers) => TCardAnswers;
    marker: string;
    at: string;
    by: string;
  },
): Promise<number> {
  const pk = keys.card(input.callId, input.teryt).pk;
  const items = await queryAll(db, {
    TableName: db.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  });
  let written = 0;
  const update = async (item: Doc, UpdateExpression: string, values: Doc, names?: Record<string, string>) => {
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { pk: item.pk, sk: item.sk },
        UpdateExpression,
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: values,
        ...(names ? { ExpressionAttributeNames: names } : {}),
      }),
    );
    written += 1;
  };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === 'CARD') {
      await update(
        item,
        'SET answers = :answers, erasedAt = :at, erasedBy = :by ADD linkEpoch :one, reviewRevision :one',
        {
          ':answers': input.erase(item.answers as TCardAnswers),
          ':at': input.at,
          ':by': input.by,
          ':one': 1,
        },
      );
    } else if (sk.startsWith('VERSION#')) {
      await update(item, 'SET answers = :answers', { ':answers': input.erase(item.answers as TCardAnswers) });
    } else if (sk.startsWith('MAIL#')) {
      await update(
        item,
        'SET #to = :to REMOVE mail, gsi2pk, gsi2sk, gsi3pk, gsi3sk',
        { ':to': [input.marker] },
        {
          '#to': 'to',
        },
      );
    } else if (sk.startsWith('NOTE#')) {
      await update(item, 'SET #text = :marker', { ':marker': input.marker }, { '#text': 'text' });
    }
  }
  return written;
}

/**
 * Deletes a call's drafts of one gmina (drafts are the clerk's unsent answers: nothing of them is needed
 * later) with everything in their partitions (their e-mails). Drafts are listed by gsi1 DRAFTS#<callId>.
 */
export async function deleteDraftsOfGmina(db: Db, callId: string, teryt: string): Promise<number> {
  const drafts = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    FilterExpression: 'answers.office.teryt = :teryt',
    ExpressionAttributeValues: { ':pk': keys.draftOfCall(callId, '', '').gsi1pk, ':teryt': teryt },
    ProjectionExpression: 'pk',
  });
  let deleted = 0;
  for (const draft of drafts) {
    const items = await queryAll(db, {
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': draft.pk },
      ProjectionExpression: 'pk, sk',
    });
    for (const item of items) {
      await db.client.send(new DeleteCommand({ TableName: db.tableName, Key: { pk: item.pk, sk: item.sk } }));
      deleted += 1;
    }
  }
  return deleted;
}

/**
 * The erasure's log, once it is done: one entry in the panel's audit log (the lead reads it; there is no
 * event of its own yet, as the panel names each event, so it is a programme change saying what was done)
 * and one in each erased card's log, in one transaction.
 */
export async function logErasure(
  db: Db,
  input: {
    at: Date;
    by: string;
    teryt: string;
    wojewodztwo: string;
    programmeId: string;
    reason: string;
    references: string[];
    calls: string[];
  },
): Promise<void> {
  const at = input.at.toISOString();
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        logPut(db, {
          at: input.at,
          event: 'programme-changed',
          actor: input.by,
          subject: input.programmeId,
          details: [
            `usunięcie danych osobowych gminy ${input.teryt} (RODO art. 17)`,
            `powód: ${input.reason}`,
            `karty: ${input.references.join(', ') || 'brak'}`,
          ],
          wojewodztwa: [input.wojewodztwo],
        }),
        ...input.calls.map((callId) =>
          auditPut(
            db,
            callId,
            input.teryt,
            { at, by: input.by, action: 'personal_data_erased', reason: input.reason },
            newEntryId(),
          ),
        ),
      ],
    }),
  );
}
