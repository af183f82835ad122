import { GMINA_KIND_BY_RODZ, type GminaKind } from '../../shared/gmina-kinds.ts';
import {
  byRank,
  nextFromReserve,
  type Proposal,
  type Quota,
  rankCards,
} from '../../shared/review/ranking.ts';
import { effectiveStatus, REVIEW_STATUSES, type ReviewStatus } from '../../shared/review/statuses.ts';
import type { TAdminCardListRow, TAdminCardsPage, TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  CardListSort,
  TCallDashboard,
  TRankingResponse,
  TRankingSettings,
  TRankingSettingsRequest,
  TStatusCounts,
  TStoredRankingSettings,
} from '../../shared/schemas/review-lists.ts';
import { foldPolish } from '../../shared/teryt/search.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  getRankingSettings,
  type ListedCard,
  listCardStatuses,
  listCardsOfVoivodeship,
  putRankingSettings,
  recountCardStatuses,
} from '../repositories/review-lists.ts';
import { requireVoivodeship, seenOf } from './access.ts';
import { powiatNames, toRow } from './review-cards.ts';

/**
 * A call's cards in one voivodeship as coordinators work with them: the list (filtered, sorted, paged),
 * the ranking and its settings, and the lead's dashboard. A voivodeship holds ≤ 314 gminas, so each reads
 * its partition whole with a small projection (one paginated Query) and filters and sorts in memory.
 */
type Deps = { db: Db; now: () => Date };

export const DEFAULT_PAGE_SIZE = 50;

export interface CardListInput {
  callId: string;
  wojewodztwo: string;
  pageToken?: string | undefined;
  limit?: number | undefined;
  status?: ReviewStatus | undefined;
  powiat?: string | undefined;
  kind?: GminaKind | undefined;
  sort?: CardListSort | undefined;
  q?: string | undefined;
}

type Listed = ListedCard & { reviewStatus: ReviewStatus };

let collator: Intl.Collator | undefined;
const byName = (a: string, b: string) => {
  collator ??= new Intl.Collator('pl', { sensitivity: 'base' });
  return collator.compare(a, b);
};

type Position = Pick<ListedCard, 'teryt' | 'gminaName' | 'submittedAt' | 'scoreTotal'>;

