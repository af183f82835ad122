import * as z from 'zod/mini';
import { GMINA_KINDS } from '../gmina-kinds.ts';
import { REVIEW_STATUSES } from '../review/statuses.ts';
import { keyed } from '../validation.ts';
import { line } from './text.ts';

/**
 * The lists coordinators work with, beyond one card: a call's cards filtered and sorted, its ranking and
 * the ranking's settings, the lead ROPS's dashboard and the CSV export's query. The list's own query and
 * page (ZAdminCardsQuery, ZAdminCardsPage) stay in admin.ts beside the row they extend, built from these.
 */

const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));
const ZReviewStatus = z.enum(REVIEW_STATUSES, keyed('invalid'));

/** How a card reached the ROPS; absent on the item means it was sent through the site. */
export const CARD_CHANNELS = ['online', 'post', 'email'] as const;
export type CardChannel = (typeof CARD_CHANNELS)[number];

/** sent: by time of sending (oldest first); score: highest first, ties by earlier sending; name: Polish collation. */
export const CARD_LIST_SORTS = ['sent', 'score', 'name'] as const;
export type CardListSort = (typeof CARD_LIST_SORTS)[number];

/** The list's filters, as query text; a powiat is its four-digit TERYT code. */
export const cardListFilters = {
  status: z.optional(ZReviewStatus),
  powiat: z.optional(z.string(keyed('invalid')).check(z.regex(/^\d{4}$/, 'invalid'))),
  kind: z.optional(z.enum(GMINA_KINDS, keyed('invalid'))),
  sort: z.optional(z.enum(CARD_LIST_SORTS, keyed('invalid'))),
  /** Part of the gmina's name, diacritics ignored ("lopuszno" finds Łopuszno). */
  q: z.optional(line(100, 0)),
};

/** What a list row adds to the card's facts: where its assessment stands. */
export const cardListRowFields = {
  reviewStatus: z.enum(REVIEW_STATUSES),
  /** Absent until the card has a score. */
  scoreTotal: z.optional(z.number()),
  /** Whether every criterion is scored (a card ranks only then). */
  scoreComplete: z.boolean(),
  channel: z.enum(CARD_CHANNELS),
};

/** Cards per review status under the other filters (powiat, kind, search): the status filter's labels. */
export const ZStatusCounts = z.record(z.enum(REVIEW_STATUSES), z.int());
export type TStatusCounts = z.infer<typeof ZStatusCounts>;

/** GET ranking, PUT ranking settings, GET export.csv: the voivodeship asked for. */
export const ZRankingQuery = z.strictObject({ wojewodztwo: ZWojewodztwoCode });
export type TRankingQuery = z.infer<typeof ZRankingQuery>;

/**
 * GET dashboard: `recount=true` counts from the card items themselves instead of the slim index the
 * dashboard reads (the check that the two agree; ARCHITECTURE.md, "The lead's dashboard").
 */
export const ZDashboardQuery = z.strictObject({ recount: z.optional(z.literal('true')) });
export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;

const SEATS_MAX = 314;

/**
 * Seats and reserve of a call in one voivodeship; quotas split the seats between groups of powiats (e.g.
 * warmińsko-mazurskie's subregions), and then each group's seats must add up to the seats and no powiat
 * may be in two groups. That the powiats are the voivodeship's is checked against the register by the API.
 */
const rankingSettingsFields = {
  seats: z.int(keyed('invalid')).check(z.minimum(1, 'too_small'), z.maximum(SEATS_MAX, 'too_big')),
  reserveSize: z.int(keyed('invalid')).check(z.minimum(0, 'too_small'), z.maximum(SEATS_MAX, 'too_big')),
  quotas: z.optional(
    z
      .array(
        z.strictObject({
          name: line(100),
          powiatCodes: z
            .array(z.string(keyed('invalid')).check(z.regex(/^\d{4}$/, 'invalid')))
            .check(z.minLength(1, 'required'), z.maxLength(50, 'too_long')),
          seats: z.int(keyed('invalid')).check(z.minimum(0, 'too_small'), z.maximum(SEATS_MAX, 'too_big')),
        }),
      )
      .check(z.minLength(1, 'required'), z.maxLength(20, 'too_long')),
  ),
};

type Quotas = {
  seats: number;
  quotas?: { name: string; powiatCodes: string[]; seats: number }[] | undefined;
};

