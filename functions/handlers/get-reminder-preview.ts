import { ZReminderPreviewQuery } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { previewReminder } from '../domain/reminders-admin.ts';
import { httpRoute } from '../lib/http.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

export const handler = httpRoute(
  { query: ZReminderPreviewQuery, session: (token) => signedInUser(deps, token) },
  async ({ user, query }) => ({ body: await previewReminder(deps, user, query) }),
);
