import type { TCall, TCallEntry } from './schemas/programme.ts';
import { warsawLocalToInstant } from './time.ts';

/**
 * The call with its Warsaw wall-clock times turned into instants. "Do 18 maja 2018 r., 23:59" is 21:59 UTC
 * in summer and 22:59 UTC in winter; the comparison against a card's receipt time uses the instant.
 */
export function callFromWarsawTimes(entry: TCallEntry, id: string | undefined = entry.id): TCall {
  if (!id) throw new Error('A call needs an id (made from its title when none is given)');
  return {
    ...entry,
    id,
    opensAt: warsawLocalToInstant(entry.opensAt).toISOString(),
    // A deadline given to the minute lasts to the end of that minute.
    closesAt: new Date(warsawLocalToInstant(entry.closesAt).getTime() + 59_999).toISOString(),
  };
}
