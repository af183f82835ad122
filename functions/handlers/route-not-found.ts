import { AppError } from '../lib/errors.ts';
import { httpRoute } from '../lib/http.ts';
import { matchRoute } from '../routes.ts';

/** API Gateway's $default route: tells a wrong method (405 + Allow) from an unknown address (404). */
export const handler = httpRoute({ body: 'ignore' }, async ({ event }) => {
  const match = matchRoute(event.requestContext.http.method, event.rawPath);
  if (match.kind === 'wrong-method') {
    throw new AppError('METHOD_NOT_ALLOWED', { headers: { allow: match.allowed.join(', ') } });
  }
  throw new AppError('ROUTE_NOT_FOUND');
});