/** The list's orders; each ends on the TERYT code, so a position in it is exact. */
const ORDERS: Record<CardListSort, (a: Position, b: Position) => number> = {
  sent: (a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.teryt.localeCompare(b.teryt),
  // Unscored cards after the scored ones, in order of sending.
  score: (a, b) =>
    (b.scoreTotal ?? Number.NEGATIVE_INFINITY) - (a.scoreTotal ?? Number.NEGATIVE_INFINITY) ||
    a.submittedAt.localeCompare(b.submittedAt) ||
    a.teryt.localeCompare(b.teryt),
  name: (a, b) => byName(a.gminaName, b.gminaName) || a.teryt.localeCompare(b.teryt),
};

/*
 * A page token is where the last page ended in its order (the last row's sort values, which the page
 * showed), with the order and a fingerprint of the filters it was made under, as base64url JSON. It is
 * checked before anything is read: a token from other filters, another order or another voivodeship, or
 * one not exactly as this code writes it, is a 400 naming query.pageToken.
 */
function filterPrint(input: CardListInput): string {
  const filters = [input.status ?? '', input.powiat ?? '', input.kind ?? '', foldPolish(input.q ?? '')];
  return sha256Hex(JSON.stringify(filters)).slice(0, 12);
}

function positionValues(sort: CardListSort, row: Position): (string | number | null)[] {
  if (sort === 'score') return [row.scoreTotal ?? null, row.submittedAt, row.teryt];
  if (sort === 'name') return [row.gminaName, row.teryt];
  return [row.submittedAt, row.teryt];
}

function encodePageToken(sort: CardListSort, print: string, row: Position): string {
  return Buffer.from(JSON.stringify([sort, print, ...positionValues(sort, row)]), 'utf8').toString(
    'base64url',
  );
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

function decodePageToken(token: string, input: CardListInput, sort: CardListSort): Position {
  const invalid = () => new AppError('VALIDATION_FAILED', { fields: { 'query.pageToken': 'invalid' } });
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values[0] !== sort || values[1] !== filterPrint(input)) throw invalid();
  const rest = values.slice(2);
  const [first, second, third] = rest;
  let position: Position | undefined;
  if (sort === 'score' && rest.length === 3 && (first === null || Number.isFinite(first)))
    position = { scoreTotal: first ?? undefined, submittedAt: second, teryt: third, gminaName: '' };
  else if (sort === 'name' && rest.length === 2 && typeof first === 'string' && first.length <= 100)
    position = { gminaName: first, teryt: second, submittedAt: '' };
  else if (sort === 'sent' && rest.length === 2)
    position = { submittedAt: first, teryt: second, gminaName: '' };
  const fits =
    position &&
    typeof position.teryt === 'string' &&
    /^\d{7}$/.test(position.teryt) &&
    position.teryt.startsWith(input.wojewodztwo) &&
    (sort === 'name' || (typeof position.submittedAt === 'string' && INSTANT.test(position.submittedAt)));
  if (!position || !fits || encodePageToken(sort, values[1], position) !== token) throw invalid();
  return position;
}

function withStatus(card: ListedCard): Listed {
  return { ...card, reviewStatus: effectiveStatus(card) };
}

function zeroCounts(): TStatusCounts {
  return Object.fromEntries(REVIEW_STATUSES.map((status) => [status, 0])) as TStatusCounts;
}

function listRow(card: Listed, powiaty: ReadonlyMap<string, string>): TAdminCardListRow {
  return {
    ...toRow(card, powiaty),
    reviewStatus: card.reviewStatus,
    ...(card.scoreTotal === undefined ? {} : { scoreTotal: card.scoreTotal }),
    scoreComplete: card.scoreComplete,
    channel: card.channel,
  };
}

export async function listCallCards(
  deps: Deps,
  user: TAdminUser,
  input: CardListInput,
): Promise<TAdminCardsPage> {
  requireVoivodeship(user, input.wojewodztwo);
  if (input.powiat && !input.powiat.startsWith(input.wojewodztwo))
    throw new AppError('VALIDATION_FAILED', { fields: { 'query.powiat': 'invalid' } });
  const sort = input.sort ?? 'sent';
  const after = input.pageToken ? decodePageToken(input.pageToken, input, sort) : undefined;
  const [call, cards, powiaty] = await Promise.all([
    getCall(deps.db, input.callId),
    listCardsOfVoivodeship(deps.db, { callId: input.callId, wojewodztwo: input.wojewodztwo }),
    powiatNames(),
  ]);
  if (!call?.wojewodztwa.includes(input.wojewodztwo)) throw new AppError('CALL_NOT_FOUND');

  const q = foldPolish(input.q?.trim() ?? '');
  const counts = zeroCounts();
  const matching: Listed[] = [];
  for (const card of cards.map(withStatus)) {
    if (input.powiat && card.powiatCode !== input.powiat) continue;
    if (input.kind && GMINA_KIND_BY_RODZ[card.teryt.slice(6)] !== input.kind) continue;
    if (q && !foldPolish(card.gminaName).includes(q)) continue;
    counts[card.reviewStatus] += 1;
    if (!input.status || card.reviewStatus === input.status) matching.push(card);
  }
  const order = ORDERS[sort];
  matching.sort(order);
  const start = after ? matching.findIndex((card) => order(card, after) > 0) : 0;
  const limit = input.limit ?? DEFAULT_PAGE_SIZE;
  const page = start < 0 ? [] : matching.slice(start, start + limit);
  const last = page.at(-1);
  const more = start >= 0 && start + limit < matching.length;
  return {
    cards: page.map((card) => listRow(card, powiaty)),
    total: matching.length,
    counts,
    ...(more && last ? { nextPageToken: encodePageToken(sort, filterPrint(input), last) } : {}),
  };
}

/** Statuses whose cards take part in the ranking (with a complete score). */
const RANKED: ReadonlySet<ReviewStatus> = new Set(['scored', 'selected', 'reserve', 'not_selected']);
/** Statuses that have left the procedure: neither ranked nor waiting for a score. */
const OUT: ReadonlySet<ReviewStatus> = new Set(['withdrawn', 'formally_rejected', 'resigned']);

/** What the ranking reads of a card; `status` is the review status (nextFromReserve looks for 'reserve'). */
type Rankable = Pick<ListedCard, 'teryt' | 'gminaName' | 'powiatCode' | 'submittedAt'> & {
  total: number;
  status: ReviewStatus;
};

function rankable(card: Listed): card is Listed & { scoreTotal: number } {
  return RANKED.has(card.reviewStatus) && card.scoreComplete && typeof card.scoreTotal === 'number';
}

/**
 * The best reserve card for each seat a resignation freed that is still open: per group (the whole
 * voivodeship without quotas), seats minus cards now selected, paired with that group's resigned cards.
 */
function replacementsOf(cards: readonly Listed[], ranked: readonly Rankable[], settings: TRankingSettings) {
  const groups: { name?: string; seats: number; powiats?: Quota['powiatCodes'] }[] = settings.quotas
    ? settings.quotas.map((quota) => ({ name: quota.name, seats: quota.seats, powiats: quota.powiatCodes }))
    : [{ seats: settings.seats }];
  const taken = new Set<string>();
  const replacements: TRankingResponse['replacements'] = [];
  for (const group of groups) {
    const inGroup = (card: Listed) => !group.powiats || group.powiats.includes(card.powiatCode);
    const selected = cards.filter((card) => inGroup(card) && card.reviewStatus === 'selected').length;
    const resigned = cards
      .filter((card) => inGroup(card) && card.reviewStatus === 'resigned')
      .map((card) => ({ ...card, total: card.scoreTotal ?? 0 }))
      .sort(byRank);
    const open = Math.max(0, group.seats - selected);
    for (const gone of resigned.slice(0, open)) {
      const pool = ranked.filter((card) => !taken.has(card.teryt));
      const candidate = nextFromReserve(pool, gone, settings.quotas);
      if (candidate) taken.add(candidate.teryt);
      replacements.push({
        resigned: { teryt: gone.teryt, gminaName: gone.gminaName },
        ...(group.name ? { group: group.name } : {}),
        ...(candidate ? { candidate: { teryt: candidate.teryt, gminaName: candidate.gminaName } } : {}),
      });
    }
  }
  return replacements;
}

export async function callRanking(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string },
): Promise<TRankingResponse> {
  requireVoivodeship(user, input.wojewodztwo);
  const [call, settings, listed, powiaty] = await Promise.all([
    getCall(deps.db, input.callId),
    getRankingSettings(deps.db, input.callId, input.wojewodztwo),
    listCardsOfVoivodeship(deps.db, input),
    powiatNames(),
  ]);
  if (!call?.wojewodztwa.includes(input.wojewodztwo)) throw new AppError('CALL_NOT_FOUND');
  const cards = listed.map(withStatus);
  const inRanking: Rankable[] = cards.filter(rankable).map((card) => ({
    teryt: card.teryt,
    gminaName: card.gminaName,
    powiatCode: card.powiatCode,
    submittedAt: card.submittedAt,
    total: card.scoreTotal,
    status: card.reviewStatus,
  }));
  const ranked: { card: Rankable; position: number; group?: string; proposal?: Proposal }[] = settings
    ? rankCards(inRanking, settings)
    : [...inRanking].sort(byRank).map((card, index) => ({ card, position: index + 1 }));
  return {
    callId: call.id,
    wojewodztwo: input.wojewodztwo,
    ...(settings ? { settings } : {}),
    ranked: ranked.map((entry) => ({
      teryt: entry.card.teryt,
      gminaName: entry.card.gminaName,
      powiatCode: entry.card.powiatCode,
      powiatName: powiaty.get(entry.card.powiatCode) ?? entry.card.powiatCode,
      submittedAt: entry.card.submittedAt,
      scoreTotal: entry.card.total,
      position: entry.position,
      ...(entry.group ? { group: entry.group } : {}),
      ...(entry.proposal ? { proposal: entry.proposal } : {}),
      status: entry.card.status,
    })),
    unscored: cards.filter((card) => !OUT.has(card.reviewStatus) && !rankable(card)).length,
    replacements: settings ? replacementsOf(cards, inRanking, settings) : [],
  };
}

