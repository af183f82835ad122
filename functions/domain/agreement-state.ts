import type { TAgreementView } from '../../shared/schemas/agreements.ts';
import { foldPolish } from '../../shared/teryt/search.ts';
import { AppError } from '../lib/errors.ts';
import type { AgreementRecord, PartyRecord } from '../repositories/agreements.ts';

/**
 * Where an agreement stands, as plain functions of its record: kept apart from agreement-flow.ts (pdf-lib,
 * the seal, S3) so the functions that only show agreements do not bundle those.
 */

/**
 * How long after completion a party's link downloads the final record. The signing links die with the
 * signing deadline (their SIGNSTEP item's TTL), which may be the day of completion; the completion e-mail
 * brings each party a new link for this long: a month to save the record, after which the coordinator
 * (the panel) has it.
 */
export const FINAL_DOWNLOAD_DAYS = 30;

/** Whose turn it is: the first party, in the signing order, that has not signed; undefined when all have. */
export function currentParty(agreement: AgreementRecord): PartyRecord | undefined {
  return agreement.parties.find((party) => party.status !== 'signed');
}

/** The checks every action of a signatory passes: signing open, not signed yet, the party's turn. */
export function requireTurn(agreement: AgreementRecord, party: PartyRecord): void {
  if (party.status === 'signed') throw new AppError('ALREADY_SIGNED');
  if (agreement.status !== 'signing' || party.status === 'uploaded') throw new AppError('AGREEMENT_STATE');
  if (currentParty(agreement)?.role !== party.role) throw new AppError('NOT_YOUR_TURN');
}

export function partyOf(agreement: AgreementRecord, role: string): PartyRecord {
  const party = agreement.parties.find((candidate) => candidate.role === role);
  if (!party) throw new AppError('NOT_FOUND');
  return party;
}

/** Names typed and names given compare without case, diacritics or extra spaces ("anna  NOWAK" = "Anna Nowak"). */
export function sameName(typed: string, expected: string): boolean {
  const fold = (name: string) => foldPolish(name.normalize('NFC')).replace(/\s+/g, ' ').trim();
  return fold(typed) === fold(expected);
}

export function isOverdue(agreement: AgreementRecord, party: PartyRecord, now: Date): boolean {
  return (
    agreement.status === 'signing' &&
    party.status !== 'signed' &&
    agreement.deadline !== undefined &&
    Date.parse(agreement.deadline) <= now.getTime()
  );
}

export function agreementView(agreement: AgreementRecord, now: Date): TAgreementView {
  return {
    id: agreement.id,
    callId: agreement.callId,
    teryt: agreement.teryt,
    gminaName: agreement.gminaName,
    kind: agreement.kind,
    status: agreement.status,
    templateVersion: agreement.templateVersion,
    revision: agreement.revision,
    textVersion: agreement.textVersion,
    text: agreement.text,
    documentSha256: agreement.document.sha256,
    ...(agreement.deadline ? { deadline: agreement.deadline } : {}),
    parties: agreement.parties.map((party) => ({
      role: party.role,
      name: party.name,
      status: party.status,
      ...(party.signatory ? { signatory: party.signatory } : {}),
      ...(party.signedAt ? { signedAt: party.signedAt } : {}),
      ...(party.method ? { method: party.method } : {}),
      ...(party.upload
        ? {
            upload: {
              sha256: party.upload.sha256,
              signed: party.upload.signed,
              ...(party.upload.signerName ? { signerName: party.upload.signerName } : {}),
            },
          }
        : {}),
      ...(party.declineReason ? { declineReason: party.declineReason } : {}),
      overdue: isOverdue(agreement, party, now),
    })),
    ...(agreement.scan ? { scan: { sha256: agreement.scan.sha256 } } : {}),
    ...(agreement.final
      ? { final: { sha256: agreement.final.sha256, completedAt: agreement.final.completedAt } }
      : {}),
  };
}
