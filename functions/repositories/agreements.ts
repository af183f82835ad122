import type {
  AgreementKind,
  AgreementStatus,
  PartyRole,
  PartyStatus,
  TSignatory,
} from '../../shared/schemas/agreements.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';
import { GetCommand, QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';
import { type OutboxKey, type OutgoingMail, queuedMail } from './outbox.ts';

/**
 * Agreements (porozumienia): one per selected card, in the card's partition (`sk=AGREEMENT`), with its events
 * (`sk=AGREEMENT#EVENT#<iso>#<nn>`, append-only), the signing links (`SIGNSTEP#<sha256>`) and a pointer by
 * public id. Every change is one transaction conditional on the revision the use-case read, so two changes
 * racing cannot both count, and its events, links and e-mails are written with it or not at all.
 */

export interface StoredFile {
  key: string;
  sha256: string;
  size: number;
}

export interface PartyRecord {
  role: PartyRole;
  name: string;
  status: PartyStatus;
  /** Where the final record goes if no signatory is named (paper signing): from the card, or the coordinator. */
  contactEmail?: string | undefined;
  signatory?: TSignatory | undefined;
  /** The SHA-256 of the party's live link; a resent link or a new signatory replaces it (the old one dies). */
  linkSha256?: string | undefined;
  signedAt?: string | undefined;
  method?: 'online' | 'qualified-upload' | 'paper' | undefined;
  /** Evidence of an online signature. */
  evidence?: { fullName: string; ip: string; userAgent: string; documentSha256: string } | undefined;
  /** A qualified-signed PDF uploaded instead, shown to the coordinator before they confirm it. */
  upload?:
    | (StoredFile & { signed: boolean; signerName?: string | undefined; uploadedAt: string })
    | undefined;
  paper?: { signedBy: string; signedOn: string } | undefined;
  declineReason?: string | undefined;
}

export interface AgreementRecord {
  id: string;
  callId: string;
  teryt: string;
  wojewodztwo: string;
  gminaName: string;
  kind: AgreementKind;
  status: AgreementStatus;
  templateVersion: string;
  /** Every change adds one; a change is stored only over the revision it read. */
  revision: number;
  /** The text's version: edits and restarts after an edit add one; signatures are over its document. */
  textVersion: number;
  text: string;
  document: StoredFile;
  deadline?: string | undefined;
  parties: PartyRecord[];
  createdAt: string;
  updatedAt: string;
  /** The coordinator told of a decline or an upload to confirm: the one who last sent it for signing. */
  coordinatorEmail: string;
  /** Paper signing: the scan of the signed paper. */
  scan?: StoredFile | undefined;
  final?: (StoredFile & { completedAt: string }) | undefined;
}

export interface AgreementEvent {
  at: string;
  type: string;
  /** Who: a coordinator's e-mail, a signatory's name and role, or "system". */
  actor: string;
  party?: PartyRole | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
  hashBefore?: string | undefined;
  hashAfter?: string | undefined;
  note?: string | undefined;
}

/** A signing link to store: its token's hash, whose it is, until when. */
export interface NewSigningLink {
  tokenSha256: string;
  role: PartyRole;
  expiresAt: Date;
}

type Item = Record<string, unknown>;

/** The card facts an agreement is made from: one GetItem, whatever else the card item holds. */
export interface CardForAgreement {
  callId: string;
  teryt: string;
  gminaName: string;
  wojewodztwo: string;
  status: string;
  reviewStatus?: string | undefined;
  answers: TCardAnswers;
}

export async function getCardForAgreement(
  db: Db,
  callId: string,
  teryt: string,
): Promise<CardForAgreement | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.card(callId, teryt),
      ProjectionExpression: 'callId, teryt, gminaName, wojewodztwo, #status, reviewStatus, answers',
      ExpressionAttributeNames: { '#status': 'status' },
    }),
  );
  return Item as CardForAgreement | undefined;
}

function agreementItem(agreement: AgreementRecord): Item {
  return {
    ...keys.agreement(agreement.callId, agreement.teryt),
    ...keys.agreementByCall(agreement.callId, agreement.wojewodztwo, agreement.teryt),
    type: 'agreement',
    ...agreement,
  };
}

function eventItems(agreement: AgreementRecord, events: readonly AgreementEvent[]): Item[] {
  return events.map(({ type: eventType, ...event }, seq) => ({
    ...keys.agreementEvent(agreement.callId, agreement.teryt, event.at, agreement.revision, seq),
    type: 'agreement-event',
    eventType,
    ...event,
  }));
}

function linkItem(agreement: AgreementRecord, link: NewSigningLink): Item {
  return {
    ...keys.signingStep(link.tokenSha256),
    type: 'signing-step',
    callId: agreement.callId,
    teryt: agreement.teryt,
    role: link.role,
    // TTL removes it a week after the deadline; `expiresAt` is also checked on every read.
    expiresAt: Math.ceil(link.expiresAt.getTime() / 1000),
  };
}

function toAgreement(item: Item): AgreementRecord {
  const { pk, sk, gsi1pk, gsi1sk, type, ...rest } = item;
  return rest as unknown as AgreementRecord;
}

