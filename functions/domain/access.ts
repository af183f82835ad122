import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { Db } from '../repositories/dynamo.ts';
import { sessionEmail } from '../repositories/sign-in.ts';
import { getUser } from '../repositories/users.ts';

/**
 * Who may do what in the panel. A coordinator acts in their voivodeships, the lead ROPS in all of them.
 * Each rule takes what a route knows before it reads anything (the path, the query, a call's head), so
 * access is decided first and a refused user learns nothing about whether the resource exists.
 */

/**
 * The user of a session cookie's value, read afresh on every request (a changed role or a removed account
 * counts at once); SESSION_REQUIRED without a session, or for one that ended or expired.
 */
export async function signedInUser(
  deps: { db: Db; now: () => Date },
  session: string | undefined,
): Promise<TAdminUser> {
  const email = session ? await sessionEmail(deps.db, sha256Hex(session), deps.now()) : undefined;
  const user = email ? await getUser(deps.db, email) : undefined;
  if (!user) throw new AppError('SESSION_REQUIRED');
  return user;
}

/** The voivodeships whose calls and cards the user sees: 'all' for the lead ROPS. */
export function visibleVoivodeships(user: TAdminUser): readonly string[] | 'all' {
  return user.role === 'lead' ? 'all' : user.wojewodztwa;
}

export function maySee(user: TAdminUser, wojewodztwo: string): boolean {
  return user.role === 'lead' || user.wojewodztwa.includes(wojewodztwo);
}

/** Of the given voivodeships (a call's, a programme's), those the user sees. */
export function seenOf(user: TAdminUser, wojewodztwa: readonly string[]): string[] {
  return wojewodztwa.filter((code) => maySee(user, code));
}

/** FORBIDDEN unless the user sees the voivodeship: a call's cards in it, a card of its gmina. */
export function requireVoivodeship(user: TAdminUser, wojewodztwo: string): void {
  if (!maySee(user, wojewodztwo)) throw new AppError('FORBIDDEN');
}

/** FORBIDDEN unless the user sees every one of them (announcing a call in them, say). */
export function requireVoivodeships(user: TAdminUser, wojewodztwa: readonly string[]): void {
  if (!wojewodztwa.every((code) => maySee(user, code))) throw new AppError('FORBIDDEN');
}

/**
 * A gmina's card is the business of its voivodeship's ROPS: the voivodeship is the TERYT code's first two
 * digits, known from the path before the card is read. Returns it; FORBIDDEN if the user does not see it.
 */
export function requireCardOfGmina(user: TAdminUser, teryt: string): string {
  const wojewodztwo = teryt.slice(0, 2);
  requireVoivodeship(user, wojewodztwo);
  return wojewodztwo;
}
