import { logger } from './logger.ts';

/**
 * The security log (OWASP ASVS 5.0, V16): who signed in or failed to, whose session began or ended, who
 * read or exported which card. One structured line per event, under the key `security`, so a metric filter
 * or a Logs Insights query (`filter ispresent(security.event)`) finds them all. Never a token, a cookie, a
 * link or a card's answers; of personal data only the actor's own address, and only once it is known to be
 * an account's (an address a stranger typed is not logged).
 */
export type SecurityEventName =
  | 'sign-in-link-sent'
  | 'sign-in-link-refused'
  | 'sign-in-failed'
  | 'session-started'
  | 'session-ended'
  | 'card-read'
  | 'card-exported';

export interface SecurityEvent {
  event: SecurityEventName;
  /** The coordinator's address, when known to be an account's. */
  actor?: string;
  /** Why an attempt failed or was refused, in a word or two ("rate-limited", "link-invalid"). */
  reason?: string;
  /** What was read or exported: a call, a card ("<callId>/<teryt>"), a voivodeship. */
  subject?: string;
}

export function securityLog(event: SecurityEvent): void {
  logger.info(`security: ${event.event}`, { security: event });
}
