import {
  type AgreementRecord,
  getAgreementById,
  listAgreementEvents,
  type PartyRecord,
} from '../repositories/agreements.ts';
import type { DeadlineRecord } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import { agreementIdOfDeadline } from './agreement-deadline.ts';

/**
 * Who an agreement's signing deadline reminds, read from the agreement itself at planning and again at
 * sending: the signatories whose turn it is and who have not signed. Signing is sequential (gmina, powiat,
 * województwo), so a party whose turn has not come has no link yet and nothing it could do; it is reminded
 * once its link arrives. A party that uploaded a qualified-signed PDF has done its part (the coordinator
 * confirms it), and one that declined stopped the signing.
 */

function awaitsSignature(party: PartyRecord): party is PartyRecord & { signatory: { email: string } } {
  return party.status === 'pending' && party.linkSha256 !== undefined && party.signatory !== undefined;
}

async function agreementOf(db: Db, deadline: DeadlineRecord): Promise<AgreementRecord | undefined> {
  const id = agreementIdOfDeadline(deadline.id);
  const agreement = id ? await getAgreementById(db, id) : undefined;
  return agreement?.status === 'signing' && agreement.deadline === deadline.dueAt ? agreement : undefined;
}

/** The addresses to remind now, with the agreement's voivodeship. */
export async function unsignedSignatories(
  db: Db,
  deadline: DeadlineRecord,
): Promise<{ email: string; wojewodztwo: string }[]> {
  const agreement = await agreementOf(db, deadline);
  if (!agreement) return [];
  return agreement.parties
    .filter(awaitsSignature)
    .map((party) => ({ email: party.signatory.email, wojewodztwo: agreement.wojewodztwo }));
}

export interface SigningReminder {
  /** Still the signatory of a party whose turn it is, not signed. */
  awaiting: boolean;
  /** When the link the signatory holds was e-mailed (the reminder names that e-mail). */
  linkSentAt?: string | undefined;
  /** Who sent the agreement for signing: a reply reaches them, and they can send a new link. */
  coordinatorEmail?: string | undefined;
}

/** Whether the address is still to be reminded, and when its link went out: read at sending. */
export async function signingReminderFor(
  db: Db,
  deadline: DeadlineRecord,
  email: string,
): Promise<SigningReminder> {
  const agreement = await agreementOf(db, deadline);
  const address = email.trim().toLowerCase();
  const party = agreement?.parties.find(
    (candidate) => awaitsSignature(candidate) && candidate.signatory.email.trim().toLowerCase() === address,
  );
  if (!agreement || !party) return { awaiting: false };
  const events = await listAgreementEvents(db, agreement.callId, agreement.teryt);
  const linkSent = events.findLast(
    (event) => event.party === party.role && (event.type === 'link-sent' || event.type === 'link-resent'),
  );
  return { awaiting: true, linkSentAt: linkSent?.at, coordinatorEmail: agreement.coordinatorEmail };
}
