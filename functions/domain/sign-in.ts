import type { TAdminUser } from '../../shared/schemas/admin.ts';
import { newLinkToken, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import { securityLog } from '../lib/security-log.ts';
import { auditPut } from '../repositories/audit-log.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type RateLimit, takeAttempt } from '../repositories/rate-limits.ts';
import {
  consumeSignInToken,
  createSession,
  createSignInToken,
  endSessionLogged,
  sessionEmail,
} from '../repositories/sign-in.ts';
import { getUser, signInRecorded } from '../repositories/users.ts';
import { signInUrl } from './links.ts';

/**
 * Coordinators sign in without passwords: they ask for a link, the link's single-use token is exchanged
 * for a session cookie. Nothing a stranger does tells them whether an address has an account.
 */
type Deps = { db: Db; now: () => Date; siteUrl: string };

/** Long enough to open the e-mail; short enough that an old message in an inbox is no key. */
export const SIGN_IN_TOKEN_MINUTES = 15;
/** A working day; after it the coordinator asks for a new link. */
export const SESSION_HOURS = 8;

/**
 * Counted for addresses that have an account (the only ones that get mail), so the limit keeps the link
 * e-mail from flooding a coordinator's inbox. Above it the answer is the same 202, without a mail: a 429
 * would tell a stranger the address is known.
 */
export const SIGN_IN_LIMITS = {
  /**
   * Per address and client: a stranger asking for a coordinator's address uses up only their own five, and
   * the coordinator, from their own browser, still gets a link.
   */
  perAddressAndClient: { scope: 'sign-in-by-email-client', limit: 5, windowSeconds: 3600 },
  /** Per address from every client together: much looser, a cap on the mails one inbox gets. */
  perAddress: { scope: 'sign-in-by-email', limit: 30, windowSeconds: 3600 },
  /**
   * Counted for every request, known address or not, before the address is looked up: one client trying
   * many addresses is slowed down, and its 429 says nothing about any of them.
   */
  perClient: { scope: 'sign-in-by-client', limit: 20, windowSeconds: 3600 },
} as const satisfies Record<string, RateLimit>;

/** Sends a sign-in link if the address belongs to a user; does the same nothing visible otherwise. */
export async function requestSignIn(deps: Deps, input: { email: string; client: string }): Promise<void> {
  const now = deps.now();
  if (!(await takeAttempt(deps.db, [[SIGN_IN_LIMITS.perClient, input.client]], now))) {
    securityLog({ event: 'sign-in-link-refused', reason: 'client-rate-limited' });
    throw new AppError('RATE_LIMITED', { headers: { 'retry-after': '3600' } });
  }
  const user = await getUser(deps.db, input.email);
  // An address that is no account's is not logged: it is whatever a stranger typed.
  if (!user) return;
  const perAddress: [RateLimit, string][] = [
    [SIGN_IN_LIMITS.perAddressAndClient, `${user.email} ${input.client}`],
    [SIGN_IN_LIMITS.perAddress, user.email],
  ];
  if (!(await takeAttempt(deps.db, perAddress, now))) {
    securityLog({ event: 'sign-in-link-refused', actor: user.email, reason: 'address-rate-limited' });
    return;
  }
  const token = newLinkToken();
  const expiresAt = new Date(now.getTime() + SIGN_IN_TOKEN_MINUTES * 60_000);
  await createSignInToken(deps.db, {
    tokenSha256: sha256Hex(token),
    email: user.email,
    expiresAt,
    mail: {
      name: 'sign-in',
      to: [user.email],
      mail: {
        template: 'sign-in',
        // A coordinator of one voivodeship sees its ROPS; a lead of several, the general line.
        wojewodztwo: user.wojewodztwa.length === 1 ? user.wojewodztwa[0] : undefined,
        data: { signInUrl: signInUrl(deps.siteUrl, token), expiresAt: expiresAt.toISOString() },
      },
      queuedAt: now.toISOString(),
      // The delivery record outlives the token by a day, for whoever looks into a "no e-mail came".
      keepUntil: new Date(expiresAt.getTime() + 86_400_000),
    },
  });
  securityLog({ event: 'sign-in-link-sent', actor: user.email });
}

/** Exchanges a sign-in token (once) for a new session; the session's secret goes to the cookie only. */
export async function startSession(
  deps: { db: Db; now: () => Date },
  token: string,
): Promise<{ session: string; maxAgeSeconds: number; user: TAdminUser }> {
  const now = deps.now();
  const email = await consumeSignInToken(deps.db, sha256Hex(token), now);
  const user = email ? await getUser(deps.db, email) : undefined;
  if (!user) {
    securityLog({ event: 'sign-in-failed', reason: email ? 'account-gone' : 'link-invalid' });
    throw new AppError('LINK_INVALID');
  }
  const session = newLinkToken();
  const maxAgeSeconds = SESSION_HOURS * 3600;
  // With the account's last sign-in and the audit entry; a disabled account's condition refuses it all.
  const started = await createSession(
    deps.db,
    {
      sessionSha256: sha256Hex(session),
      email: user.email,
      startedAt: now,
      expiresAt: new Date(now.getTime() + maxAgeSeconds * 1000),
    },
    [
      signInRecorded(deps.db, user.email, now),
      auditPut(deps.db, {
        at: now,
        event: 'signed-in',
        actor: user.email,
        subject: user.email,
        wojewodztwa: user.wojewodztwa,
      }),
    ],
  );
  if (!started) throw new AppError('LINK_INVALID');
  securityLog({
    event: 'session-started',
    actor: user.email,
    subject: `session ${sha256Hex(session).slice(0, 12)}`,
  });
  return { session, maxAgeSeconds, user };
}

/** Ends the session (logged, with whose it was); an unknown or ended one is no error (signing out twice). */
export async function signOut(deps: { db: Db; now: () => Date }, session: string | undefined): Promise<void> {
  if (!session) return;
  const now = deps.now();
  const sessionSha256 = sha256Hex(session);
  const email = await sessionEmail(deps.db, sessionSha256, now);
  if (!email) return;
  // The session's hash is no secret, and tells which session-started this ends.
  securityLog({ event: 'session-ended', actor: email, subject: `session ${sessionSha256.slice(0, 12)}` });
  const user = await getUser(deps.db, email);
  await endSessionLogged(
    deps.db,
    sessionSha256,
    now,
    auditPut(deps.db, {
      at: now,
      event: 'signed-out',
      actor: email,
      subject: email,
      wojewodztwa: user?.wojewodztwa ?? [],
    }),
  );
}
