/**
 * Every handler module (functions/handlers/<name>.ts) and all that is decided about it: how it is reached,
 * what it may do with the table, whether it sends e-mail, who may call it. The CDK api stack and the local
 * API server both read this, so adding a route is one entry here plus its handler. Pure data: the 404
 * handler's bundle imports it to match routes.
 */
import { REMINDER_SENDERS } from './lib/reminder-senders.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler may do with the table (the data stack has a managed policy for read and readWrite). */
export type TableAccess = 'none' | 'read' | 'readWrite';

/**
 * Who gets an answer with data. No route has an API Gateway authorizer (gminas have no accounts): the
 * handler admits or refuses.
 * - anyone: published information, or a request the handler validates and rate-limits;
 * - emailed-secret: only with the secret from an e-mail (a card's, draft's or sign-in link, a receipt's hash);
 * - session: only with a live coordinator session cookie (httpRoute's `session` option).
 */
export type Caller = 'anyone' | 'emailed-secret' | 'session';

interface HandlerFacts {
  table: TableAccess;
  /** Sends e-mail through SES: granted the sender identity and the stage's configuration set. */
  sendsMail?: true;
  /**
   * A GET that appends who read what (accountability: `READ#…` items) and changes nothing else; the one
   * reason a GET route may write.
   */
  logsReads?: true;
  /**
   * Reads or writes the documents bucket (agreements, scans, signed uploads): granted it and given its name.
   * 'readWriteSeal' also reads the seal's certificate secret, to seal final agreements; 'expire' lists and
   * deletes the kept documents (the retention job, at a call's retention date) and reads or writes none.
   */
  documents?: 'read' | 'readWrite' | 'readWriteSeal' | 'expire';
}

/** API Gateway's throttle of one route, for all clients together (per client: the WAF and the handler). */
export interface Throttle {
  /** Requests per second, sustained. */
  rate: number;
  /** Requests at once. */
  burst: number;
}

/** A route without a throttle of its own gets this. */
export const DEFAULT_THROTTLE: Throttle = { rate: 20, burst: 40 };

export interface HttpHandler extends HandlerFacts {
  /** API Gateway's route key; `{name}` matches one path segment, `$default` whatever no route matches. */
  route: `${HttpMethod} /api/${string}` | '$default';
  caller: Caller;
  /** Why no authorizer is needed, for the acknowledgement of cdk-nag's AwsSolutions-APIG4. */
  whyPublic: string;
  /** The route's stage throttle; DEFAULT_THROTTLE without one. */
  throttle?: Throttle;
  /**
   * For a function without a session that writes: the partition-key prefixes it may write (CARD#, REF#, …).
   * The api stack confines its writes to them (dynamodb:LeadingKeys), so a bug cannot write a USER# item.
   */
  writes?: readonly string[];
  /**
   * Prefixes it may only check in a transaction (dynamodb:ConditionCheckItem), never write: submit-card's
   * check that the call it kept is unchanged (CALL#).
   */
  checks?: readonly string[];
}

export interface ScheduledHandler extends HandlerFacts, EnqueuesFacts {
  /** EventBridge Scheduler runs it this often; locally, POST /__local/run/<name> runs it on demand. */
  everyMinutes: number;
  /** Requests get 10 s; this is the Lambda timeout for the run. */
  timeoutSeconds: number;
}

/** The queues a handler can consume; the scheduling stack owns them (or, for mail events, the mail stack). */
export type QueueName = 'reminders' | 'mail-events';

export interface QueueHandler extends HandlerFacts {
  /** An SQS queue whose messages Lambda hands to it in batches (partial batch failures reported). */
  queue: QueueName;
  batchSize: number;
  /** At most this many copies run at once (the event source's maximum concurrency, ≥ 2). */
  maxConcurrency: number;
  timeoutSeconds: number;
}

export type HandlerRecord = HttpHandler | ScheduledHandler | QueueHandler;

/**
 * Facts of a handler built by the scheduling stack beside the queues it reads or fills, not by the api stack:
 * queue consumers, and scheduled handlers that enqueue.
 */
