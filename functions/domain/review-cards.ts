import { GMINA_KIND_BY_RODZ, type GminaKind } from '../../shared/gmina-kinds.ts';
import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardsPage,
  TAdminCardView,
  TAdminUser,
} from '../../shared/schemas/admin.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { cardSummary } from '../mail/card-summary.ts';
import { getCall } from '../repositories/calls.ts';
import { getCardWithVersions } from '../repositories/cards.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type CardRow, listCallHeads, listCardsBySendingTime } from '../repositories/review-lists.ts';
import { sessionEmail } from '../repositories/sign-in.ts';
import { getUser } from '../repositories/users.ts';

/**
 * What a signed-in coordinator reads: their voivodeships' calls and cards; the lead ROPS reads all of
 * them. The user is read afresh on every request, so a changed role or a removed account counts at once.
 */
type Deps = { db: Db; now: () => Date };

export async function signedInUser(deps: Deps, session: string | undefined): Promise<TAdminUser> {
  const email = session ? await sessionEmail(deps.db, sha256Hex(session), deps.now()) : undefined;
  const user = email ? await getUser(deps.db, email) : undefined;
  if (!user) throw new AppError('SESSION_REQUIRED');
  return user;
}

export function maySee(user: TAdminUser, wojewodztwo: string): boolean {
  return user.role === 'lead' || user.wojewodztwa.includes(wojewodztwo);
}

export async function listReviewCalls(deps: Deps, user: TAdminUser): Promise<TAdminCallsResponse> {
  const calls = await listCallHeads(deps.db, user.role === 'lead' ? 'all' : user.wojewodztwa);
  return {
    user,
    calls: calls
      .map((call) => ({ ...call, wojewodztwa: call.wojewodztwa.filter((code) => maySee(user, code)) }))
      .filter((call) => call.wojewodztwa.length > 0)
      .sort(byReviewOrder(deps.now())),
  };
}

/**
 * The panel opens on the first call: the one a coordinator most likely came for. Calls open now come first
 * (nearest deadline first), then closed ones, newest first (their cards are being assessed), then those
 * not open yet, soonest first (they have no cards). An upcoming call announced for next year used to come
 * first, by its later deadline, hiding the open call with every card behind it.
 */
type CallTimes = { id: string; opensAt: string; closesAt: string };

function byReviewOrder(now: Date): (a: CallTimes, b: CallTimes) => number {
  const at = now.toISOString();
  const phase = (call: CallTimes) => (call.closesAt <= at ? 1 : call.opensAt <= at ? 0 : 2);
  return (a, b) => {
    const [first, second] = [phase(a), phase(b)];
    if (first !== second) return first - second;
    const order =
      first === 0
        ? a.closesAt.localeCompare(b.closesAt)
        : first === 1
          ? b.closesAt.localeCompare(a.closesAt)
          : a.opensAt.localeCompare(b.opensAt);
    return order || a.id.localeCompare(b.id);
  };
}

/*
 * The page token is where the previous page ended: the sort key of its last card (time of sending and
 * TERYT), base64url. The rest of that card's key follows from the call, so a token cannot lead a query
 * out of the partition being read; it holds nothing the page did not show, so it needs no encryption,
 * only a strict check (a tampered token is a 400, never a DynamoDB error).
 */
const PAGE_POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)#(\d{7})$/;

function encodePageToken(position: { submittedAt: string; teryt: string }): string {
  return Buffer.from(`${position.submittedAt}#${position.teryt}`, 'utf8').toString('base64url');
}

function decodePageToken(token: string, wojewodztwo: string): { submittedAt: string; teryt: string } {
  const match = PAGE_POSITION.exec(Buffer.from(token, 'base64url').toString('utf8'));
  const [, submittedAt, teryt] = match ?? [];
  if (!submittedAt || !teryt?.startsWith(wojewodztwo) || encodePageToken({ submittedAt, teryt }) !== token) {
    throw new AppError('VALIDATION_FAILED', { fields: { 'query.pageToken': 'invalid' } });
  }
  return { submittedAt, teryt };
}

export const DEFAULT_PAGE_SIZE = 50;

function rowStatus(card: Pick<CardRow, 'status' | 'version'>): TAdminCardRow['status'] {
  if (card.status === 'withdrawn') return 'withdrawn';
  return card.version > 1 ? 'changed' : 'submitted';
}

/** Powiat names come from the TERYT register, loaded (a data file) on the first list or card shown. */
async function powiatNames(): Promise<ReadonlyMap<string, string>> {
  return (await import('../../shared/teryt/index.ts')).POWIATY;
}

function toRow(card: CardRow, powiaty: ReadonlyMap<string, string>): TAdminCardRow {
  return {
    teryt: card.teryt,
    gminaName: card.gminaName,
    powiatName: powiaty.get(card.powiatCode) ?? card.powiatCode,
    kind: GMINA_KIND_BY_RODZ[card.teryt.slice(6)] as GminaKind,
    submittedAt: card.submittedAt,
    reference: card.reference,
    status: rowStatus(card),
    version: card.version,
  };
}

export async function listCallCards(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string; pageToken?: string | undefined; limit?: number | undefined },
): Promise<TAdminCardsPage> {
  if (!maySee(user, input.wojewodztwo)) throw new AppError('FORBIDDEN');
  const after = input.pageToken ? decodePageToken(input.pageToken, input.wojewodztwo) : undefined;
  const call = await getCall(deps.db, input.callId);
  if (!call?.wojewodztwa.includes(input.wojewodztwo)) throw new AppError('CALL_NOT_FOUND');
  const [page, powiaty] = await Promise.all([
    listCardsBySendingTime(deps.db, {
      callId: call.id,
      wojewodztwo: input.wojewodztwo,
      limit: input.limit ?? DEFAULT_PAGE_SIZE,
      ...(after ? { after } : {}),
    }),
    powiatNames(),
  ]);
  return {
    cards: page.cards.map((card) => toRow(card, powiaty)),
    ...(page.last ? { nextPageToken: encodePageToken(page.last) } : {}),
  };
}

const TERYT = /^\d{7}$/;

export async function reviewCard(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; teryt: string },
): Promise<TAdminCardView> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  const wojewodztwo = input.teryt.slice(0, 2);
  if (!maySee(user, wojewodztwo)) throw new AppError('FORBIDDEN');
  const [call, found, powiaty] = await Promise.all([
    getCall(deps.db, input.callId),
    getCardWithVersions(deps.db, input.callId, input.teryt),
    powiatNames(),
  ]);
  if (!call || !found) throw new AppError('NOT_FOUND');
  const { card, versions } = found;
  return {
    callId: call.id,
    callTitle: call.title,
    wojewodztwo,
    ...toRow(card, powiaty),
    updatedAt: card.updatedAt,
    sha256: card.sha256,
    // The confirmation e-mail's labelled rows, in Polish, the language of the procedure: the site's own
    // answers summary would bring the card form's code (zod, the card's schema) into the panel's chunks.
    summary: cardSummary(
      card.answers,
      card.gminaName,
      powiaty.get(card.answers.partner.powiatCode) ?? card.answers.partner.powiatCode,
    ),
    versions,
  };
}
