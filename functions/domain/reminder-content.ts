import { type ReminderMailData, renderReminder } from '../mail/reminder-templates.ts';
import type { DeadlineRecord } from '../repositories/deadlines.ts';
import { DELIVERABLE_PAGE } from './deliverable-parties.ts';

/**
 * A reminder's wording, apart from its calendar file: the panel's preview needs only this, and so its
 * functions do not carry the calendar library (send-reminder.ts adds the file).
 */

export function callPageUrl(siteUrl: string, callId: string): string {
  return `${siteUrl}/nabory/${encodeURIComponent(callId)}`;
}

/** The site's page the body links to (web/src/reminders/unsubscribe-page.tsx); the token in its fragment. */
export const UNSUBSCRIBE_PAGE = '/przypomnienia/rezygnacja';

/** A reminder's subject, text, HTML and headers, as it goes out and as the panel previews it (no calendar file). */
export function reminderContent(
  deadline: DeadlineRecord,
  siteUrl: string,
  now: Date,
  extra: {
    unsubscribeUrl?: string | undefined;
    unsubscribePageUrl?: string | undefined;
    replyTo?: string | undefined;
    linkSentAt?: string | undefined;
    uploadUrl?: string | undefined;
    wojewodztwo?: string | undefined;
    /** The recipient's role to the deadline: a coordinator's link opens the panel's reminders. */
    role?: string | undefined;
  } = {},
) {
  const link =
    extra.role === 'coordinator'
      ? `${siteUrl}/admin/przypomnienia${extra.wojewodztwo ? `?woj=${extra.wojewodztwo}` : ''}`
      : deadline.callId && deadline.kind !== 'agreement-signing'
        ? callPageUrl(siteUrl, deadline.callId)
        : `${siteUrl}/`;
  // A preview or test has no party: its link opens the page without a token.
  const upload = deadline.deliverable
    ? { url: extra.uploadUrl ?? `${siteUrl}${DELIVERABLE_PAGE}`, documentName: deadline.deliverable.name }
    : undefined;
  const data: ReminderMailData = {
    kind: deadline.kind,
    title: deadline.title,
    description: deadline.description,
    dueAt: deadline.dueAt,
    link,
    unsubscribeUrl: extra.unsubscribeUrl,
    unsubscribePageUrl: extra.unsubscribePageUrl,
    replyTo: extra.replyTo,
    upload,
    linkSentAt: extra.linkSentAt,
    wojewodztwo:
      extra.wojewodztwo ?? (deadline.wojewodztwa.length === 1 ? deadline.wojewodztwa[0] : undefined),
  };
  const rendered = renderReminder(data, now);
  return {
    ...rendered,
    replyTo: extra.replyTo,
    headers: (extra.unsubscribeUrl
      ? {
          'List-Unsubscribe': `<${extra.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }
      : {}) as Record<string, string>,
    /** Where the e-mail's button leads (also the calendar entry's address). */
    link,
  };
}
