import type { TCardAnswers } from '../../shared/schemas/card.ts';
import type { TCardReceipt } from '../../shared/schemas/submission.ts';
import {
  type AuditEntry,
  auditPut,
  type ReviewState,
  reviewStateOf,
  revisionCondition,
} from './card-review.ts';
import { GetCommand, QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { linkTokenItem, type NewLink } from './link-tokens.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

export interface CardRecord {
  callId: string;
  teryt: string;
  gminaName: string;
  powiatCode: string;
  wojewodztwo: string;
  /** 'voided': a coordinator voided it (issue 13); the gmina's next card takes its place in the partition. */
  status: 'submitted' | 'withdrawn' | 'voided';
  reference: string;
  version: number;
  /**
   * The card's first version: 1, or after a voided card the version after its last (the partition's
   * versions are numbered on, so the voided card's are never overwritten). Absent on cards before voiding.
   */
  firstVersion?: number;
  /** Set when voided: when, by whom, why. */
  voided?: CardVoid;
  submittedAt: string;
  updatedAt: string;
  sha256: string;
  /** The version of the card form the answers were checked against (CARD_FORM_VERSION then). */
  formVersion: number;
  answers: TCardAnswers;
  /**
   * A card a coordinator registered from paper or an e-mailed scan: how it came (absent: through the site,
   * which the list reads as 'online'), the postmark's date or the e-mail's Warsaw time as typed, who typed
   * it in and when, and the scan in the documents bucket (key and SHA-256).
   */
  channel?: 'post' | 'email';
  /** Retention (RODO): when the card's items may go (TTL, epoch seconds), as the call's programme says. */
  expiresAt?: number;
  /** Raised when a coordinator revokes the card's links: only links of the current epoch open it. */
  linkEpoch?: number;
  receivedOn?: string;
  registeredAt?: string;
  registeredBy?: string;
  scan?: CardScan;
}

export interface CardVoid {
  at: string;
  by: string;
  reason: string;
}

export interface CardScan {
  key: string;
  sha256: string;
  size: number;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
}

/** A card as stored, with where its review stands (card-review.ts). */
export type StoredCard = CardRecord & { review: ReviewState };

export interface CardVersion {
  version: number;
  receivedAt: string;
  sha256: string;
}

type Item = Record<string, unknown>;

export type CreateCardResult =
  | { outcome: 'created'; mails: OutboxKey[] }
  | { outcome: 'idempotency-key-taken' | 'card-exists' | 'reference-taken' | 'call-changed' }
  /** A counting update of `counts` found its window full: `refused` are their indexes. */
  | { outcome: 'rate-limited'; refused: number[] };

/**
 * Stores a new card in one transaction: the card (one live card per gmina per call), its first version, its
 * reference number, the link's token, the idempotency record, the confirmation e-mail and the notices (the
 * gmina office's). Either all exist or none. The card's key is the uniqueness rule: it is put only where
 * there is none, or — `replacing` — over a voided card whose last version is the one read; the new card's
 * versions then follow the voided one's (`card.version` = `firstVersion` = the voided card's last + 1), so
 * none of them is overwritten, and its archive (`CARD#VOIDED#…`) was written when it was voided.
 */
export async function createCard(
  db: Db,
  input: {
    card: CardRecord;
    link: NewLink;
    idempotency: { key: string; record: IdempotencyRecord; keepUntil: Date };
    mail: OutgoingMail;
    notices?: OutgoingMail[] | undefined;
    replacing?: { lastVersion: number } | undefined;
    /** Rate-limit updates (rate-limits.ts attemptUpdates): counted with the card, or the card is refused. */
    counts?: TransactItem[] | undefined;
    /** The call's condition (calls.ts callUnchanged): 'call-changed' when it fails. */
    callCheck?: TransactItem | undefined;
  },
): Promise<CreateCardResult> {
  const { card, idempotency, replacing } = input;
  const cardKey = keys.card(card.callId, card.teryt);
  const mails = [input.mail, ...(input.notices ?? [])].map((outgoing) => queuedMail(cardKey.pk, outgoing));
  // Retention: the card, its reference, version and e-mails' records share the card's TTL.
  const kept = retained(card.expiresAt);
  const cardCondition = replacing
    ? {
        ConditionExpression: '#status = :voided AND #version = :last',
        ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: { ':voided': 'voided', ':last': replacing.lastVersion },
      }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
  const items = [
    {
      ...keys.idempotency(card.callId, idempotency.key),
      type: 'idempotency',
      key: idempotency.key,
      ...idempotency.record,
      expiresAt: epochSeconds(idempotency.keepUntil),
    },
    {
      ...cardKey,
      ...keys.cardBySendingTime(card.callId, card.wojewodztwo, card.submittedAt, card.teryt),
      type: 'card',
      ...card,
      ...kept,
    },
    {
      ...keys.reference(card.reference),
      type: 'reference',
      callId: card.callId,
      teryt: card.teryt,
      firstVersion: card.version,
      ...kept,
    },
    versionItem(card, card.submittedAt),
    linkTokenItem(input.link, {
      kind: 'card',
      callId: card.callId,
      teryt: card.teryt,
      reference: card.reference,
    }),
    ...mails.map((mail) => ({ ...mail.item, ...kept })),
  ];
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: items
          .map(
            (Item, index): TransactItem => ({
              Put: {
                TableName: db.tableName,
                Item,
                // The first three are the uniqueness rules: key, card, reference; the version is never overwritten.
                ...(index === 1
                  ? cardCondition
                  : index < 4
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {}),
              },
            }),
          )
          .concat(input.counts ?? [], input.callCheck ? [input.callCheck] : []),
      }),
    );
    return { outcome: 'created', mails: mails.map((mail) => mail.key) };
  } catch (error) {
    const codes = cancellationCodes(error);
    const counts = input.counts ?? [];
    // First: every other outcome was judged against a call that is no longer the one stored.
    if (input.callCheck && codes?.[items.length + counts.length] === 'ConditionalCheckFailed')
      return { outcome: 'call-changed' };
    const refused = counts
      .map((_, index) => index)
      .filter((index) => codes?.[items.length + index] === 'ConditionalCheckFailed');
    if (codes?.[0] === 'ConditionalCheckFailed') return { outcome: 'idempotency-key-taken' };
    if (codes?.[1] === 'ConditionalCheckFailed') return { outcome: 'card-exists' };
    if (codes?.[2] === 'ConditionalCheckFailed') return { outcome: 'reference-taken' };
    if (refused.length > 0) return { outcome: 'rate-limited', refused };
    throw error;
  }
}

const epochSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000);

/** The TTL attributes of an item kept as long as its card (apply-retention moves those marked so). */
export function retained(expiresAt: number | undefined): Item {
  return expiresAt === undefined ? {} : { expiresAt, ttlFrom: 'retention' };
}

function versionItem(card: CardRecord, receivedAt: string): Item {
  return {
    ...retained(card.expiresAt),
    ...keys.cardVersion(card.callId, card.teryt, card.version),
    type: 'card-version',
    version: card.version,
    receivedAt,
    sha256: card.sha256,
    formVersion: card.formVersion,
    answers: card.answers,
  };
}

/**
 * Whether the gmina has a card in the call that counts (sent, or sent and withdrawn — not voided): one
 * GetItem of its key and status.
 */
export async function cardExists(db: Db, callId: string, teryt: string): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.card(callId, teryt),
      ProjectionExpression: '#status',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item !== undefined && Item.status !== 'voided';
}

/** The card alone (no versions): one GetItem. */
export async function getCard(db: Db, callId: string, teryt: string): Promise<StoredCard | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.card(callId, teryt) }),
  );
  return Item ? toCard(Item) : undefined;
}

/** Another link to a card, with the e-mail that carries it: both or neither. */
export async function addCardLink(
  db: Db,
  input: {
    callId: string;
    teryt: string;
    reference: string;
    link: NewLink;
    mail: OutgoingMail;
    linkEpoch?: number | undefined;
  },
): Promise<OutboxKey> {
  const { callId, teryt, reference } = input;
  const mail = queuedMail(keys.card(callId, teryt).pk, input.mail);
  const token = linkTokenItem(input.link, {
    kind: 'card',
    callId,
    teryt,
    reference,
    linkEpoch: input.linkEpoch,
  });
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [token, mail.item].map((Item) => ({
        Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
      })),
    }),
  );
  return mail.key;
}

