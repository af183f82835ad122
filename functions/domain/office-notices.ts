import { type PublicRopsContact, publicContact, ropsContactOf } from '../../shared/rops-contacts.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import type { CardContact } from '../mail/trust-templates.ts';
import type { OutgoingMail } from '../repositories/outbox.ts';

/**
 * What keeps a card sent in a gmina's name from locking the gmina out (issue 13): the notice to the gmina
 * office's official address, the refusal that names whom to contact, and the notice to a card's previous
 * contact address.
 */

/** The ROPS a gmina contacts about its card, for e-mails; a placeholder only for a voivodeship not served. */
export function ropsOf(teryt: string): PublicRopsContact {
  const rops = ropsContactOf(teryt);
  return rops
    ? publicContact(rops)
    : { name: 'koordynator naboru', address: '', email: '', phone: '', hours: '' };
}

/** CARD_EXISTS, with the contact of the ROPS that can void the card if the gmina did not send it. */
export function cardExistsError(teryt: string): AppError {
  const rops = ropsContactOf(teryt);
  return new AppError('CARD_EXISTS', rops ? { contact: publicContact(rops) } : {});
}

/**
 * The notice of a new card to the gmina office's official address, which the sender looks up when it sends
 * (none sent when the directory has none). Named by the reference, so a retried round queues it once with
 * its card.
 */
export function officeNotice(input: {
  call: TCall;
  teryt: string;
  gminaName: string;
  reference: string;
  submittedAt: string;
  storedAt: string;
  channel: 'online' | 'post' | 'email';
  contact: CardContact;
}): OutgoingMail {
  const { name, email, phone } = input.contact;
  return {
    name: `office-notice-${input.reference}`,
    to: [],
    toOffice: input.teryt,
    mail: {
      template: 'trust-office-notice',
      wojewodztwo: input.teryt.slice(0, 2),
      data: {
        reference: input.reference,
        callTitle: input.call.title,
        closesAt: input.call.closesAt,
        gminaName: input.gminaName,
        submittedAt: input.submittedAt,
        channel: input.channel,
        contact: { name, email, phone },
        rops: ropsOf(input.teryt),
      },
    },
    queuedAt: input.storedAt,
  };
}

/** The notice to a card's previous contact address when a new version names another one; else none. */
export function previousContactNotice(input: {
  call: TCall;
  card: { teryt: string; gminaName: string; reference: string };
  before: string;
  after: string;
  version: number;
  at: string;
}): OutgoingMail | undefined {
  if (input.before.toLowerCase() === input.after.toLowerCase()) return undefined;
  return {
    name: `contact-changed-v${input.version}`,
    to: [input.before],
    mail: {
      template: 'trust-contact-changed',
      wojewodztwo: input.card.teryt.slice(0, 2),
      data: {
        reference: input.card.reference,
        callTitle: input.call.title,
        gminaName: input.card.gminaName,
        changedAt: input.at,
        newEmail: input.after,
        rops: ropsOf(input.card.teryt),
      },
    },
    queuedAt: input.at,
  };
}
