import { ZCancelDeadlineRequest } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { cancelCustomDeadline } from '../domain/reminder-deadlines.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZCancelDeadlineRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, params, body }) => ({
    body: await cancelCustomDeadline(deps, user, params.deadlineId ?? '', body),
  }),
);