/**
 * The card and its versions, oldest first: a GetItem and a Query of the versions alone (the partition
 * also holds the review log and the log of who read the card, which grow).
 */
export async function getCardWithVersions(
  db: Db,
  callId: string,
  teryt: string,
): Promise<{ card: StoredCard; versions: CardVersion[] } | undefined> {
  const pk = keys.card(callId, teryt).pk;
  const versions: CardVersion[] = [];
  const read = async () => {
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.cardItemPrefix.version },
          ProjectionExpression: '#version, receivedAt, sha256',
          ExclusiveStartKey,
        }),
      );
      versions.push(...((page.Items ?? []) as CardVersion[]));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  };
  const [card] = await Promise.all([getCard(db, callId, teryt), read()]);
  if (!card) return undefined;
  return {
    card,
    versions: versions.map(({ version, receivedAt, sha256 }) => ({ version, receivedAt, sha256 })),
  };
}

export function toCard(item: Item): StoredCard {
  const { callId, teryt, gminaName, powiatCode, wojewodztwo, status, reference, version } =
    item as unknown as CardRecord;
  const { submittedAt, updatedAt, sha256, answers } = item as unknown as CardRecord;
  // Cards stored before the form version was recorded were all checked against version 1.
  const formVersion = (item.formVersion as number | undefined) ?? 1;
  const {
    channel,
    receivedOn,
    registeredAt,
    registeredBy,
    scan,
    expiresAt,
    linkEpoch,
    firstVersion,
    voided,
  } = item as Partial<CardRecord>;
  const registered =
    (channel === 'post' || channel === 'email') && receivedOn && registeredAt && registeredBy && scan
      ? { channel, receivedOn, registeredAt, registeredBy, scan }
      : {};
  return {
    callId,
    teryt,
    gminaName,
    powiatCode,
    wojewodztwo,
    status,
    reference,
    version,
    submittedAt,
    updatedAt,
    sha256,
    formVersion,
    answers,
    ...registered,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(linkEpoch === undefined ? {} : { linkEpoch }),
    ...(firstVersion !== undefined && firstVersion > 1 ? { firstVersion } : {}),
    ...(voided ? { voided } : {}),
    review: reviewStateOf(item),
  };
}

export interface IdempotencyRecord {
  requestSha256: string;
  receipt: TCardReceipt;
}

export async function getIdempotency(
  db: Db,
  callId: string,
  key: string,
): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.idempotency(callId, key), ConsistentRead: true }),
  );
  return Item
    ? { requestSha256: String(Item.requestSha256), receipt: Item.receipt as TCardReceipt }
    : undefined;
}

/**
 * Where a reference points, and which of the partition's versions are its card's: from `firstVersion` (1 for
 * references written before voiding existed) to `lastVersion` once the card was voided (then `voidedAt`).
 */
export async function findByReference(
  db: Db,
  reference: string,
): Promise<
  { callId: string; teryt: string; firstVersion: number; lastVersion?: number; voidedAt?: string } | undefined
> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.reference(reference) }),
  );
  if (!Item) return undefined;
  return {
    callId: String(Item.callId),
    teryt: String(Item.teryt),
    firstVersion: Number(Item.firstVersion ?? 1),
    ...(typeof Item.lastVersion === 'number' ? { lastVersion: Item.lastVersion } : {}),
    ...(typeof Item.voidedAt === 'string' ? { voidedAt: Item.voidedAt } : {}),
  };
}

/**
 * Replaces the answers with a new version, or restores a withdrawn card, with the e-mail about it and its
 * new link, if nobody changed the card or its review since it was read (`expected`). A new version counts
 * as a change of the review too (a coordinator's step must not apply to answers they did not read), and a
 * correction the ROPS asked for returns the card to "sent", closes the request and is logged. The e-mail's
 * key; undefined if someone changed the card meanwhile.
 */
