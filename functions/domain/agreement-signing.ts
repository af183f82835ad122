import type { TSigningPageView } from '../../shared/schemas/agreements.ts';
import { inspectPdfSignature } from '../documents/pdf-signatures.ts';
import { AppError } from '../lib/errors.ts';
import { type AgreementRecord, getAgreement, type PartyRecord } from '../repositories/agreements.ts';
import { putDocument, sha256Of } from '../repositories/documents.ts';
import { type AgreementDeps, advance, documentKey, nextRevision, save } from './agreement-flow.ts';
import { agreementByLink, signingPageView } from './agreement-pages.ts';
import { currentParty, partyOf, sameName } from './agreement-state.ts';
import { uploadedPdf } from './agreements.ts';

/**
 * The signatories' side: the e-mailed link (a token in the page's fragment, sent as a Bearer header) shows
 * the agreement and signs it, declines it, or takes a PDF signed with a qualified signature or Profil
 * Zaufany. Each refusal says why, and changes nothing.
 */

export interface Client {
  ip: string;
  userAgent: string;
}

/** The checks every action of a signatory passes: signing open, not signed yet, the party's turn. */
function requireTurn(agreement: AgreementRecord, party: PartyRecord): void {
  if (party.status === 'signed') throw new AppError('ALREADY_SIGNED');
  if (agreement.status !== 'signing' || party.status === 'uploaded') throw new AppError('AGREEMENT_STATE');
  if (currentParty(agreement)?.role !== party.role) throw new AppError('NOT_YOUR_TURN');
}

/**
 * Signs for the link's party: the document's hash as the page showed it, the full name as given for the
 * signatory (case and diacritics aside) and the consent. Records time, IP, user agent and hash; then the
 * next party gets its link, or the final record is made.
 */
export async function signAgreement(
  deps: AgreementDeps,
  token: string,
  input: { fullName: string; consent: boolean; documentSha256: string },
  client: Client,
): Promise<TSigningPageView> {
  const { agreement, party } = await agreementByLink(deps, token);
  requireTurn(agreement, party);
  if (input.documentSha256 !== agreement.document.sha256) throw new AppError('DOCUMENT_CHANGED');
  if (!input.consent) throw new AppError('CONSENT_REQUIRED');
  if (!sameName(input.fullName, party.signatory?.name ?? '')) throw new AppError('SIGNATURE_NAME_MISMATCH');
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const signed = partyOf(next, party.role);
  signed.status = 'signed';
  signed.method = 'online';
  signed.signedAt = at;
  signed.evidence = {
    fullName: input.fullName,
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 500),
    documentSha256: agreement.document.sha256,
  };
  await advance(
    deps,
    next,
    [
      {
        at,
        type: 'signed',
        actor: `${input.fullName} (${signed.signatory?.role ?? ''}, ${signed.signatory?.email ?? ''})`,
        party: signed.role,
        ip: client.ip,
        userAgent: client.userAgent.slice(0, 500),
        hashBefore: agreement.document.sha256,
        hashAfter: agreement.document.sha256,
      },
    ],
    at,
  );
  const after = (await getAgreement(deps.db, agreement.callId, agreement.teryt)) ?? next;
  return signingPageView(after, partyOf(after, party.role));
}

/** Declines with a reason: signing stops and the coordinator is told by e-mail. */
export async function declineAgreement(
  deps: AgreementDeps,
  token: string,
  input: { reason: string; documentSha256: string },
  client: Client,
): Promise<TSigningPageView> {
  const { agreement, party } = await agreementByLink(deps, token);
  if (party.status === 'signed') throw new AppError('ALREADY_SIGNED');
  if (agreement.status !== 'signing') throw new AppError('AGREEMENT_STATE');
  if (input.documentSha256 !== agreement.document.sha256) throw new AppError('DOCUMENT_CHANGED');
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const declined = partyOf(next, party.role);
  declined.status = 'declined';
  declined.declineReason = input.reason;
  next.status = 'declined';
  await save(deps, {
    agreement: next,
    events: [
      {
        at,
        type: 'declined',
        actor: `${declined.signatory?.name ?? ''} (${declined.signatory?.email ?? ''})`,
        party: declined.role,
        ip: client.ip,
        userAgent: client.userAgent.slice(0, 500),
        hashBefore: agreement.document.sha256,
        note: input.reason,
      },
    ],
    mail: [
      {
        name: `agreement-declined-${next.revision}`,
        to: [next.coordinatorEmail],
        queuedAt: at,
        mail: {
          template: 'agreement-declined',
          wojewodztwo: next.teryt.slice(0, 2),
          data: {
            agreementId: next.id,
            gminaName: next.gminaName,
            partyName: declined.name,
            signatoryName: declined.signatory?.name ?? '',
            reason: input.reason,
          },
        },
      },
    ],
  });
  return signingPageView(next, declined);
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
