import type { TSigningPageView } from '../../shared/schemas/agreements.ts';
import { agreementHtml } from '../documents/agreement-render.ts';
import { inspectPdfSignature } from '../documents/pdf-signatures.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import {
  type AgreementRecord,
  getAgreement,
  getAgreementById,
  type PartyRecord,
  resolveSigningLink,
} from '../repositories/agreements.ts';
import { getDocument, putDocument, sha256Of } from '../repositories/documents.ts';
import {
  type AgreementDeps,
  advance,
  currentParty,
  documentKey,
  nextRevision,
  partyOf,
  sameName,
  save,
} from './agreement-flow.ts';
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

/**
 * The agreement and party a link opens, or why not: unknown (forged) → LINK_INVALID, past the deadline →
 * SIGNING_LINK_EXPIRED, cancelled → AGREEMENT_CANCELLED, replaced by a newer link, a new signatory or a
 * restart → SIGNING_LINK_REPLACED.
 */
export async function agreementByLink(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  token: string,
): Promise<{ agreement: AgreementRecord; party: PartyRecord; tokenSha256: string }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new AppError('LINK_INVALID');
  const tokenSha256 = sha256Hex(token);
  const step = await resolveSigningLink(deps.db, tokenSha256);
  if (!step) throw new AppError('LINK_INVALID');
  const agreement = await getAgreement(deps.db, step.callId, step.teryt);
  if (!agreement) throw new AppError('LINK_INVALID');
  if (agreement.status === 'cancelled') throw new AppError('AGREEMENT_CANCELLED');
  const party = partyOf(agreement, step.role);
  if (party.linkSha256 !== tokenSha256) {
    // A signed party's link stays its own record of having signed; any other dead link was replaced.
    if (party.status !== 'signed') throw new AppError('SIGNING_LINK_REPLACED');
  }
  if (step.expiresAt <= deps.now().getTime() && agreement.status === 'signing')
    throw new AppError('SIGNING_LINK_EXPIRED');
  return { agreement, party, tokenSha256 };
}

export function signingPageView(agreement: AgreementRecord, party: PartyRecord): TSigningPageView {
  return {
    agreementId: agreement.id,
    title: `Porozumienie o współpracy — ${agreement.gminaName}`,
    html: agreementHtml(agreement.text),
    documentSha256: agreement.document.sha256,
    status: agreement.status,
    you: { role: party.role, name: party.name, signatoryName: party.signatory?.name ?? '' },
    yourTurn: agreement.status === 'signing' && currentParty(agreement)?.role === party.role,
    deadline: agreement.deadline ?? '',
    parties: agreement.parties.map((each) => ({
      role: each.role,
      name: each.name,
      status: each.status,
      ...(each.signedAt ? { signedAt: each.signedAt } : {}),
    })),
  };
}

export async function signingPage(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  token: string,
): Promise<TSigningPageView> {
  const { agreement, party } = await agreementByLink(deps, token);
  return signingPageView(agreement, party);
}

/** The PDF the signatory signs (what the page shows as HTML), with its digest checked on the way out. */
export async function signingDocument(
  deps: Pick<AgreementDeps, 'db' | 'now' | 'documents'>,
  token: string,
): Promise<{ filename: string; sha256: string; base64: string }> {
  const { agreement } = await agreementByLink(deps, token);
  const document = await getDocument(deps.documents, agreement.document.key, agreement.document.sha256);
  if (!document) throw new AppError('NOT_FOUND');
  return {
    filename: `porozumienie-${agreement.id}-v${agreement.textVersion}.pdf`,
    sha256: agreement.document.sha256,
    base64: Buffer.from(document.body).toString('base64'),
  };
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

/** Public: whether a final PDF with this hash is the sealed record of this agreement. */
export async function verifyAgreement(
  deps: Pick<AgreementDeps, 'db'>,
  input: { agreementId: string; sha256: string },
): Promise<{
  valid: boolean;
  agreementId: string;
  completedAt?: string;
  parties?: { name: string; signedAt: string }[];
}> {
  const agreement = /^PZ-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(input.agreementId)
    ? await getAgreementById(deps.db, input.agreementId)
    : undefined;
  if (!agreement?.final || agreement.status !== 'completed' || agreement.final.sha256 !== input.sha256)
    return { valid: false, agreementId: input.agreementId };
  return {
    valid: true,
    agreementId: agreement.id,
    completedAt: agreement.final.completedAt,
    parties: agreement.parties.map((party) => ({ name: party.name, signedAt: party.signedAt ?? '' })),
  };
}
