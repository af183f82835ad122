import type { HttpHandler, ScheduledHandler } from '../functions/routes.ts';

/**
 * The nested stacks of the api stack. CloudFormation allows 500 resources in a stack, and each handler takes
 * about eight (function, role, policy, log group, metric filter, permission, integration, route), so the
 * handlers are built in nested stacks, one per concern, and the api stack keeps the HTTP API, its stage,
 * the access logs and the origin secret.
 */
export const API_GROUPS = [
  /** What a gmina uses without an account: programmes, calls, cards, drafts, receipts; health; the fallback. */
  'Recruitment',
  /** The panel's calls and cards: lists, review, ranking, rules, dashboards, cards registered from paper. */
  'Review',
  /** The panel's agreements, and the signatories' and the public's signing and verification pages. */
  'Agreements',
  /** The panel's reminders and the one-click unsubscribe. */
  'Reminders',
  /** Sign-in and sessions, accounts, the audit log, programmes, held mail, gminas' data and offices. */
  'Administration',
  /** Handlers EventBridge Scheduler runs (not the reminder pipeline's: the scheduling stack builds those). */
  'Scheduled',
] as const;

export type ApiGroup = (typeof API_GROUPS)[number];

/** A public route's group by its first path segment after /api/. */
const PUBLIC_RESOURCES: Readonly<Record<string, ApiGroup>> = {
  health: 'Recruitment',
  programmes: 'Recruitment',
  calls: 'Recruitment',
  cards: 'Recruitment',
  drafts: 'Recruitment',
  receipts: 'Recruitment',
  signing: 'Agreements',
  agreements: 'Agreements',
  reminders: 'Reminders',
  deliverables: 'Reminders',
};

/** A panel route's group by its first path segment after /api/admin/. */
const ADMIN_RESOURCES: Readonly<Record<string, ApiGroup>> = {
  calls: 'Review',
  cards: 'Review',
  agreements: 'Agreements',
  reminders: 'Reminders',
  'sign-in': 'Administration',
  sessions: 'Administration',
  'sign-out': 'Administration',
  account: 'Administration',
  accounts: 'Administration',
  'audit-log': 'Administration',
  programmes: 'Administration',
  // On main since this branch began: held mail, a gmina's data erased, the register of gmina offices.
  mail: 'Administration',
  gminas: 'Administration',
  offices: 'Administration',
};

/**
 * The nested stack that builds a handler: a function of its own record only, so adding a handler never moves
 * another one (a move would replace its function and log group, and free and retake its route key).
 *
 * The rule: a scheduled handler is in Scheduled, the fallback ($default) in Recruitment, and a route in the
 * group of its resource: the first path segment after /api/admin/ for the panel's routes, after /api/ for the
 * others (so GET /api/admin/calls/{callId}/agreements is Review's). A route under a resource neither table
 * names throws: add the resource to its table. When a group nears its limit (test/infra/api-stack.test.ts),
 * give new resources a new group rather than moving existing ones.
 */
export function apiGroupOf(facts: HttpHandler | ScheduledHandler): ApiGroup {
  if ('everyMinutes' in facts) return 'Scheduled';
  if (facts.route === '$default') return 'Recruitment';
  const path = facts.route.split(' ')[1] ?? '';
  const admin = /^\/api\/admin\/([^/]+)/.exec(path);
  const resource = admin ? admin[1] : /^\/api\/([^/]+)/.exec(path)?.[1];
  const resources = admin ? ADMIN_RESOURCES : PUBLIC_RESOURCES;
  const group =
    resource !== undefined && Object.hasOwn(resources, resource) ? resources[resource] : undefined;
  if (!group)
    throw new Error(
      `${facts.route}: no api stack group for "${resource}" (infra/api-groups.ts: add it to ${admin ? 'ADMIN' : 'PUBLIC'}_RESOURCES)`,
    );
  return group;
}
