import { ZCreateDeadlineRequest } from '../../shared/schemas/reminders.ts';
import { signedInUser } from '../domain/access.ts';
import { createCustomDeadline } from '../domain/reminder-deadlines.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute(
  { body: ZCreateDeadlineRequest, session: (token) => signedInUser(deps, token) },
  async ({ user, body }) => ({
    statusCode: 201,
    body: { deadline: await createCustomDeadline(deps, user, body) },
  }),
);
