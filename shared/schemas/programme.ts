import * as z from 'zod/mini';
import { GMINA_KINDS } from '../gmina-kinds.ts';
import { isWarsawWallClock } from '../time.ts';
import { ZRopsContact } from './contacts.ts';
import { line, paragraphs } from './text.ts';

const ZDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const ZInstant = z.iso.datetime();
const ZWojewodztwoCode = z.string().check(z.regex(/^\d{2}$/));
/** A list that names nothing twice: a call's voivodeship is one item of its own, written once. */
const noRepeats = z.refine<readonly string[]>(
  (values) => new Set(values).size === values.length,
  'duplicate',
);

/** Every voivodeship's TERYT code (02–32, even): a code outside it names no voivodeship. */
export const WOJEWODZTWO_CODES = [
  '02',
  '04',
  '06',
  '08',
  '10',
  '12',
  '14',
  '16',
  '18',
  '20',
  '22',
  '24',
  '26',
  '28',
  '30',
  '32',
] as const;
const ZKnownWojewodztwo = z
  .string()
  .check(z.refine((code) => (WOJEWODZTWO_CODES as readonly string[]).includes(code), 'unknown_wojewodztwo'));

/** "2027-02-30" has the shape of a date but names none. */
const ZCalendarDate = ZDate.check(
  z.refine((date) => {
    const instant = new Date(`${date}T00:00:00Z`);
    return !Number.isNaN(instant.getTime()) && instant.toISOString().slice(0, 10) === date;
  }, 'invalid_date'),
);

/** A kamień milowy: its number (1–4 for KM I–IV), what happens in it and its dates (Warsaw calendar). */
export const ZMilestone = z
  .strictObject({
    number: z.int().check(z.minimum(1), z.maximum(12)),
    name: line(200),
    startsOn: ZCalendarDate,
    endsOn: ZCalendarDate,
  })
  .check(
    z.refine((milestone) => milestone.startsOn <= milestone.endsOn, {
      message: 'ends_before_start',
      path: ['endsOn'],
    }),
  );
export type TMilestone = z.infer<typeof ZMilestone>;

/**
 * A programme: its voivodeships (the lead ROPS's among them), its dates, the gmina kinds its calls are for,
 * and its milestones, numbered once each, each within its own dates (reminders read these dates).
 */
export const ZProgramme = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9-]{3,64}$/)),
    name: line(200),
    description: paragraphs(4000, 0),
    leadWojewodztwo: ZKnownWojewodztwo,
    wojewodztwa: z.array(ZKnownWojewodztwo).check(z.minLength(1), noRepeats),
    gminaKinds: z.array(z.enum(GMINA_KINDS)).check(z.minLength(1), noRepeats),
    startsOn: ZCalendarDate,
    endsOn: ZCalendarDate,
    milestones: z.array(ZMilestone).check(
      z.maxLength(12),
      z.refine(
        (milestones) => new Set(milestones.map((milestone) => milestone.number)).size === milestones.length,
        'duplicate_number',
      ),
    ),
    /**
     * The last day the personal data of the programme's cards is kept (RODO art. 5(1)(e)); absent: the
     * default, defaultRetainUntil(endsOn). A change takes effect by the apply-retention job (every 6 hours).
     */
    retainUntil: z.optional(ZCalendarDate),
    /** How many days after a call's closing its cards' e-mailed links work; absent: CARD_LINK_DAYS. */
    cardLinkDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
  })
  .check(
    z.refine(
      (programme) => programme.retainUntil === undefined || programme.retainUntil >= programme.endsOn,
      {
        message: 'before_programme_end',
        path: ['retainUntil'],
      },
    ),
    z.refine((programme) => programme.startsOn <= programme.endsOn, {
      message: 'ends_before_start',
      path: ['endsOn'],
    }),
    z.refine((programme) => programme.wojewodztwa.includes(programme.leadWojewodztwo), {
      message: 'lead_not_in_programme',
      path: ['leadWojewodztwo'],
    }),
  );
export type TProgramme = z.infer<typeof ZProgramme>;

/** Days after a call's closing that its cards' links work, unless the programme says otherwise. */
export const CARD_LINK_DAYS = 30;

/**
 * The default end of keeping a programme's documents: 31 December of the fifth year after the programme's
 * end. EU funds' rules (Regulation 2021/1060 art. 82; for 2014–2020, Regulation 1303/2013 art. 140 with the
 * national rules) keep a project's documents five years from 31 December of the year of the last payment to
 * the beneficiary, which comes at the latest around the programme's end. A ROPS whose managing authority
 * requires longer (state aid: 10 years) sets `retainUntil`.
 */
export function defaultRetainUntil(endsOn: string): string {
  return `${Number(endsOn.slice(0, 4)) + 5}-12-31`;
}

export function retainUntilOf(programme: Pick<TProgramme, 'endsOn' | 'retainUntil'>): string {
  return programme.retainUntil ?? defaultRetainUntil(programme.endsOn);
}

