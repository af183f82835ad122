import { callFromWarsawTimes } from '../../shared/calls.ts';
import type { TAdminProgramme, TAdminUser, TCreateCallRequest } from '../../shared/schemas/admin.ts';
import { retainUntilOf, type TCall } from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import { createCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getProgramme, listProgrammes } from '../repositories/programmes.ts';
import { requireVoivodeships, seenOf } from './access.ts';

/**
 * A ROPS announces a nabór in its own voivodeships (the lead ROPS in any of the programme's). Times come as
 * Warsaw wall-clock and are stored as instants (shared/calls.ts), so a deadline means the same minute in
 * winter and in summer.
 */
type Deps = { db: Db; now: () => Date };

export async function announceCall(deps: Deps, user: TAdminUser, entry: TCreateCallRequest): Promise<TCall> {
  // Before anything is read: whether the call could be stored says nothing to someone not allowed.
  requireVoivodeships(user, entry.wojewodztwa);
  const programme = await getProgramme(deps.db, entry.programmeId);
  if (!programme) throw new AppError('VALIDATION_FAILED', { fields: { programmeId: 'unknown_programme' } });
  if (!entry.wojewodztwa.every((code) => programme.wojewodztwa.includes(code))) {
    throw new AppError('VALIDATION_FAILED', { fields: { wojewodztwa: 'not_in_programme' } });
  }
  const call: TCall = {
    ...callFromWarsawTimes(entry),
    // Its cards' personal data is kept as long as the programme says (TTL), their links this long.
    retainUntil: retainUntilOf(programme),
    ...(programme.cardLinkDays === undefined ? {} : { cardLinkDays: programme.cardLinkDays }),
  };
  // A call that has already closed could take no card: most likely a mistyped year.
  if (Date.parse(call.closesAt) <= deps.now().getTime()) {
    throw new AppError('VALIDATION_FAILED', { fields: { closesAt: 'closes_in_past' } });
  }
  if ((await createCall(deps.db, call)) === 'exists') {
    throw new AppError('CONFLICT', { fields: { id: 'taken' } });
  }
  return call;
}

/** The programmes a call can be announced in, with the voivodeships of each the user may choose. */
export async function programmesToAnnounce(deps: Deps, user: TAdminUser): Promise<TAdminProgramme[]> {
  const programmes = await listProgrammes(deps.db);
  return programmes
    .map(({ id, name, wojewodztwa }) => ({ id, name, wojewodztwa: seenOf(user, wojewodztwa) }))
    .filter((programme) => programme.wojewodztwa.length > 0);
}
