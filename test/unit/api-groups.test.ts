import { describe, expect, it } from 'vitest';
import { builtByApiStack, HANDLERS, type HttpHandler } from '../../functions/routes.ts';
import { API_GROUPS, type ApiGroup, apiGroupOf } from '../../infra/api-groups.ts';

/**
 * Where each handler is built today. Moving one to another nested stack replaces its function and log group
 * and frees and retakes its route key, so a change of the rule must not move any of these; a new handler
 * needs no line here.
 */
const BUILT_IN: Readonly<Record<ApiGroup, readonly string[]>> = {
  Recruitment: [
    'health',
    'get-programme',
    'list-open-calls',
    'get-call',
    'submit-card',
    'resend-card-link',
    'create-draft',
    'get-current-card',
    'change-current-card',
    'withdraw-current-card',
    'get-current-draft',
    'update-current-draft',
    'check-receipt',
    'route-not-found',
  ],
  Review: [
    'list-review-calls',
    'create-call',
    'list-review-cards',
    'get-review-card',
    'formal-check-card',
    'request-card-correction',
    'add-card-note',
    'score-card',
    'decide-card',
    'get-call-rules',
    'get-call-ranking',
    'set-ranking-settings',
    'get-call-dashboard',
    'export-call-cards',
    'put-call-rules',
    'list-agreements',
    'upload-card-scan',
    'register-card',
    'get-card-scan',
  ],
  Agreements: [
    'generate-agreement',
    'get-agreement',
    'edit-agreement-text',
    'send-agreement',
    'resend-signing-link',
    'change-signatory',
    'confirm-signed-upload',
    'cancel-agreement',
    'upload-agreement-scan',
    'record-paper-signatures',
    'download-agreement',
    'get-signing-page',
    'get-signing-document',
    'get-signed-agreement',
    'sign-agreement',
    'decline-agreement',
    'upload-signed-agreement',
    'verify-agreement',
  ],
  Reminders: [
    'list-upcoming-reminders',
    'list-sent-reminders',
    'create-deadline',
    'send-test-reminder',
    'unsubscribe-reminders',
  ],
  Administration: [
    'request-sign-in',
    'start-session',
    'end-session',
    'list-admin-programmes',
    'get-own-account',
    'end-other-sessions',
    'list-accounts',
    'create-account',
    'change-account',
    'disable-account',
    'enable-account',
    'get-audit-log',
    'get-admin-programme',
    'create-programme',
    'change-programme',
  ],
  Scheduled: ['send-pending-mail'],
};

const built = Object.entries(HANDLERS).flatMap(([name, facts]) =>
  builtByApiStack(facts) ? [{ name, facts }] : [],
);
const route = (key: HttpHandler['route']): HttpHandler => ({
  route: key,
  table: 'read',
  caller: 'anyone',
  whyPublic: 'a route made up for this test',
});

describe('the nested stacks of the api stack (infra/api-groups.ts)', () => {
  it('puts every handler the api stack builds in a group, by its own record', () => {
    for (const { name, facts } of built) expect(API_GROUPS, name).toContain(apiGroupOf(facts));
    expect(new Set(built.map(({ facts }) => apiGroupOf(facts)))).toEqual(new Set(API_GROUPS));
  });

  it('keeps every handler in the group it was built in', () => {
    for (const [group, names] of Object.entries(BUILT_IN))
      for (const name of names) {
        const facts = HANDLERS[name];
        if (!facts || !builtByApiStack(facts)) continue;
        expect(apiGroupOf(facts), name).toBe(group);
      }
  });

  it("groups a route by its resource: after /api/admin/ for the panel's, after /api/ for the rest", () => {
    expect(apiGroupOf(route('GET /api/calls/{callId}/new-thing'))).toBe('Recruitment');
    expect(apiGroupOf(route('POST /api/admin/calls/{callId}/new-thing'))).toBe('Review');
    expect(apiGroupOf(route('GET /api/admin/calls/{callId}/agreements/new-thing'))).toBe('Review');
    expect(apiGroupOf(route('PUT /api/admin/agreements/{callId}/{teryt}/new-thing'))).toBe('Agreements');
    expect(apiGroupOf(route('POST /api/signing/current/new-thing'))).toBe('Agreements');
    expect(apiGroupOf(route('DELETE /api/admin/accounts/{email}'))).toBe('Administration');
    expect(apiGroupOf(route('$default'))).toBe('Recruitment');
    expect(apiGroupOf({ everyMinutes: 15, timeoutSeconds: 60, table: 'readWrite' })).toBe('Scheduled');
  });

  it('refuses a route under a resource no group names, naming the table to add it to', () => {
    expect(() => apiGroupOf(route('GET /api/admin/invoices'))).toThrow(
      'GET /api/admin/invoices: no api stack group for "invoices" (infra/api-groups.ts: add it to ADMIN_RESOURCES)',
    );
    expect(() => apiGroupOf(route('GET /api/invoices/{id}'))).toThrow('add it to PUBLIC_RESOURCES');
    expect(() => apiGroupOf(route('GET /api/constructor'))).toThrow('no api stack group for "constructor"');
    expect(() => apiGroupOf(route('GET /api/admin/__proto__'))).toThrow('no api stack group for "__proto__"');
  });
});
