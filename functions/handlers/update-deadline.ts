import { ZUpdateDeadlineRequest } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { updateCustomDeadline } from '../domain/reminder-deadlines.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZUpdateDeadlineRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: { deadline: await updateCustomDeadline(deps, user, params.deadlineId ?? '', body) },
  }),
);
