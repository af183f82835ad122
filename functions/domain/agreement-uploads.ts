import type { TSigningPageView, TUploadedPdfRequest } from '../../shared/schemas/agreements.ts';
import { inspectPdfSignature } from '../documents/pdf-signatures.ts';
import { putDocument, sha256Of } from '../repositories/documents.ts';
import { deleteScanParts } from '../repositories/scans.ts';
import { type AgreementDeps, documentKey, nextRevision, save } from './agreement-flow.ts';
import { agreementByLink, signingPageView } from './agreement-pages.ts';
import type { Client } from './agreement-signing.ts';
import { partyOf, requireTurn } from './agreement-state.ts';
import { assembledPdf, partKeys, signatoryOwner } from './agreement-upload-parts.ts';
import { uploadedPdf } from './agreements.ts';

/**
 * A signatory's uploaded parts (agreement-upload-parts.ts) taken as one PDF, its signed copy: stored as is
 * with its SHA-256, and whether it carries a signature and whose read from it (node-forge, so apart from
 * the paper's scan, agreement-scans.ts); a refusal changes nothing in the table.
 */

export async function addSignedUpload(
  deps: AgreementDeps,
  token: string,
  request: TUploadedPdfRequest,
  client: Client,
): Promise<TSigningPageView & { upload: { sha256: string; signed: boolean; signerName?: string } }> {
  const { agreement, party, tokenSha256 } = await agreementByLink(deps, token);
  requireTurn(agreement, party);
  const keys = partKeys(agreement, signatoryOwner(party.role, tokenSha256), request);
  const pdf = await assembledPdf(deps.documents, keys);
  const answer = await uploadSignedAgreement(deps, token, pdf, client);
  await deleteScanParts(deps.documents, keys).catch(() => undefined);
  return answer;
}

/**
 * A PDF signed outside (qualified signature, Profil Zaufany) in place of signing here: at most 10 MB, a PDF,
 * stored as it is with its hash; whether it carries a signature and whose is read from it for the coordinator,
 * whose confirmation makes it count.
 */
export async function uploadSignedAgreement(
  deps: AgreementDeps,
  token: string,
  body: Uint8Array | undefined,
  client: Client,
): Promise<TSigningPageView & { upload: { sha256: string; signed: boolean; signerName?: string } }> {
  const { agreement, party } = await agreementByLink(deps, token);
  requireTurn(agreement, party);
  const pdf = uploadedPdf(body);
  const sha256 = sha256Of(pdf);
  const signature = inspectPdfSignature(pdf);
  const stored = await putDocument(
    deps.documents,
    documentKey(agreement, `upload-${party.role}-${sha256}.pdf`),
    pdf,
    'application/pdf',
  );
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const uploaded = partyOf(next, party.role);
  uploaded.status = 'uploaded';
  uploaded.upload = {
    key: stored.key,
    sha256,
    size: stored.size,
    signed: signature.signed,
    ...(signature.signerName ? { signerName: signature.signerName } : {}),
    uploadedAt: at,
  };
  await save(deps, {
    agreement: next,
    events: [
      {
        at,
        type: 'signed-upload',
        actor: `${uploaded.signatory?.name ?? ''} (${uploaded.signatory?.email ?? ''})`,
        party: uploaded.role,
        ip: client.ip,
        userAgent: client.userAgent.slice(0, 500),
        hashBefore: agreement.document.sha256,
        hashAfter: sha256,
        note: signature.signed
          ? `podpis elektroniczny${signature.signerName ? `: ${signature.signerName}` : ''}`
          : 'bez podpisu elektronicznego',
      },
    ],
    mail: [
      {
        name: `agreement-upload-${party.role}-${sha256.slice(0, 16)}`,
        to: [next.coordinatorEmail],
        queuedAt: at,
        mail: {
          template: 'agreement-upload-received',
          wojewodztwo: next.teryt.slice(0, 2),
          data: {
            agreementId: next.id,
            gminaName: next.gminaName,
            partyName: uploaded.name,
            signed: signature.signed,
            ...(signature.signerName ? { signerName: signature.signerName } : {}),
          },
        },
      },
    ],
  });
  return {
    ...signingPageView(next, uploaded),
    upload: {
      sha256,
      signed: signature.signed,
      ...(signature.signerName ? { signerName: signature.signerName } : {}),
    },
  };
}
