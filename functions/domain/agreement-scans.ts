import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TUploadedPdfRequest } from '../../shared/schemas/agreements.ts';
import { deleteScanParts } from '../repositories/scans.ts';
import { requireCardOfGmina } from './access.ts';
import type { AgreementDeps } from './agreement-flow.ts';
import { readAgreement } from './agreement-lists.ts';
import { assembledPdf, coordinatorOwner, partKeys } from './agreement-upload-parts.ts';
import { uploadAgreementScan } from './agreements.ts';

/**
 * The coordinator's uploaded parts (agreement-upload-parts.ts) taken as the scan of the paper agreement:
 * the same checks and record as before the parts (a PDF of at most 10 MB, kept with its SHA-256, which the
 * paper signatures then name); a refusal changes nothing in the table.
 */
export async function addAgreementScan(
  deps: AgreementDeps,
  user: TAdminUser,
  path: { callId: string; teryt: string },
  request: TUploadedPdfRequest,
): Promise<{ sha256: string }> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  const keys = partKeys(agreement, coordinatorOwner(user), request);
  const pdf = await assembledPdf(deps.documents, keys);
  const stored = await uploadAgreementScan(deps, user, path, pdf);
  await deleteScanParts(deps.documents, keys).catch(() => undefined);
  return stored;
}
