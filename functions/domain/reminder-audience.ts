import type { DeadlineRecord } from '../repositories/deadlines.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  type CallHead,
  gminasWithSentCard,
  listCallHeadsOfProgramme,
  listCallHeadsOfWojewodztwo,
  listDraftContacts,
  listSelectedCards,
} from '../repositories/reminder-audiences.ts';
import type { User } from '../repositories/users.ts';
import { withoutDelivered } from './deliverable-parties.ts';
import { unsignedSignatories } from './reminder-audience-agreements.ts';

/** One address a deadline is reminded to, and what it is to the deadline. */
export interface Recipient {
  email: string;
  role: 'gmina' | 'ops' | 'pcpr' | 'coordinator' | 'draft' | 'signatory';
  wojewodztwo: string;
}

/**
 * The reads of calls and selected cards an audience is made of. The planner passes ones it remembers for
 * its run: its deadlines share calls and cards, and reading them once per deadline made it 10 × slower.
 */
export interface AudienceReads {
  listCallHeadsOfProgramme: typeof listCallHeadsOfProgramme;
  listCallHeadsOfWojewodztwo: typeof listCallHeadsOfWojewodztwo;
  listSelectedCards: typeof listSelectedCards;
}

const READ_EACH_TIME: AudienceReads = {
  listCallHeadsOfProgramme,
  listCallHeadsOfWojewodztwo,
  listSelectedCards,
};

async function callsOf(db: Db, deadline: DeadlineRecord, reads: AudienceReads): Promise<CallHead[]> {
  if (deadline.callId)
    return [
      { id: deadline.callId, title: '', programmeId: '', wojewodztwa: deadline.wojewodztwa, closesAt: '' },
    ];
  if (deadline.programmeId) return reads.listCallHeadsOfProgramme(db, deadline.programmeId);
  const lists = await Promise.all(
    deadline.wojewodztwa.map((code) => reads.listCallHeadsOfWojewodztwo(db, code)),
  );
  return [...new Map(lists.flat().map((call) => [call.id, call])).values()];
}

/**
 * Who the deadline reminds now (audiences change: drafts are sent, cards selected), each address once:
 * - a call's closing: the contacts of drafts whose gmina has not sent its card (a draft naming no gmina counts);
 * - gminas, OPS, PCPR: the addresses on the selected cards of the deadline's call, or of its programme's or
 *   voivodeships' calls, in the deadline's voivodeships;
 * - coordinators: those of the deadline's voivodeships (not the lead, who sees all and is told by them);
 * - signatories: an agreement's signatories whose turn it is and who have not signed
 *   (reminder-audience-agreements.ts).
 */
export async function resolveRecipients(
  db: Db,
  deadline: DeadlineRecord,
  users: readonly User[],
  reads: AudienceReads = READ_EACH_TIME,
): Promise<Recipient[]> {
  const found = new Map<string, Recipient>();
  const add = (email: string | undefined, role: Recipient['role'], wojewodztwo: string) => {
    const key = email?.trim().toLowerCase();
    if (key && !found.has(key)) found.set(key, { email: key, role, wojewodztwo });
  };
  const groups = new Set(deadline.audience);
  const inScope = new Set(deadline.wojewodztwa);
  if (groups.has('drafts') && deadline.callId) {
    const drafts = await listDraftContacts(db, deadline.callId);
    const sent = await gminasWithSentCard(
      db,
      deadline.callId,
      drafts.flatMap((draft) => (draft.teryt ? [draft.teryt] : [])),
    );
    for (const draft of drafts) {
      if (draft.teryt && sent.has(draft.teryt)) continue;
      add(draft.email, 'draft', draft.teryt?.slice(0, 2) ?? deadline.wojewodztwa[0] ?? '00');
    }
  }
  if (groups.has('gminas') || groups.has('ops') || groups.has('pcpr')) {
    for (const call of await callsOf(db, deadline, reads)) {
      for (const code of call.wojewodztwa.filter((woj) => inScope.has(woj))) {
        for (const card of await reads.listSelectedCards(db, call.id, code)) {
          if (groups.has('gminas')) add(card.contactEmail, 'gmina', card.wojewodztwo);
          if (groups.has('ops')) add(card.opsEmail, 'ops', card.wojewodztwo);
          if (groups.has('pcpr')) add(card.pcprEmail, 'pcpr', card.wojewodztwo);
        }
      }
    }
  }
  if (groups.has('signatories')) {
    for (const signatory of await unsignedSignatories(db, deadline))
      add(signatory.email, 'signatory', signatory.wojewodztwo);
  }
  if (groups.has('coordinators')) {
    for (const user of users) {
      const code = user.role === 'coordinator' ? user.wojewodztwa.find((woj) => inScope.has(woj)) : undefined;
      if (code) add(user.email, 'coordinator', code);
    }
  }
  // A deadline asking for a document reminds only those who have not delivered it.
  return withoutDelivered(db, deadline, [...found.values()]);
}

/** The coordinator a reply to a reminder in the voivodeship reaches. */
export function coordinatorOf(users: readonly User[], wojewodztwo: string): string | undefined {
  return users.find((user) => user.role === 'coordinator' && user.wojewodztwa.includes(wojewodztwo))?.email;
}