/** The quotas' arithmetic: their seats add up to the seats, names and powiats each once. */
const quotaChecks = () =>
  z.superRefine((settings: Quotas, ctx) => {
    const quotas = settings.quotas ?? [];
    if (quotas.length === 0) return;
    if (quotas.reduce((sum, quota) => sum + quota.seats, 0) !== settings.seats)
      ctx.issues.push({ code: 'custom', message: 'quota_seats_sum', path: ['quotas'], input: settings });
    const names = new Set<string>();
    const seen = new Set<string>();
    quotas.forEach((quota, index) => {
      if (names.has(quota.name))
        ctx.issues.push({
          code: 'custom',
          message: 'duplicate',
          path: ['quotas', index, 'name'],
          input: settings,
        });
      names.add(quota.name);
      quota.powiatCodes.forEach((code, at) => {
        if (seen.has(code))
          ctx.issues.push({
            code: 'custom',
            message: 'duplicate',
            path: ['quotas', index, 'powiatCodes', at],
            input: settings,
          });
        seen.add(code);
      });
    });
  });

export const ZRankingSettings = z.strictObject(rankingSettingsFields).check(quotaChecks());
export type TRankingSettings = z.infer<typeof ZRankingSettings>;

/**
 * The PUT's body: the settings with the revision they replace, as read (0 when none were stored). Two
 * coordinators editing at once: the second to save gets 409 CONFLICT and nothing changes.
 */
export const ZRankingSettingsRequest = z
  .strictObject({
    ...rankingSettingsFields,
    revision: z.int(keyed('invalid')).check(z.minimum(0, 'invalid')),
  })
  .check(quotaChecks());
export type TRankingSettingsRequest = z.infer<typeof ZRankingSettingsRequest>;

export const ZStoredRankingSettings = z.strictObject({
  ...rankingSettingsFields,
  /** +1 on every save; a PUT names the one it read. */
  revision: z.int(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string(),
});
export type TStoredRankingSettings = z.infer<typeof ZStoredRankingSettings>;

const ZGminaRef = z.strictObject({ teryt: z.string(), gminaName: z.string() });

export const ZRankedCard = z.strictObject({
  teryt: z.string(),
  gminaName: z.string(),
  powiatCode: z.string(),
  powiatName: z.string(),
  submittedAt: z.iso.datetime(),
  scoreTotal: z.number(),
  position: z.int(),
  /** The quota group of the card's powiat, when seats are split by quota. */
  group: z.optional(z.string()),
  /** What the ranking proposes; absent until the settings are set. Each decision is a coordinator's. */
  proposal: z.optional(z.enum(['selected', 'reserve', 'not_selected'])),
  status: z.enum(REVIEW_STATUSES),
});
export type TRankedCard = z.infer<typeof ZRankedCard>;

export const ZRankingResponse = z.strictObject({
  callId: z.string(),
  wojewodztwo: ZWojewodztwoCode,
  /** Absent until a coordinator sets them (PUT). */
  settings: z.optional(ZStoredRankingSettings),
  /** Cards with a complete score that are scored, selected, on the reserve list or not selected. */
  ranked: z.array(ZRankedCard),
  /** Cards still in the procedure (not withdrawn, rejected or resigned) without a complete score yet. */
  unscored: z.int(),
  /**
   * For each seat a resigned gmina freed that is still open, the best on the reserve list (from the same
   * group of powiats under quotas); `candidate` absent when the reserve list is used up.
   */
  replacements: z.array(
    z.strictObject({
      resigned: ZGminaRef,
      group: z.optional(z.string()),
      candidate: z.optional(ZGminaRef),
    }),
  ),
});
export type TRankingResponse = z.infer<typeof ZRankingResponse>;

/** The lead ROPS's overview of a call: each voivodeship the user sees, side by side. */
export const ZCallDashboard = z.strictObject({
  callId: z.string(),
  callTitle: z.string(),
  wojewodztwa: z.array(
    z.strictObject({
      wojewodztwo: ZWojewodztwoCode,
      cards: z.int(),
      byStatus: ZStatusCounts,
      selected: z.int(),
      reserve: z.int(),
    }),
  ),
});
export type TCallDashboard = z.infer<typeof ZCallDashboard>;

/** Without a voivodeship: every voivodeship of the call the user sees (the lead ROPS: all of them). */
export const ZExportQuery = z.strictObject({ wojewodztwo: z.optional(ZWojewodztwoCode) });
export type TExportQuery = z.infer<typeof ZExportQuery>;
