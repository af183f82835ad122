import * as z from 'zod/mini';
import { CARD_FORM_VERSION } from '../card-form-version.ts';
import { GMINA_KINDS } from '../gmina-kinds.ts';
import { keyed } from '../validation.ts';
import { ZCallEntry } from './programme.ts';
import { ZCardRegistration } from './registration.ts';
import { ZCardReview } from './review.ts';
import { cardListFilters, cardListRowFields, ZStatusCounts } from './review-lists.ts';

/**
 * The contracts of the coordinators' panel (ROPS staff; the lead ROPS sees every voivodeship); its routes and
 * which need a session cookie are in functions/routes.ts.
 */

const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));

export const ZSignInRequest = z.strictObject({
  email: z.string(keyed('invalid')).check(z.trim(), z.maxLength(254, 'too_long'), z.email('email')),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

/** The token from the link's fragment: 256 random bits, base64url. */
export const ZStartSessionRequest = z.strictObject({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/)),
});

/**
 * The signed-in user. `wojewodztwa` is their reach: a coordinator's own voivodeships; for the lead ROPS, the
 * voivodeships of the programmes it leads (`programmes`: those whose lead voivodeship is its own,
 * `ownWojewodztwa`), so a lead of one programme never reaches another's regions.
 */
export const ZAdminUser = z.strictObject({
  email: z.string(),
  name: z.string(),
  role: z.enum(['coordinator', 'lead']),
  wojewodztwa: z.array(ZWojewodztwoCode),
  programmes: z.optional(z.array(z.string())),
  ownWojewodztwa: z.optional(z.array(ZWojewodztwoCode)),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZAdminCallsResponse = z.strictObject({
  user: ZAdminUser,
  /**
   * Open now first (nearest deadline first), then closed (newest first), then not open yet (soonest first);
   * `wojewodztwa` are those of the call the user may see.
   */
  calls: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      wojewodztwa: z.array(ZWojewodztwoCode),
      opensAt: z.iso.datetime(),
      closesAt: z.iso.datetime(),
    }),
  ),
});
export type TAdminCallsResponse = z.infer<typeof ZAdminCallsResponse>;

/**
 * Query values arrive as text; `limit` is a page size of 1–100; filters and sort in review-lists.ts. A page
 * token is good only for the filters and sort it was given with.
 */
export const ZAdminCardsQuery = z.strictObject({
  wojewodztwo: ZWojewodztwoCode,
  pageToken: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,400}$/))),
  limit: z.optional(z.string().check(z.regex(/^(100|[1-9]\d?)$/))),
  ...cardListFilters,
});
export type TAdminCardsQuery = z.infer<typeof ZAdminCardsQuery>;

/** As a coordinator reads it: "changed" is a card sent again with new answers. */
export const ADMIN_CARD_STATUSES = ['submitted', 'changed', 'withdrawn'] as const;

export const ZAdminCardRow = z.strictObject({
  teryt: z.string(),
  gminaName: z.string(),
  powiatName: z.string(),
  kind: z.enum(GMINA_KINDS),
  submittedAt: z.iso.datetime(),
  reference: z.string(),
  status: z.enum(ADMIN_CARD_STATUSES),
  version: z.int(),
});
export type TAdminCardRow = z.infer<typeof ZAdminCardRow>;

/** A row of the list: the card's facts and where its assessment stands. */
export const ZAdminCardListRow = z.strictObject({ ...ZAdminCardRow.shape, ...cardListRowFields });
export type TAdminCardListRow = z.infer<typeof ZAdminCardListRow>;

export const ZAdminCardsPage = z.strictObject({
  cards: z.array(ZAdminCardListRow),
  /** Cards matching every filter, on all pages. */
  total: z.int(),
  /** Per review status, under every filter but the status one. */
  counts: ZStatusCounts,
  /** Absent on the last page. Opaque: send it back as it is, with the same filters and sort. */
  nextPageToken: z.optional(z.string()),
});
export type TAdminCardsPage = z.infer<typeof ZAdminCardsPage>;

const ZVoid = z.strictObject({ at: z.iso.datetime(), by: z.string(), reason: z.string() });

export const ZAdminCardView = z.strictObject({
  callId: z.string(),
  callTitle: z.string(),
  wojewodztwo: ZWojewodztwoCode,
  ...ZAdminCardRow.shape,
  updatedAt: z.iso.datetime(),
  sha256: z.string(),
  /** The answers as labelled rows, in Polish (the sections of the confirmation e-mail). */
  summary: z.array(z.strictObject({ title: z.string(), rows: z.array(z.tuple([z.string(), z.string()])) })),
  versions: z.array(z.strictObject({ version: z.int(), receivedAt: z.iso.datetime(), sha256: z.string() })),
  /** The assessment: status, checklist, score, notes, audit log, changes between versions, warnings. */
  review: ZCardReview,
  /** A card that came by post or e-mail: how and when it was sent, who registered it, its scan. */
  registration: z.optional(ZCardRegistration),
  /**
   * Set when a coordinator voided this card (issue 13): when, by whom and why. `status` then reads
   * "withdrawn" (out of the running), so older panels show it as such.
   */
  voided: z.optional(ZVoid),
  /**
   * Cards of this gmina in this call voided before this one (issue 13), oldest first: each with its
   * reference, contact, versions and the void. Their audit entries are in `review.audit`.
   */
  voidedCards: z.optional(
    z.array(
      z.strictObject({
        reference: z.string(),
        submittedAt: z.iso.datetime(),
        channel: z.enum(['online', 'post', 'email']),
        contact: z.strictObject({
          name: z.string(),
          position: z.string(),
          email: z.string(),
          phone: z.string(),
        }),
        versions: z.array(
          z.strictObject({ version: z.int(), receivedAt: z.iso.datetime(), sha256: z.string() }),
        ),
        voided: ZVoid,
      }),
    ),
  ),
});
export type TAdminCardView = z.infer<typeof ZAdminCardView>;

/** A programme as the form announcing a call offers it. */
export const ZAdminProgramme = z.strictObject({
  id: z.string(),
  name: z.string(),
  wojewodztwa: z.array(ZWojewodztwoCode),
});
export type TAdminProgramme = z.infer<typeof ZAdminProgramme>;

export const ZAdminProgrammesResponse = z.strictObject({ programmes: z.array(ZAdminProgramme) });
export type TAdminProgrammesResponse = z.infer<typeof ZAdminProgrammesResponse>;

/**
 * A nabór as a coordinator announces it: opening and closing in Warsaw local time (ZCallEntry), for the
 * version of the karta zgłoszeniowa this code has — a call for another version would take no cards.
 */
export const ZCreateCallRequest = ZCallEntry.check(
  z.refine((entry) => entry.formVersion === CARD_FORM_VERSION, {
    message: 'form_version',
    path: ['formVersion'],
  }),
);
export type TCreateCallRequest = z.infer<typeof ZCreateCallRequest>;