export async function saveNewVersion(
  db: Db,
  input: {
    card: CardRecord;
    expected: { version: number; reviewRevision: number };
    link: NewLink;
    mail: OutgoingMail;
    corrected?: { audit: AuditEntry; id: string } | undefined;
    /** Other e-mails about the change (the previous contact address told of a new one). */
    notices?: OutgoingMail[] | undefined;
  },
): Promise<OutboxKey[] | undefined> {
  const { card, expected, corrected } = input;
  const cardKey = keys.card(card.callId, card.teryt);
  const mail = queuedMail(cardKey.pk, input.mail);
  const notices = (input.notices ?? []).map((notice) => queuedMail(cardKey.pk, notice));
  const token = linkTokenItem(input.link, {
    kind: 'card',
    callId: card.callId,
    teryt: card.teryt,
    reference: card.reference,
    linkEpoch: card.linkEpoch,
  });
  const unchanged = revisionCondition(expected.reviewRevision);
  const saved = await runGuarded(db, mail.key, [
    {
      Update: {
        TableName: db.tableName,
        Key: cardKey,
        UpdateExpression: `SET #version = :version, #status = :status, updatedAt = :at, sha256 = :sha256, formVersion = :form, answers = :answers${corrected ? ', reviewStatus = :sent' : ''} ADD reviewRevision :one${corrected ? ' REMOVE correction' : ''}`,
        ConditionExpression: `#version = :expected AND #status <> :voided AND ${unchanged.expression}`,
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: {
          ':version': card.version,
          ':status': card.status,
          ':at': card.updatedAt,
          ':sha256': card.sha256,
          ':form': card.formVersion,
          ':answers': card.answers,
          ':expected': expected.version,
          ':voided': 'voided',
          ':one': 1,
          ...(corrected ? { ':sent': 'sent' } : {}),
          ...unchanged.values,
        },
      },
    },
    { Put: { TableName: db.tableName, Item: versionItem(card, card.updatedAt) } },
    { Put: { TableName: db.tableName, Item: { ...mail.item, ...retained(card.expiresAt) } } },
    { Put: { TableName: db.tableName, Item: token } },
    ...notices.map((notice) => ({
      Put: { TableName: db.tableName, Item: { ...notice.item, ...retained(card.expiresAt) } },
    })),
    ...(corrected ? [auditPut(db, card.callId, card.teryt, corrected.audit, corrected.id)] : []),
  ]);
  return saved ? [saved, ...notices.map((notice) => notice.key)] : undefined;
}

/**
 * Marks the card withdrawn (its versions stay), with the e-mail saying so, if it is still the version that
 * was read. The e-mail's key; undefined if the card changed meanwhile.
 */
export async function withdrawCard(
  db: Db,
  input: { card: StoredCard; withdrawnAt: string; mail: OutgoingMail },
): Promise<OutboxKey | undefined> {
  const cardKey = keys.card(input.card.callId, input.card.teryt);
  const mail = queuedMail(cardKey.pk, input.mail);
  // Nor its review: a decision taken meanwhile ends the gmina's right to withdraw.
  const unchanged = revisionCondition(input.card.review.revision);
  return runGuarded(db, mail.key, [
    {
      Update: {
        TableName: db.tableName,
        Key: cardKey,
        UpdateExpression: 'SET #status = :withdrawn, updatedAt = :at',
        ConditionExpression: `#version = :version AND #status = :submitted AND ${unchanged.expression}`,
        ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
        ExpressionAttributeValues: {
          ':withdrawn': 'withdrawn',
          ':submitted': 'submitted',
          ':at': input.withdrawnAt,
          ':version': input.card.version,
          ...unchanged.values,
        },
      },
    },
    { Put: { TableName: db.tableName, Item: mail.item } },
  ]);
}

/** Undefined when the card was changed meanwhile, or another change of it was committing at that moment. */
async function runGuarded(
  db: Db,
  mail: OutboxKey,
  TransactItems: TransactItem[],
): Promise<OutboxKey | undefined> {
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems }));
    return mail;
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed' || codes?.includes('TransactionConflict')) return undefined;
    throw error;
  }
}
