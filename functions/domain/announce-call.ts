import { callFromWarsawTimes } from '../../shared/calls.ts';
import type { TAdminProgramme, TAdminUser, TCreateCallRequest } from '../../shared/schemas/admin.ts';
import type { TCallOverlap } from '../../shared/schemas/call-life.ts';
import { retainUntilOf, type TCall } from '../../shared/schemas/programme.ts';
import { foldPolish } from '../../shared/teryt/search.ts';
import { AppError } from '../lib/errors.ts';
import { createCall, getCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getProgramme, listProgrammes } from '../repositories/programmes.ts';
import { requireVoivodeships, seenOf } from './access.ts';
import { findOverlaps } from './call-life.ts';

/**
 * A ROPS announces a nabór in its own voivodeships (the lead ROPS in any of the programme's). Times come as
 * Warsaw wall-clock and are stored as instants (shared/calls.ts), so a deadline means the same minute in
 * winter and in summer.
 */
type Deps = { db: Db; now: () => Date };

/**
 * A call's id from its title: Polish letters folded, anything but letters and digits a hyphen, at most 56
 * characters cut at a word's end (room for a suffix), at least 3 ("nabor-…" before a shorter one).
 */
export function slugOfTitle(title: string): string {
  const slug = foldPolish(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = slug.length > 56 ? slug.slice(0, 56).replace(/-[^-]*$/, '') || slug.slice(0, 56) : slug;
  return cut.length >= 3 ? cut : `nabor-${cut}`.replace(/-+$/, '');
}

/** Ids tried for a title: its slug, then "-2", "-3", … while taken. */
const SUFFIXES = 50;

/** The announced call and the calls it overlaps (a warning the panel shows; nothing is refused for it). */
export async function announceCall(
  deps: Deps,
  user: TAdminUser,
  entry: TCreateCallRequest,
): Promise<TCall & { overlaps: TCallOverlap[] }> {
  // Before anything is read: whether the call could be stored says nothing to someone not allowed.
  requireVoivodeships(user, entry.wojewodztwa);
  const programme = await getProgramme(deps.db, entry.programmeId);
  if (!programme) throw new AppError('VALIDATION_FAILED', { fields: { programmeId: 'unknown_programme' } });
  if (!entry.wojewodztwa.every((code) => programme.wojewodztwa.includes(code))) {
    throw new AppError('VALIDATION_FAILED', { fields: { wojewodztwa: 'not_in_programme' } });
  }
  const timed: TCall = {
    ...callFromWarsawTimes(entry, entry.id ?? slugOfTitle(entry.title)),
    // Its cards' personal data is kept as long as the programme says (TTL), their links this long.
    retainUntil: retainUntilOf(programme),
    ...(programme.cardLinkDays === undefined ? {} : { cardLinkDays: programme.cardLinkDays }),
  };
  // A call that has already closed could take no card: most likely a mistyped year.
  if (Date.parse(timed.closesAt) <= deps.now().getTime()) {
    throw new AppError('VALIDATION_FAILED', { fields: { closesAt: 'closes_in_past' } });
  }
  const call = entry.id ? timed : await storeUnderFreeId(deps, timed);
  if (entry.id && (await createCall(deps.db, call)) === 'exists') {
    throw new AppError('CONFLICT', { fields: { id: 'taken' } });
  }
  return { ...call, overlaps: await findOverlaps(deps.db, call) };
}

/** Stores the call under its title's slug, or the first of "-2", "-3", … not taken (a race retries). */
async function storeUnderFreeId(deps: Deps, call: TCall): Promise<TCall> {
  for (let n = 1; n <= SUFFIXES; n += 1) {
    const id = n === 1 ? call.id : `${call.id}-${n}`;
    if (await getCall(deps.db, id)) continue;
    if ((await createCall(deps.db, { ...call, id })) === 'created') return { ...call, id };
  }
  throw new AppError('CONFLICT', { fields: { title: 'taken' } });
}

/** The programmes a call can be announced in, with the voivodeships of each the user may choose. */
export async function programmesToAnnounce(deps: Deps, user: TAdminUser): Promise<TAdminProgramme[]> {
  const programmes = await listProgrammes(deps.db);
  return programmes
    .map(({ id, name, wojewodztwa }) => ({ id, name, wojewodztwa: seenOf(user, wojewodztwa) }))
    .filter((programme) => programme.wojewodztwa.length > 0);
}