export async function getAgreement(
  db: Db,
  callId: string,
  teryt: string,
): Promise<AgreementRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.agreement(callId, teryt), ConsistentRead: true }),
  );
  return Item ? toAgreement(Item) : undefined;
}

export async function getAgreementById(db: Db, id: string): Promise<AgreementRecord | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.agreementId(id) }),
  );
  return Item ? getAgreement(db, String(Item.callId), String(Item.teryt)) : undefined;
}

/** A new agreement with its pointer and first event; false if the card already has one. */
export async function createAgreement(
  db: Db,
  agreement: AgreementRecord,
  events: readonly AgreementEvent[],
): Promise<boolean> {
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: agreementItem(agreement),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.agreementId(agreement.id),
                type: 'agreement-id',
                callId: agreement.callId,
                teryt: agreement.teryt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...eventItems(agreement, events).map((Item) => ({
            Put: { TableName: db.tableName, Item },
          })),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationCodes(error)?.some((code) => code === 'ConditionalCheckFailed')) return false;
    throw error;
  }
}

export type SaveResult = { outcome: 'saved'; mail: OutboxKey[] } | { outcome: 'conflict' };

/**
 * Stores the agreement as changed, over the revision it was read at (its `revision` is that plus one), with
 * the change's events, new signing links and e-mails: all or nothing.
 */
export async function saveAgreement(
  db: Db,
  change: {
    agreement: AgreementRecord;
    events: readonly AgreementEvent[];
    links?: readonly NewSigningLink[];
    mail?: readonly OutgoingMail[];
    /** Writes that follow from the change, built by their own repository (its signing deadline's). */
    also?: readonly TransactItem[];
  },
): Promise<SaveResult> {
  const { agreement } = change;
  const ownerPk = keys.agreement(agreement.callId, agreement.teryt).pk;
  const mails = (change.mail ?? []).map((mail) => queuedMail(ownerPk, mail));
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: agreementItem(agreement),
        ConditionExpression: 'revision = :read',
        ExpressionAttributeValues: { ':read': agreement.revision - 1 },
      },
    },
    ...eventItems(agreement, change.events).map((Item) => ({
      Put: { TableName: db.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
    })),
    ...(change.links ?? []).map((link) => ({
      Put: {
        TableName: db.tableName,
        Item: linkItem(agreement, link),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    ...mails.map(({ item }) => ({ Put: { TableName: db.tableName, Item: item } })),
    ...(change.also ?? []),
  ];
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return { outcome: 'saved', mail: mails.map(({ key }) => key) };
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.[0] === 'ConditionalCheckFailed') return { outcome: 'conflict' };
    throw error;
  }
}

/** Whose link a token is, if it is known and its deadline has not passed. */
export async function resolveSigningLink(
  db: Db,
  tokenSha256: string,
): Promise<{ callId: string; teryt: string; role: PartyRole; expiresAt: number } | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.signingStep(tokenSha256) }),
  );
  if (!Item) return undefined;
  return {
    callId: String(Item.callId),
    teryt: String(Item.teryt),
    role: Item.role as PartyRole,
    expiresAt: Number(Item.expiresAt) * 1000,
  };
}

/** A call's agreements in the given voivodeships (gsi1, one partition per call, sorted by voivodeship). */
export async function listAgreements(
  db: Db,
  callId: string,
  wojewodztwa: readonly string[] | 'all',
): Promise<AgreementRecord[]> {
  const prefixes = wojewodztwa === 'all' ? [''] : wojewodztwa.map((code) => `${code}#`);
  const found: AgreementRecord[] = [];
  for (const prefix of prefixes) {
    let ExclusiveStartKey: Item | undefined;
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
          ExpressionAttributeValues: {
            ':pk': keys.agreementByCall(callId, '', '').gsi1pk,
            ':prefix': prefix,
          },
          ExclusiveStartKey,
        }),
      );
      found.push(...(page.Items ?? []).map(toAgreement));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return found;
}

/** The agreement's events, oldest first. */
export async function listAgreementEvents(db: Db, callId: string, teryt: string): Promise<AgreementEvent[]> {
  const events: AgreementEvent[] = [];
  let ExclusiveStartKey: Item | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: {
          ':pk': keys.agreement(callId, teryt).pk,
          ':prefix': keys.agreementEventsPrefix(),
        },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) {
      const { pk, sk, type, eventType, ...event } = item;
      events.push({ type: eventType, ...event } as AgreementEvent);
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return events;
}

/**
 * Whether agreements of a call are two- or three-party, if the call (first) or its programme says so: an
 * optional `agreementKind` on their items. Undefined: the coordinator chooses.
 */
export async function agreementKindSetting(
  db: Db,
  callId: string,
  programmeId: string,
): Promise<AgreementKind | undefined> {
  for (const Key of [keys.call(callId), keys.programme(programmeId)]) {
    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key, ProjectionExpression: 'agreementKind' }),
    );
    const kind = Item?.agreementKind;
    if (kind === 'two-party' || kind === 'three-party') return kind;
  }
  return undefined;
}