export interface EnqueuesFacts {
  /** The queue a scheduled handler puts its work on. */
  enqueues?: QueueName;
}

/** Whether the api stack builds the handler (the scheduling stack builds the reminder pipeline's). */
export function builtByApiStack(facts: HandlerRecord): facts is HttpHandler | ScheduledHandler {
  return !('queue' in facts) && !('enqueues' in facts && facts.enqueues);
}

const PUBLISHED = 'it serves published information to anyone, without sign-in';
const CARD_LINK = 'the handler admits only the secret token of the e-mailed card link';
const DRAFT_LINK = 'the handler admits only the secret token of the e-mailed draft link';
const SESSION = 'the handler admits only a live session cookie (HttpOnly, SameSite=Strict)';
const SIGNING_LINK = "the handler admits only the secret token of a signatory's e-mailed signing link";
const LEAD =
  'the handler admits only a live session cookie of the lead ROPS, and only for the programmes it leads';

const UPLOAD_LINK = "the handler admits only the secret token of a party's e-mailed upload link";

const SESSION_VOIVODESHIPS =
  "the handler admits only a live session cookie, and only for the user's voivodeships";

/** By handler module name, routes in the order they are matched. */
export const HANDLERS: Readonly<Record<string, HandlerRecord>> = {
  health: { route: 'GET /api/health', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'get-programme': {
    route: 'GET /api/programmes/{programmeId}',
    table: 'read',
    caller: 'anyone',
    whyPublic: PUBLISHED,
  },
  'list-open-calls': { route: 'GET /api/calls', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'get-call': { route: 'GET /api/calls/{callId}', table: 'read', caller: 'anyone', whyPublic: PUBLISHED },
  'submit-card': {
    route: 'POST /api/calls/{callId}/cards',
    // The deadline's last minute: every gmina of a voivodeship's call may send at once.
    throttle: { rate: 50, burst: 100 },
    table: 'readWrite',
    writes: ['CARD#', 'IDEM#', 'RATE#', 'REF#', 'TOKEN#'],
    checks: ['CALL#'],
    caller: 'anyone',
    whyPublic:
      'gminas apply without accounts; the handler validates and limits sending per client, as the WAF does',
  },
  'resend-card-link': {
    route: 'POST /api/calls/{callId}/cards/{teryt}/link',
    throttle: { rate: 2, burst: 5 },
    table: 'readWrite',
    writes: ['CARD#', 'RATE#', 'TOKEN#'],
    caller: 'anyone',
    whyPublic: "anyone may ask; the link goes only to the card's own contact address, rate-limited per card",
  },
  'create-draft': {
    route: 'POST /api/calls/{callId}/drafts',
    throttle: { rate: 10, burst: 20 },
    table: 'readWrite',
    writes: ['DRAFT#', 'IDEMDRAFT#', 'RATE#', 'TOKEN#'],
    caller: 'anyone',
    whyPublic: 'gminas save drafts without accounts; the draft is reached only by its e-mailed link',
  },
  'get-current-card': {
    route: 'GET /api/cards/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'change-current-card': {
    route: 'PUT /api/cards/current',
    table: 'readWrite',
    writes: ['CARD#', 'RATE#', 'TOKEN#'],
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'withdraw-current-card': {
    route: 'DELETE /api/cards/current',
    table: 'readWrite',
    writes: ['CARD#'],
    caller: 'emailed-secret',
    whyPublic: CARD_LINK,
  },
  'get-current-draft': {
    route: 'GET /api/drafts/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: DRAFT_LINK,
  },
  'update-current-draft': {
    route: 'PUT /api/drafts/current',
    table: 'readWrite',
    writes: ['DRAFT#'],
    caller: 'emailed-secret',
    whyPublic: DRAFT_LINK,
  },
  'check-receipt': {
    route: 'GET /api/receipts/{reference}',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: 'a receipt check needs both the reference and the SHA-256 from the e-mail',
  },
  // Signing in writes the token, its e-mail and the rate-limit window; starting and ending a session write it.
  'request-sign-in': {
    route: 'POST /api/admin/sign-in',
    throttle: { rate: 2, burst: 5 },
    table: 'readWrite',
    writes: ['RATE#', 'SIGNIN#'],
    caller: 'anyone',
    whyPublic: 'anyone may ask for a sign-in link; it goes only to the address of an account, rate-limited',
  },
  'start-session': {
    route: 'POST /api/admin/sessions',
    throttle: { rate: 2, burst: 5 },
    table: 'readWrite',
    writes: ['SESSION#', 'SIGNIN#', 'USER#', 'ADMINLOG#'],
    caller: 'emailed-secret',
    whyPublic: "the handler admits only the secret token of a coordinator's e-mailed link",
  },
  'end-session': {
    route: 'POST /api/admin/sign-out',
    table: 'readWrite',
    writes: ['SESSION#', 'ADMINLOG#'],
    caller: 'anyone',
    whyPublic: 'it only ends the session whose cookie it is sent with',
  },
  'list-review-calls': {
    route: 'GET /api/admin/calls',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'create-call': {
    route: 'POST /api/admin/calls',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'list-admin-programmes': {
    route: 'GET /api/admin/programmes',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'list-review-cards': {
    route: 'GET /api/admin/calls/{callId}/cards',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-review-card': {
    route: 'GET /api/admin/cards/{callId}/{teryt}',
    table: 'readWrite',
    logsReads: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'formal-check-card': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/formal-check',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'request-card-correction': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/correction',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'add-card-note': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/notes',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'score-card': {
    route: 'PUT /api/admin/cards/{callId}/{teryt}/score',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'decide-card': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/decision',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-rules': {
    route: 'GET /api/admin/calls/{callId}/rules',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-ranking': {
    route: 'GET /api/admin/calls/{callId}/ranking',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'set-ranking-settings': {
    route: 'PUT /api/admin/calls/{callId}/ranking/settings',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-call-dashboard': {
    route: 'GET /api/admin/calls/{callId}/dashboard',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // A GET that writes one thing: the log of who exported what (accountability for personal data).
  'export-call-cards': {
    route: 'GET /api/admin/calls/{callId}/export.csv',
    table: 'readWrite',
    logsReads: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'put-call-rules': {
    route: 'PUT /api/admin/calls/{callId}/rules',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // 404, or 405 with an Allow header.
  'route-not-found': {
    route: '$default',
    throttle: { rate: 5, burst: 10 },
    table: 'none',
    caller: 'anyone',
    whyPublic: 'it only answers 404/405 for unknown addresses; it reads and returns no data',
  },
  // Retries the e-mails SES refused at first; it stops claiming mail 15 s before its end, so never mid-send.
  'send-pending-mail': {
    everyMinutes: 5,
    timeoutSeconds: 60,
    table: 'readWrite',
    sendsMail: true,
    // Final agreements go out as attachments read from the bucket.
    documents: 'read',
  },
  // What a call's extension or cancellation left undone when its request died after the commit (its job
  // item): the e-mails to every draft's and card's address, the drafts' expiry.
  'run-call-jobs': { everyMinutes: 5, timeoutSeconds: 120, table: 'readWrite' },
  // Reminders before deadlines (ARCHITECTURE.md, "Reminders"): a planner finds the sends due since its last
  // run and queues one message per e-mail; the sender claims each (deadline, offset, recipient) once.
  'plan-reminders': { everyMinutes: 60, timeoutSeconds: 300, table: 'readWrite', enqueues: 'reminders' },
  // Reminders and the outbox's messages (the table's stream → pipe → the same queue), batches of 10, two
  // copies at most, each pacing itself to half of REMINDER_SEND_RATE: under SES's rate.
  'send-reminders': {
    queue: 'reminders',
    batchSize: 10,
    maxConcurrency: REMINDER_SENDERS,
    timeoutSeconds: 30,
    table: 'readWrite',
    sendsMail: true,
    // The one mail sender (ARCHITECTURE.md, "One mail pipeline"): final agreements go as attachments.
    documents: 'read',
  },
  // SES bounce and complaint events (SES → SNS → SQS): the address is suppressed.
  'record-mail-events': {
    queue: 'mail-events',
    batchSize: 10,
    maxConcurrency: 2,
    timeoutSeconds: 30,
    table: 'readWrite',
  },
  'list-upcoming-reminders': {
    route: 'GET /api/admin/reminders/upcoming',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'list-sent-reminders': {
    route: 'GET /api/admin/reminders/sent',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'create-deadline': {
    route: 'POST /api/admin/reminders/deadlines',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Every deadline ahead of a voivodeship; a coordinator's own changed or called off over the revision read.
  'list-deadlines': {
    route: 'GET /api/admin/reminders/deadlines',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'update-deadline': {
    route: 'PUT /api/admin/reminders/deadlines/{deadlineId}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'cancel-deadline': {
    route: 'POST /api/admin/reminders/deadlines/{deadlineId}/cancellation',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'send-test-reminder': {
    route: 'POST /api/admin/reminders/test',
    table: 'readWrite',
    sendsMail: true,
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'unsubscribe-reminders': {
    route: 'POST /api/reminders/unsubscribe',
    table: 'readWrite',
    writes: ['SUPPRESSION#'],
    caller: 'emailed-secret',
    whyPublic:
      "one-click unsubscribe (RFC 8058): the handler admits only the secret token of the reminder's link",
  },
  // Agreements (porozumienia): the coordinators' routes, then the signatories' (the e-mailed signing link).
  'list-agreements': {
    route: 'GET /api/admin/calls/{callId}/agreements',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'generate-agreement': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-agreement': {
    route: 'GET /api/admin/agreements/{callId}/{teryt}',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'edit-agreement-text': {
    route: 'PUT /api/admin/agreements/{callId}/{teryt}/text',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'send-agreement': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/signing',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'resend-signing-link': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/parties/{role}/link',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'change-signatory': {
    route: 'PUT /api/admin/agreements/{callId}/{teryt}/parties/{role}/signatory',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'confirm-signed-upload': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/parties/{role}/confirmation',
    table: 'readWrite',
    documents: 'readWriteSeal',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'cancel-agreement': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/cancellation',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // An uploaded PDF (the paper's scan; below, a signatory's signed copy) comes in parts (raw bytes, 4 MiB
  // each: shared/agreement-uploads.ts), then one JSON request takes the file.
  'upload-agreement-scan': {
    route: 'PUT /api/admin/agreements/{callId}/{teryt}/scan/{uploadId}/{part}',
    table: 'read',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'add-agreement-scan': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/scan',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'record-paper-signatures': {
    route: 'POST /api/admin/agreements/{callId}/{teryt}/paper-signatures',
    table: 'readWrite',
    documents: 'readWriteSeal',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'download-agreement': {
    route: 'GET /api/admin/agreements/{callId}/{teryt}/pdf',
    table: 'read',
    documents: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'get-signing-page': {
    route: 'GET /api/signing/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  'get-signing-document': {
    route: 'GET /api/signing/current/pdf',
    table: 'read',
    documents: 'read',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  // The sealed final record for a party, by its link, once completed: a link to the bucket for a minute.
  'get-signed-agreement': {
    route: 'GET /api/signing/current/final',
    table: 'read',
    documents: 'read',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  // A signatory's change rewrites the agreement's signing deadline (DEADLINE#) in its transaction.
  'sign-agreement': {
    route: 'POST /api/signing/current/signature',
    table: 'readWrite',
    writes: ['CARD#', 'SIGNSTEP#', 'AGREEMENTID#', 'DEADLINE#'],
    documents: 'readWriteSeal',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  'decline-agreement': {
    route: 'POST /api/signing/current/refusal',
    table: 'readWrite',
    writes: ['CARD#', 'SIGNSTEP#', 'AGREEMENTID#', 'DEADLINE#'],
    documents: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  'upload-signed-agreement': {
    route: 'PUT /api/signing/current/upload/{uploadId}/{part}',
    table: 'read',
    documents: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  'add-signed-upload': {
    route: 'POST /api/signing/current/upload',
    table: 'readWrite',
    writes: ['CARD#', 'SIGNSTEP#', 'AGREEMENTID#', 'DEADLINE#'],
    documents: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: SIGNING_LINK,
  },
  'verify-agreement': {
    route: 'GET /api/agreements/{agreementId}/verification',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: 'a verification needs both the agreement id and the SHA-256 of its final PDF',
  },
  // Cards that came by post or e-mail: the scan's parts (raw bytes, 4 MiB each), then the card, then the scan.
  'upload-card-scan': {
    route: 'PUT /api/admin/cards/{callId}/{teryt}/scan/{uploadId}/{part}',
    table: 'read',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'register-card': {
    route: 'POST /api/admin/calls/{callId}/cards',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Reads the scan to check its SHA-256, then redirects to a link signed for a minute.
  'get-card-scan': {
    route: 'GET /api/admin/cards/{callId}/{teryt}/scan',
    table: 'read',
    documents: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Administration (issue 17): one's own account and sessions; the lead's accounts, audit log, programmes.
  'get-own-account': {
    route: 'GET /api/admin/account',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION,
  },
  'end-other-sessions': {
    route: 'POST /api/admin/account/end-other-sessions',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION,
  },
  'list-accounts': { route: 'GET /api/admin/accounts', table: 'read', caller: 'session', whyPublic: LEAD },
  'create-account': {
    route: 'POST /api/admin/accounts',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'change-account': {
    route: 'PUT /api/admin/accounts/{email}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'disable-account': {
    route: 'POST /api/admin/accounts/{email}/disable',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'enable-account': {
    route: 'POST /api/admin/accounts/{email}/enable',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'get-audit-log': { route: 'GET /api/admin/audit-log', table: 'read', caller: 'session', whyPublic: LEAD },
  'get-admin-programme': {
    route: 'GET /api/admin/programmes/{programmeId}',
    table: 'read',
    caller: 'session',
    whyPublic: LEAD,
  },
  'create-programme': {
    route: 'POST /api/admin/programmes',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  'change-programme': {
    route: 'PUT /api/admin/programmes/{programmeId}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  // Retention and mail not lost (issue 13): held messages, resending, revoking links, erasure, the TTL job.
  'list-held-mail': {
    route: 'GET /api/admin/mail/held',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'resend-held-mail': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/mail/{name}/resend',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'revoke-card-links': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/links/revocation',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'erase-gmina-data': {
    route: 'POST /api/admin/gminas/{teryt}/erasure',
    table: 'readWrite',
    caller: 'session',
    whyPublic: LEAD,
  },
  // Gives every card item its programme's retention TTL (backfill, changes); key-based, stops before its end.
  // Deletes the documents of calls past their retention date.
  'apply-retention': {
    everyMinutes: 360,
    timeoutSeconds: 900,
    table: 'readWrite',
    documents: 'expire',
    caller: 'session',
    whyPublic: LEAD,
  },
  // Trust (issue 13): the directory of gmina offices' official addresses, and voiding a card sent in a
  // gmina's name by someone else.
  'list-offices': {
    route: 'GET /api/admin/offices',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'import-offices': {
    route: 'POST /api/admin/offices/import',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'change-office': {
    route: 'PUT /api/admin/offices/{teryt}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'void-card': {
    route: 'POST /api/admin/cards/{callId}/{teryt}/void',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Calls over their life (issue 17): managed by whoever reaches all of the call's voivodeships.
  'get-admin-call': {
    route: 'GET /api/admin/calls/{callId}',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'edit-call': {
    route: 'PUT /api/admin/calls/{callId}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'extend-call': {
    route: 'POST /api/admin/calls/{callId}/extension',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'cancel-call': {
    route: 'POST /api/admin/calls/{callId}/cancellation',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'invite-gminas': {
    route: 'POST /api/admin/calls/{callId}/invitations',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Attachments of a call's rules: parts (raw bytes, 4 MiB each), then the file; removing takes it off the list.
  'upload-call-attachment': {
    route: 'PUT /api/admin/calls/{callId}/attachments/uploads/{uploadId}/{part}',
    table: 'read',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'add-call-attachment': {
    route: 'POST /api/admin/calls/{callId}/attachments',
    table: 'readWrite',
    documents: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'remove-call-attachment': {
    route: 'DELETE /api/admin/calls/{callId}/attachments/{attachmentId}',
    table: 'readWrite',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'download-call-attachment': {
    route: 'GET /api/calls/{callId}/attachments/{attachmentId}',
    table: 'read',
    documents: 'read',
    caller: 'anyone',
    whyPublic: PUBLISHED,
  },
  // Reminders in the panel, read-only: a deadline's e-mail as it would go now, and the voivodeship's
  // addresses that bounced, complained or opted out.
  'get-reminder-preview': {
    route: 'GET /api/admin/reminders/preview',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'list-suppressed-addresses': {
    route: 'GET /api/admin/reminders/suppressed',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  // Deadlines that ask for a document: each party's upload by its e-mailed link, and who delivered.
  'get-deliverable': {
    route: 'GET /api/deliverables/current',
    table: 'read',
    caller: 'emailed-secret',
    whyPublic: UPLOAD_LINK,
  },
  'upload-deliverable-part': {
    route: 'PUT /api/deliverables/current/uploads/{uploadId}/{part}',
    table: 'read',
    documents: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: UPLOAD_LINK,
  },
  'deliver-document': {
    route: 'POST /api/deliverables/current',
    table: 'readWrite',
    writes: ['DEADLINE#'],
    documents: 'readWrite',
    caller: 'emailed-secret',
    whyPublic: UPLOAD_LINK,
  },
  'list-deliverables': {
    route: 'GET /api/admin/reminders/deliverables',
    table: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
  'download-delivery': {
    route: 'GET /api/admin/reminders/deliverables/{deadlineId}/{party}',
    table: 'read',
    documents: 'read',
    caller: 'session',
    whyPublic: SESSION_VOIVODESHIPS,
  },
};

/** An HTTP route as matched: method and path from the route key, and the handler that serves it. */
export interface Route {
  method: HttpMethod;
  /** API Gateway syntax: `{name}` matches one path segment. */
  path: string;
  handler: string;
}

const entries = Object.entries(HANDLERS);

/** `GET /api/calls/{callId}` as its method and path. */
export function splitRouteKey(key: `${HttpMethod} /api/${string}`): { method: HttpMethod; path: string } {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { method, path };
}

export const ROUTES: readonly Route[] = entries.flatMap(([handler, facts]) =>
  'route' in facts && facts.route !== '$default' ? [{ ...splitRouteKey(facts.route), handler }] : [],
);

/** Serves whatever no route matches ($default in API Gateway): the one handler with that route key. */
export const FALLBACK_HANDLER: string = (() => {
  const [name] = entries.find(([, facts]) => 'route' in facts && facts.route === '$default') ?? [];
  if (!name) throw new Error('No handler in HANDLERS has the route $default');
  return name;
})();

/** Handlers run by the scheduler or a queue rather than HTTP; locally they can be run on demand. */
export const EVENT_HANDLERS: readonly string[] = entries
  .filter(([, facts]) => 'everyMinutes' in facts || 'queue' in facts)
  .map(([handler]) => handler);

export type RouteMatch =
  | { kind: 'route'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: Route['method'][] }
  | { kind: 'none' };

/** A path segment decoded; a broken escape ("%E0%A4%A") names no resource, so it matches no route (404). */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const templateParts = template.split('/');
  const pathParts = path.split('/');
  if (templateParts.length !== pathParts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of templateParts.entries()) {
    const actual = pathParts[index] ?? '';
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    if (param && actual !== '') {
      const value = decodeSegment(actual);
      if (value === undefined) return undefined;
      params[param] = value;
    } else if (part !== actual) return undefined;
  }
  return params;
}

export function matchRoute(method: string, path: string): RouteMatch {
  const allowed: Route['method'][] = [];
  for (const route of ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { kind: 'route', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}
