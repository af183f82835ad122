import { ZReceiptQuery, ZReference } from '../../shared/schemas/receipt.ts';
import { checkReceipt } from '../domain/check-receipt.ts';
import { httpRoute } from '../lib/http.ts';
import { storeDeps } from '../wiring.ts';

const deps = storeDeps();

export const handler = httpRoute({ query: ZReceiptQuery }, async ({ query, params }) => {
  const reference = (params.reference ?? '').toUpperCase();
  // A malformed reference cannot exist; answering "not valid" reveals nothing more than a lookup would.
  const body = ZReference.safeParse(reference).success
    ? await checkReceipt(deps, {
        reference,
        sha256: query.sha256,
        version: query.version === undefined ? undefined : Number(query.version),
      })
    : { valid: false as const };
  return { body };
});
