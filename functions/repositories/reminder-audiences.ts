import { BatchGetCommand, type Doc } from './document.ts';
import { type Db, queryAll } from './dynamo.ts';
import { keys } from './keys.ts';
import type { User } from './users.ts';

/** What the reminders' audiences are read from: drafts, selected cards, calls and users. */

export interface DraftContact {
  email: string;
  /** The gmina the draft is for, when its office section names one. */
  teryt?: string | undefined;
}

/**
 * The drafts of a call (gsi1 `DRAFTS#<callId>`, written since reminders exist: drafts saved before are not
 * listed, and their contacts are not reminded).
 */
export async function listDraftContacts(db: Db, callId: string): Promise<DraftContact[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.draftOfCall(callId, '', '').gsi1pk },
    ProjectionExpression: 'email, answers.office.teryt',
  });
  return items.map((item) => {
    const teryt = (item.answers as { office?: { teryt?: unknown } } | undefined)?.office?.teryt;
    return { email: String(item.email), ...(typeof teryt === 'string' ? { teryt } : {}) };
  });
}

/** Of the gminas given, those whose card in the call is sent and not withdrawn (BatchGet, 100 at a time). */
export async function gminasWithSentCard(
  db: Db,
  callId: string,
  teryts: readonly string[],
): Promise<Set<string>> {
  const sent = new Set<string>();
  const unique = [...new Set(teryts)];
  // 100 keys of small projections are far below BatchGet's 16 MB; DynamoDB leaves keys unprocessed only
  // under throttling, which on-demand capacity at a few hundred reads does not meet.
  for (let start = 0; start < unique.length; start += 100) {
    const result = await db.client.send(
      new BatchGetCommand({
        RequestItems: {
          [db.tableName]: {
            Keys: unique.slice(start, start + 100).map((teryt) => keys.card(callId, teryt)),
            ProjectionExpression: 'teryt, #status',
            ExpressionAttributeNames: { '#status': 'status' },
          },
        },
      }),
    );
    for (const item of result.Responses?.[db.tableName] ?? [])
      if (item.status === 'submitted') sent.add(String(item.teryt));
  }
  return sent;
}

export interface SelectedCard {
  teryt: string;
  gminaName: string;
  wojewodztwo: string;
  contactEmail?: string | undefined;
  opsEmail?: string | undefined;
  pcprEmail?: string | undefined;
}

/**
 * The selected cards of a call in one voivodeship: one Query of its gsi2 partition (≤ 314 gminas), keeping
 * those marked `reviewStatus = selected`, with only the addresses read.
 */
export async function listSelectedCards(
  db: Db,
  callId: string,
  wojewodztwo: string,
): Promise<SelectedCard[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    FilterExpression: 'reviewStatus = :selected',
    ExpressionAttributeValues: {
      ':pk': keys.cardBySendingTime(callId, wojewodztwo, '', '').gsi2pk,
      ':selected': 'selected',
    },
    ProjectionExpression:
      'teryt, gminaName, wojewodztwo, answers.contacts.contact.email, answers.contacts.ops.email, answers.partner.pcpr.email',
  });
  return items.map((item) => {
    const answers = item.answers as
      | {
          contacts?: { contact?: { email?: string }; ops?: { email?: string } };
          partner?: { pcpr?: { email?: string } };
        }
      | undefined;
    return {
      teryt: String(item.teryt),
      gminaName: String(item.gminaName),
      wojewodztwo: String(item.wojewodztwo),
      contactEmail: answers?.contacts?.contact?.email,
      opsEmail: answers?.contacts?.ops?.email,
      pcprEmail: answers?.partner?.pcpr?.email,
    };
  });
}

export interface CallHead {
  id: string;
  title: string;
  programmeId: string;
  wojewodztwa: string[];
  closesAt: string;
  /** Called off by a coordinator: its closing is no longer reminded. */
  cancelled?: true | undefined;
}

function toHead(item: Doc): CallHead {
  const { id, title, programmeId, wojewodztwa, closesAt } = item as CallHead;
  return { id, title, programmeId, wojewodztwa, closesAt, ...(item.cancelled ? { cancelled: true } : {}) };
}

const HEAD = { ProjectionExpression: 'id, #title, programmeId, wojewodztwa, closesAt, cancelled' };

/** Every call (the public list's gsi2 partition holds them all; calls are tens a year). */
export async function listAllCallHeads(db: Db): Promise<CallHead[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.callPublicList('', '').gsi2pk },
    ExpressionAttributeNames: { '#title': 'title' },
    ...HEAD,
  });
  return items.map(toHead);
}

/** The calls of a programme (gsi1). */
export async function listCallHeadsOfProgramme(db: Db, programmeId: string): Promise<CallHead[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.callByProgramme(programmeId, '', '').gsi1pk },
    ExpressionAttributeNames: { '#title': 'title' },
    ...HEAD,
  });
  return items.map(toHead);
}

/** The calls of a voivodeship (gsi1, its copies of them). */
export async function listCallHeadsOfWojewodztwo(db: Db, wojewodztwo: string): Promise<CallHead[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.callByWojewodztwo(wojewodztwo, '', '').gsi1pk },
    ExpressionAttributeNames: { '#title': 'title' },
    ...HEAD,
  });
  return items.map(toHead);
}

/** Every user (coordinators are tens): gsi1 `USERS`. */
export async function listUsers(db: Db): Promise<User[]> {
  const items = await queryAll(db, {
    TableName: db.tableName,
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.usersList('').gsi1pk },
  });
  return items.map((item) => {
    const { name, role, wojewodztwa } = item as User;
    return { email: String(item.email).toLowerCase(), name, role, wojewodztwa };
  });
}
