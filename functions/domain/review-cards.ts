import { GMINA_KIND_BY_RODZ, type GminaKind } from '../../shared/gmina-kinds.ts';
import type {
  TAdminCallsResponse,
  TAdminCardRow,
  TAdminCardsPage,
  TAdminCardView,
  TAdminUser,
} from '../../shared/schemas/admin.ts';
import { AppError } from '../lib/errors.ts';
import { cardSummary } from '../mail/card-summary.ts';
import { getCall } from '../repositories/calls.ts';
import { newEntryId } from '../repositories/card-review.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type CardRow, listCallHeads, listCardsBySendingTime } from '../repositories/review-lists.ts';
import { getCardForReview, logCardRead } from '../repositories/reviews.ts';
import { requireCardOfGmina, requireVoivodeship, seenOf, visibleVoivodeships } from './access.ts';
import { cardReview } from './card-review-view.ts';

/** What a signed-in coordinator reads: the calls and cards of the voivodeships they see (access.ts). */
type Deps = { db: Db; now: () => Date };

export async function listReviewCalls(deps: Deps, user: TAdminUser): Promise<TAdminCallsResponse> {
  const calls = await listCallHeads(deps.db, visibleVoivodeships(user));
  return {
    user,
    calls: calls
      .map((call) => ({ ...call, wojewodztwa: seenOf(user, call.wojewodztwa) }))
      .filter((call) => call.wojewodztwa.length > 0)
      .sort(byReviewOrder(deps.now())),
  };
}

/**
 * The panel opens on the call a coordinator most likely came for: open ones first (nearest deadline
 * first), then closed ones, newest first (being assessed), then those not open yet, soonest first.
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
 * A page token is the last card's sending time and TERYT, base64url: the rest of its key follows from the
 * call, so it cannot lead a query out of the partition, and it holds nothing the page did not show. It is
 * checked strictly (a tampered one is a 400, never a DynamoDB error).
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
  requireVoivodeship(user, input.wojewodztwo);
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
  const wojewodztwo = requireCardOfGmina(user, input.teryt);
  const [call, found, powiaty] = await Promise.all([
    getCall(deps.db, input.callId),
    getCardForReview(deps.db, input.callId, input.teryt),
    powiatNames(),
  ]);
  if (!call?.wojewodztwa.includes(wojewodztwo) || !found) throw new AppError('NOT_FOUND');
  const { card, versions } = found;
  const review = await cardReview(deps.db, { call, wojewodztwo, ...found });
  // Accountability: who read which gmina's data, and when (by card, and by user through gsi1).
  const at = deps.now().toISOString();
  await logCardRead(deps.db, { callId: call.id, teryt: card.teryt, by: user.email, at, id: newEntryId() });
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
    versions: versions.map(({ version, receivedAt, sha256 }) => ({ version, receivedAt, sha256 })),
    review,
  };
}
