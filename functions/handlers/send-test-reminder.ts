import { ZSendTestReminderRequest } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { sendTestReminder } from '../domain/test-reminder.ts';
import { httpRoute } from '../lib/http.ts';
import { reminderSenderDeps } from '../wiring.ts';

const deps = reminderSenderDeps();

export const handler = httpRoute(
  { body: ZSendTestReminderRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({ body: await sendTestReminder(deps, user, body.deadlineId) }),
);