export const ZProgrammeResponse = z.strictObject({ programme: ZProgramme });

/** A call's id: a slug of its title (functions/domain/call-ids.ts), or one given when it was announced. */
const ZCallId = z.string().check(z.regex(/^[a-z0-9-]{3,64}$/));
/** A file attached to a call's rules, as the public page lists it (stored in the documents bucket). */
export const ZCallAttachment = z.strictObject({
  id: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.int(),
  addedAt: ZInstant,
});
export type TCallAttachment = z.infer<typeof ZCallAttachment>;

/**
 * What a call becomes over its life (issue 17), beside what was announced: the revision every change is
 * conditioned on (absent = 0, never changed), its cancellation, the gminas it invites (TERYT codes; absent =
 * open to every eligible gmina) and the attachments of its rules.
 */
const callLife = {
  revision: z.optional(z.int()),
  cancelled: z.optional(z.strictObject({ at: ZInstant, reason: z.string() })),
  invited: z.optional(z.array(z.string().check(z.regex(/^\d{7}$/)))),
  attachments: z.optional(z.array(ZCallAttachment)),
};

const callShape = {
  id: ZCallId,
  programmeId: z.string(),
  // Titles and rules go into e-mail subjects and bodies to every clerk of the call: the card's text rules
  // (one line for the title, no control characters, well-formed), or one coordinator's typo stops them all.
  title: line(300),
  wojewodztwa: z.array(ZWojewodztwoCode).check(z.minLength(1), noRepeats),
  gminaKinds: z.array(z.enum(GMINA_KINDS)).check(z.minLength(1), noRepeats),
  opensAt: ZInstant,
  closesAt: ZInstant,
  formVersion: z.int().check(z.minimum(1)),
  rules: paragraphs(10_000, 0),
};
/** Copied from the programme when the call is announced, kept up to date by apply-retention. */
const callRetention = {
  retainUntil: z.optional(ZCalendarDate),
  cardLinkDays: z.optional(z.int().check(z.minimum(1), z.maximum(365))),
};
/** A nabór: a recruitment call of a programme in one or more voivodeships. */
export const ZCall = z.strictObject({ ...callShape, ...callLife, ...callRetention });
export type TCall = z.infer<typeof ZCall>;

/** A call as the public site shows it: with its programme's name. */
/** A Warsaw wall-clock time as a ROPS announces it: "2018-05-18T23:59". */
const WARSAW_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** "2027-02-30T10:00" and "…T25:70" have the shape but name no wall-clock time; Date.UTC would roll them on. */
function isWallClock(local: string): boolean {
  if (!WARSAW_LOCAL.test(local)) return false;
  const [year, month, day, hour, minute] = local.split(/[-T:]/).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute)).toISOString().slice(0, 16) === local;
}
const ZWarsawLocal = z.string().check(
  z.refine(isWallClock, 'invalid'),
  z.refine((local) => !isWallClock(local) || isWarsawWallClock(local), 'not_in_warsaw'),
);

/**
 * A call as a coordinator enters it: opening and closing in Warsaw local time. `callFromWarsawTimes`
 * (shared/calls.ts) turns it into a ZCall with instants, DST-correct.
 */
export const ZCallEntry = z
  .strictObject({
    // Retention and links are the programme's, never typed with a call.
    ...callShape,
    // Made from the title when absent (no slug to invent); one given is still taken, as before.
    id: z.optional(ZCallId),
    opensAt: ZWarsawLocal,
    closesAt: ZWarsawLocal,
  })
  .check(
    // Only two well-formed times can be compared; a malformed one has its own message already.
    z.refine(
      (entry) =>
        !WARSAW_LOCAL.test(entry.opensAt) ||
        !WARSAW_LOCAL.test(entry.closesAt) ||
        entry.opensAt < entry.closesAt,
      {
        message: 'closes_before_opening',
        path: ['closesAt'],
      },
    ),
  );
export type TCallEntry = z.infer<typeof ZCallEntry>;
export { ZWarsawLocal };

export const ZListedCall = z.strictObject({ ...ZCall.shape, programmeName: z.string() });
export type TListedCall = z.infer<typeof ZListedCall>;

export const ZOpenCallsResponse = z.strictObject({ calls: z.array(ZListedCall) });
export type TOpenCallsResponse = z.infer<typeof ZOpenCallsResponse>;

/** One call, with the contact of the ROPS of each of its voivodeships (shown on the call's page). */
export const ZCallResponse = z.strictObject({
  call: ZListedCall,
  contacts: z.optional(z.array(ZRopsContact)),
});
export type TCallResponse = z.infer<typeof ZCallResponse>;

export const ZOpenCallsQuery = z.strictObject({
  wojewodztwo: z.optional(ZWojewodztwoCode),
  programme: z.optional(z.string().check(z.regex(/^[a-z0-9-]{3,64}$/))),
});
export type TOpenCallsQuery = z.infer<typeof ZOpenCallsQuery>;
