import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { Db } from '../repositories/dynamo.ts';
import { listProgrammes } from '../repositories/programmes.ts';
import { touchSession } from '../repositories/sessions.ts';
import { getUser, type User } from '../repositories/users.ts';

/**
 * Who may do what in the panel. A coordinator acts in their voivodeships; the lead ROPS in the voivodeships
 * of the programmes it leads — a programme is led by the ROPS of its `leadWojewodztwo`, so ROPS Rzeszów
 * (18) leads "Liderzy kooperacji" and ROPS Toruń (04) "Kooperacja – efektywna i skuteczna", and neither
 * reaches the other's regions. Each rule takes what a route knows before it reads anything (the path, the
 * query, a call's head), so access is decided first and a refused user learns nothing about whether the
 * resource exists.
 */

/** A session with no request for this long ends (besides its absolute limit, SESSION_HOURS). */
export const SESSION_IDLE_MINUTES = 30;

/**
 * The user of a session cookie's value, read afresh on every request (a changed role, a disabled account or
 * a programme's changed voivodeships count at once); SESSION_REQUIRED without a session, or for one that
 * ended, expired or stayed idle too long. Each request renews the idle limit.
 */
export async function signedInUser(
  deps: { db: Db; now: () => Date },
  session: string | undefined,
): Promise<TAdminUser> {
  const email = session
    ? await touchSession(deps.db, sha256Hex(session), deps.now(), SESSION_IDLE_MINUTES * 60)
    : undefined;
  const user = email ? await getUser(deps.db, email) : undefined;
  if (!user) throw new AppError('SESSION_REQUIRED');
  if (user.role !== 'lead') return user;
  return withLeadReach(user, await listProgrammes(deps.db));
}

/**
 * The lead's reach: its own voivodeships (its ROPS's, as the account stores them) and those of every
 * programme whose lead voivodeship is one of them.
 */
export function withLeadReach(
  user: User,
  programmes: readonly { id: string; leadWojewodztwo: string; wojewodztwa: readonly string[] }[],
): TAdminUser {
  const led = programmes.filter((programme) => user.wojewodztwa.includes(programme.leadWojewodztwo));
  return {
    ...user,
    wojewodztwa: [...new Set([...user.wojewodztwa, ...led.flatMap((programme) => programme.wojewodztwa)])],
    programmes: led.map((programme) => programme.id),
    ownWojewodztwa: [...user.wojewodztwa],
  };
}

/** The voivodeships whose calls and cards the user sees (for the lead, its programmes'). */
export function visibleVoivodeships(user: TAdminUser): readonly string[] | 'all' {
  return user.wojewodztwa;
}

export function maySee(user: TAdminUser, wojewodztwo: string): boolean {
  return user.wojewodztwa.includes(wojewodztwo);
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

/** FORBIDDEN unless the user is the lead ROPS (managing accounts, programmes, reading the audit log). */
export function requireLead(user: TAdminUser): void {
  if (user.role !== 'lead') throw new AppError('FORBIDDEN');
}

/** FORBIDDEN unless the user leads the programme (known from the path). */
export function requireProgrammeLed(user: TAdminUser, programmeId: string): void {
  requireLead(user);
  if (!user.programmes?.includes(programmeId)) throw new AppError('FORBIDDEN');
}

/**
 * FORBIDDEN unless the lead may manage an account in these voivodeships: coordinators of the lead's
 * programmes only, never outside its reach.
 */
export function requireAccountInReach(user: TAdminUser, wojewodztwa: readonly string[]): void {
  requireLead(user);
  requireVoivodeships(user, wojewodztwa);
}