/**
 * Saves the ranking's settings. The schema checked their arithmetic; here every powiat must be one of the
 * voivodeship's in the TERYT register (checked before anything is read or written).
 */
export async function setRankingSettings(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string; settings: TRankingSettingsRequest },
): Promise<TStoredRankingSettings> {
  requireVoivodeship(user, input.wojewodztwo);
  const powiaty = await powiatNames();
  const fields: Record<string, string> = {};
  input.settings.quotas?.forEach((quota, index) => {
    quota.powiatCodes.forEach((code, at) => {
      if (!code.startsWith(input.wojewodztwo) || !powiaty.has(code))
        fields[`quotas.${index}.powiatCodes.${at}`] = 'powiat_not_in_voivodeship';
    });
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  const call = await getCall(deps.db, input.callId);
  if (!call?.wojewodztwa.includes(input.wojewodztwo)) throw new AppError('CALL_NOT_FOUND');
  const { revision, ...settings } = input.settings;
  const stored = await putRankingSettings(deps.db, {
    callId: call.id,
    wojewodztwo: input.wojewodztwo,
    settings,
    revision,
    at: deps.now().toISOString(),
    by: user.email,
  });
  // Another coordinator saved since this one read them: theirs stay, this one reads them again.
  if (!stored) throw new AppError('CONFLICT');
  return stored;
}

/**
 * Every voivodeship of the call the user sees, side by side. The call's head is public (GET /api/calls/…),
 * so reading it before deciding tells a refused user nothing; a call with none of the user's voivodeships is
 * FORBIDDEN. One Query per voivodeship partition of the slim index gsi2list (≈ 200 B a card: its two status
 * attributes and the list's facts, never the answers), in parallel. `recount` reads the card items
 * themselves instead (a BatchGet per gmina of the voivodeship in the TERYT register): the check
 * that the index agrees with them (ARCHITECTURE.md, "The lead's dashboard").
 */
export async function callDashboard(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; recount?: boolean },
): Promise<TCallDashboard> {
  const call = await getCall(deps.db, input.callId);
  if (!call) throw new AppError('CALL_NOT_FOUND');
  const seen = seenOf(user, call.wojewodztwa);
  if (seen.length === 0) throw new AppError('FORBIDDEN');
  const gminy = input.recount ? (await import('../../shared/teryt/index.ts')).GMINY : [];
  const perVoivodeship = await Promise.all(
    seen.map(async (wojewodztwo) => {
      const byStatus = zeroCounts();
      const cards = input.recount
        ? await recountCardStatuses(
            deps.db,
            call.id,
            gminy.filter((gmina) => gmina.wojewodztwoCode === wojewodztwo).map((gmina) => gmina.teryt),
          )
        : await listCardStatuses(deps.db, call.id, wojewodztwo);
      for (const card of cards) byStatus[effectiveStatus(card)] += 1;
      return {
        wojewodztwo,
        cards: cards.length,
        byStatus,
        selected: byStatus.selected,
        reserve: byStatus.reserve,
      };
    }),
  );
  return { callId: call.id, callTitle: call.title, wojewodztwa: perVoivodeship };
}
