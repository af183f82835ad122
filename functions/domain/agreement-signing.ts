import type { TSigningPageView } from '../../shared/schemas/agreements.ts';
import { AppError } from '../lib/errors.ts';
import { getAgreement } from '../repositories/agreements.ts';
import { type AgreementDeps, advance, nextRevision, save } from './agreement-flow.ts';
import { agreementByLink, signingPageView } from './agreement-pages.ts';
import { partyOf, requireTurn, sameName } from './agreement-state.ts';

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

/**
 * Declines with a reason: signing stops and the coordinator is told by e-mail. On the party's turn only, as
 * signing is: a party whose turn has not come has nothing in front of it to refuse yet (its link may have
 * been resent early), and one whose upload waits for the coordinator has answered already.
 */
export async function declineAgreement(
  deps: AgreementDeps,
  token: string,
  input: { reason: string; documentSha256: string },
  client: Client,
): Promise<TSigningPageView> {
  const { agreement, party } = await agreementByLink(deps, token);
  requireTurn(agreement, party);
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
