import type { ScoreBreakdown } from '../../shared/review/scoring.ts';
import type { ReviewStatus } from '../../shared/review/statuses.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import {
  type AuditEntry,
  auditPut,
  type ChecklistResult,
  type CorrectionRequest,
  revisionCondition,
} from './card-review.ts';
import { type StoredCard, toCard } from './cards.ts';
import { type Doc, PutCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import { linkTokenItem, type NewLink } from './link-tokens.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

/** Coordinators' writes to a card's review, and what the panel reads of it. */

export interface ReviewStep {
  callId: string;
  teryt: string;
  /** The review revision the coordinator read: the write is refused if it is no longer the card's. */
  expectedRevision: number;
  status: ReviewStatus;
  checklist?: ChecklistResult[] | undefined;
  correction?: CorrectionRequest | undefined;
  /** Set when a request for correction is answered otherwise (passed, rejected). */
  closeCorrection?: boolean | undefined;
  score?: ScoreBreakdown | undefined;
  audit: { entry: AuditEntry; id: string };
  /** The e-mails the step sends (a decision: one to the contact person, one to the OPS). */
  mails?: OutgoingMail[] | undefined;
  /** A fresh link to the card (a correction request's e-mail carries one), bound to its reference. */
  link?: (NewLink & { reference: string }) | undefined;
  /** Writes of other repositories that must commit with the step (freezing the call's rules). */
  with?: TransactItem[] | undefined;
}

export type ReviewStepResult = { outcome: 'saved'; mails: OutboxKey[] } | { outcome: 'stale' };

/**
 * One review step in one transaction: the card's review fields (on the card item, the revision raised by
 * one, conditioned on the revision read and on the card still being sent, not withdrawn), its audit entry,
 * and the e-mail it sends with its link. 'stale' when the card or a condition of `with` changed meanwhile.
 */
export async function saveReviewStep(db: Db, step: ReviewStep): Promise<ReviewStepResult> {
  const { callId, teryt } = step;
  const cardKey = keys.card(callId, teryt);
  const unchanged = revisionCondition(step.expectedRevision);
  const set = ['reviewStatus = :status', 'reviewRevision = :revision'];
  const values: Doc = { ':status': step.status, ':revision': step.expectedRevision + 1 };
  if (step.checklist) {
    set.push('checklist = :checklist');
    values[':checklist'] = step.checklist;
  }
  if (step.correction) {
    set.push('correction = :correction');
    values[':correction'] = step.correction;
  }
  if (step.score) {
    // The total and completeness stand apart for the lists to filter and sort by.
    set.push('score = :score', 'scoreTotal = :total', 'scoreComplete = :complete');
    Object.assign(values, {
      ':score': step.score,
      ':total': step.score.total,
      ':complete': step.score.missing.length === 0,
    });
  }
  const mails = (step.mails ?? []).map((mail) => queuedMail(cardKey.pk, mail));
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: cardKey,
        UpdateExpression: `SET ${set.join(', ')}${step.closeCorrection ? ' REMOVE correction' : ''}`,
        ConditionExpression: `attribute_exists(pk) AND #status = :submitted AND ${unchanged.expression}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ...values, ':submitted': 'submitted', ...unchanged.values },
      },
    },
    auditPut(db, callId, teryt, step.audit.entry, step.audit.id),
    ...mails.map((mail) => ({
      Put: { TableName: db.tableName, Item: mail.item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
    ...(step.link
      ? [
          {
            Put: {
              TableName: db.tableName,
              Item: linkTokenItem(step.link, { kind: 'card', callId, teryt, reference: step.link.reference }),
            },
          },
        ]
      : []),
    ...(step.with ?? []),
  ];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return { outcome: 'saved', mails: mails.map((mail) => mail.key) };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict'))
      return { outcome: 'stale' };
    throw error;
  }
}

/**
 * Voids a card (issue 13) in one transaction, if nobody changed its review since it was read and it is not
 * voided already: the card item says so (status, who, when, why; the review revision raised), an archive of
 * it as it stood (`CARD#VOIDED#<first version>`: reference, contact, the range of its versions, the void)
 * stays in the partition for the panel when the gmina's next card takes the card item, its reference says
 * voided (for the receipt check), with the audit entry and the e-mails. False when stale.
 */
export async function voidCardItems(
  db: Db,
  input: {
    card: StoredCard;
    void: { at: string; by: string; reason: string };
    audit: { entry: AuditEntry; id: string };
    mails: OutgoingMail[];
  },
): Promise<OutboxKey[] | undefined> {
  const { card } = input;
  const cardKey = keys.card(card.callId, card.teryt);
  const unchanged = revisionCondition(card.review.revision);
  const firstVersion = card.firstVersion ?? 1;
  const mails = input.mails.map((mail) => queuedMail(cardKey.pk, mail));
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: cardKey,
        UpdateExpression: 'SET #status = :voided, voided = :void ADD reviewRevision :one',
        ConditionExpression: `#version = :version AND #status <> :voided AND ${unchanged.expression}`,
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':voided': 'voided',
          ':void': input.void,
          ':one': 1,
          ':version': card.version,
          ...unchanged.values,
        },
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.cardVoided(card.callId, card.teryt, firstVersion),
          type: 'voided-card',
          reference: card.reference,
          gminaName: card.gminaName,
          statusBefore: card.status,
          ...(card.review.status ? { reviewStatusBefore: card.review.status } : {}),
          submittedAt: card.submittedAt,
          channel: card.channel ?? 'online',
          contact: card.answers.contacts.contact,
          firstVersion,
          lastVersion: card.version,
          voided: input.void,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: db.tableName,
        Key: keys.reference(card.reference),
        UpdateExpression: 'SET voidedAt = :at, lastVersion = :version, firstVersion = :first',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': input.void.at, ':version': card.version, ':first': firstVersion },
      },
    },
    auditPut(db, card.callId, card.teryt, input.audit.entry, input.audit.id),
    ...mails.map((mail) => ({
      Put: { TableName: db.tableName, Item: mail.item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
  ];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return mails.map((mail) => mail.key);
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict'))
      return undefined;
    throw error;
  }
}

/** A voided card as its archive keeps it, for the panel. */
export interface VoidedCard {
  reference: string;
  submittedAt: string;
  channel: 'online' | 'post' | 'email';
  contact: { name: string; email: string; phone: string; position: string };
  firstVersion: number;
  lastVersion: number;
  voided: { at: string; by: string; reason: string };
}

export interface Note {
  at: string;
  by: string;
  text: string;
}

/**
 * A private note and its audit entry, if the card exists. Notes do not raise the review revision: writing
 * one must not make a colleague's pending decision stale. False if there is no such card.
 */
export async function addNote(
  db: Db,
  input: { callId: string; teryt: string; note: Note; id: string; audit: AuditEntry },
): Promise<boolean> {
  const { callId, teryt, note, id } = input;
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            ConditionCheck: {
              TableName: db.tableName,
              Key: keys.card(callId, teryt),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: { ...keys.cardNote(callId, teryt, note.at, id), type: 'note', ...note },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          auditPut(db, callId, teryt, input.audit, id),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** Who read a card (accountability): by card in its partition, by user through gsi1. Append-only. */
export async function logCardRead(
  db: Db,
  input: { callId: string; teryt: string; by: string; at: string; id: string },
): Promise<void> {
  const { callId, teryt, by, at, id } = input;
  await db.client.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...keys.cardRead(callId, teryt, at, id),
        ...keys.readByActor(by, at),
        type: 'read-log',
        by,
        at,
        callId,
        teryt,
        what: 'card',
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export interface ReviewedVersion {
  version: number;
  receivedAt: string;
  sha256: string;
  answers: TCardAnswers;
}

/**
 * The card with everything its review page shows: the audit log and notes (time order), the versions with
 * their answers. Two Queries of its partition that skip the log of who read it.
 */
export async function getCardForReview(
  db: Db,
  callId: string,
  teryt: string,
): Promise<
  | {
      card: StoredCard;
      audit: AuditEntry[];
      notes: Note[];
      versions: ReviewedVersion[];
      voidedCards: VoidedCard[];
    }
  | undefined
> {
  const pk = keys.card(callId, teryt).pk;
  const prefix = keys.cardItemPrefix;
  const [head, versions] = await Promise.all([
    // AUDIT#…, CARD, MAIL#…, NOTE#…: everything sorted before READ#.
    queryAll(db, {
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND sk < :read',
      ExpressionAttributeValues: { ':pk': pk, ':read': prefix.read },
    }),
    queryAll(db, {
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :version)',
      ExpressionAttributeValues: { ':pk': pk, ':version': prefix.version },
    }),
  ]);
  const cardItem = head.find((item) => item.sk === 'CARD');
  if (!cardItem) return undefined;
  const of = (kind: string) => head.filter((item) => String(item.sk).startsWith(kind));
  return {
    card: toCard(cardItem),
    audit: of(prefix.audit).map(({ at, by, action, from, to, reason }) =>
      Object.fromEntries(
        Object.entries({ at, by, action, from, to, reason }).filter(([, value]) => value !== undefined),
      ),
    ) as AuditEntry[],
    notes: of(prefix.note).map(({ at, by, text }) => ({ at, by, text }) as Note),
    voidedCards: of(prefix.voided).map(
      ({ reference, submittedAt, channel, contact, firstVersion, lastVersion, voided }) =>
        ({ reference, submittedAt, channel, contact, firstVersion, lastVersion, voided }) as VoidedCard,
    ),
    versions: versions.map(
      ({ version, receivedAt, sha256, answers }) =>
        ({ version, receivedAt, sha256, answers }) as ReviewedVersion,
    ),
  };
}

export interface CardIdentity {
  teryt: string;
  gminaName: string;
  nip: string;
  regon: string;
}

/**
 * NIP and REGON of a call's cards in one voivodeship (withdrawn ones left out), for the warnings: one
 * Query of the list partition (≤ 314 items), projected to what the warnings read.
 */
export async function cardIdentities(db: Db, callId: string, wojewodztwo: string): Promise<CardIdentity[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.cardBySendingTime(callId, wojewodztwo, '', '').gsi2pk },
    ProjectionExpression: 'teryt, gminaName, #status, #answers.#office.nip, #answers.#office.regon',
    ExpressionAttributeNames: { '#status': 'status', '#answers': 'answers', '#office': 'office' },
  });
  return items
    .filter((item) => item.status === 'submitted')
    .map((item) => {
      const office = (item.answers as { office?: { nip?: string; regon?: string } } | undefined)?.office;
      return {
        teryt: String(item.teryt),
        gminaName: String(item.gminaName),
        nip: office?.nip ?? '',
        regon: office?.regon ?? '',
      };
    });
}
