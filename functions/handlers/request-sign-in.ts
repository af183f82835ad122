import { ZSignInRequest } from '../../shared/schemas/admin.ts';
import { requestSignIn } from '../domain/sign-in.ts';
import { httpRoute } from '../lib/http.ts';
import { clientAddress } from '../lib/request-headers.ts';
import { storeAndSiteDeps } from '../wiring.ts';

const deps = storeAndSiteDeps();

/** 202 and an empty object whatever the address: the answer never tells whether it has an account. */
export const handler = httpRoute({ body: ZSignInRequest }, async ({ body, event }) => {
  await requestSignIn(deps, { email: body.email, client: clientAddress(event) });
  return { statusCode: 202, body: {} };
});
