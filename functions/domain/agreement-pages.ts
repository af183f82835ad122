import type { TSigningPageView } from '../../shared/schemas/agreements.ts';
import { agreementHtml } from '../documents/agreement-html.ts';
import { sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import {
  type AgreementRecord,
  getAgreement,
  getAgreementById,
  type PartyRecord,
  resolveSigningLink,
} from '../repositories/agreements.ts';
import { getDocument } from '../repositories/documents.ts';
import type { AgreementDeps } from './agreement-flow.ts';
import { currentParty, partyOf } from './agreement-state.ts';

/**
 * What a signing link and the public verification show; apart from agreement-signing.ts, which changes
 * agreements, so the functions that only show them do not bundle pdf-lib and the seal.
 */

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
  // The deadline itself, to the millisecond: the link's TTL is rounded up to a whole second.
  const deadline = agreement.deadline ? Date.parse(agreement.deadline) : step.expiresAt;
  if (deadline <= deps.now().getTime() && agreement.status === 'signing')
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
