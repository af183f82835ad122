import type { TRopsContact } from './schemas/contacts.ts';
import { ROPS } from './wojewodztwa.ts';

/**
 * Whom a gmina contacts (issues 13 and 17): each voivodeship's ROPS (MCPS in mazowieckie) with a postal
 * address, an e-mail, a phone and office hours, and who controls the personal data a card carries and that
 * controller's data protection officer (IOD). The call's page, the refusal of a second card (CARD_EXISTS),
 * the footer of every e-mail and the personal-data notice read it. One module, apart from wojewodztwa.ts,
 * so the site's bundles that import the voivodeships do not carry the contacts.
 *
 * Copied from the seeds (/work/shared/seeds, the centres' own letters and pages) where they say it: ROPS
 * Rzeszów's address, phone and e-mail (the letterhead of "Liderzy kooperacji"), ROPS Białystok's address and
 * switchboard (its 2018 invitation; the e-mail there is one employee's, so it is not used as the centre's).
 * Everything else is a placeholder (`.example` domains, a "00 00" phone, hours "do potwierdzenia") listed in
 * `unconfirmed`, which each ROPS must confirm before a deployment takes real cards. Code, not the table:
 * reviewable in a pull request.
 */
export interface RopsContact {
  wojewodztwoCode: string;
  name: string;
  /** Postal address, one line. */
  address: string;
  email: string;
  phone: string;
  /** Office hours, one line. */
  hours: string;
  /**
   * The controller of the personal data of the voivodeship's cards (RODO art. 13(1)(a)). The seeds name
   * each partner as "Województwo … – Regionalny Ośrodek Polityki Społecznej w …": the ROPS, a unit of the
   * voivodeship, runs the call and keeps the cards.
   */
  controller: string;
  /** The controller's data protection officer (RODO art. 13(1)(b)). */
  iod: { email: string; address: string };
  /** Which fields no source confirmed yet (placeholders). */
  unconfirmed: readonly ('address' | 'email' | 'phone' | 'hours' | 'controller' | 'iod')[];
}

type Code = keyof typeof ROPS;

const PLACEHOLDER_HOURS = 'poniedziałek–piątek 7:30–15:30 (do potwierdzenia)';

function contact(
  code: Code,
  given: { street: string; postalCode: string; phone: string; email?: string; hours?: string },
  unconfirmed: RopsContact['unconfirmed'],
): RopsContact {
  const rops = ROPS[code];
  const address = `${given.street}, ${given.postalCode} ${rops.city}`;
  return {
    wojewodztwoCode: code,
    name: rops.name,
    address,
    email: given.email ?? `nabory.${code}@rops.example`,
    phone: given.phone,
    hours: given.hours ?? PLACEHOLDER_HOURS,
    controller: `${rops.name}, ${address}`,
    iod: { email: `iod.${code}@rops.example`, address: `Inspektor Ochrony Danych, ${address}` },
    unconfirmed: [
      ...unconfirmed,
      ...(given.email ? [] : (['email'] as const)),
      ...(given.hours ? [] : (['hours'] as const)),
      'controller',
      'iod',
    ],
  };
}

const PLACEHOLDER = ['address', 'phone'] as const;

export const ROPS_CONTACTS: Readonly<Record<string, RopsContact>> = {
  // Seed: "ul. Hetmańska 120, 35-078 Rzeszów tel. 17 747 06 00 … e-mail: sekretariat@rops.rzeszow.pl".
  '18': contact(
    '18',
    {
      street: 'ul. Hetmańska 120',
      postalCode: '35-078',
      phone: '+48 17 747 06 00',
      email: 'sekretariat@rops.rzeszow.pl',
    },
    [],
  ),
  // Seed: "ul. Kombatantów 7, 15-110 Białystok", "tel. 85 744 72 72" (the switchboard of an extension).
  '20': contact('20', { street: 'ul. Kombatantów 7', postalCode: '15-110', phone: '+48 85 744 72 72' }, []),
  '06': contact(
    '06',
    { street: 'ul. Diamentowa 2', postalCode: '20-447', phone: '+48 81 000 00 06' },
    PLACEHOLDER,
  ),
  '26': contact(
    '26',
    { street: 'ul. Witosa 86', postalCode: '25-561', phone: '+48 41 000 00 26' },
    PLACEHOLDER,
  ),
  '14': contact(
    '14',
    { street: 'ul. Grzybowska 80/82', postalCode: '00-844', phone: '+48 22 000 00 14' },
    PLACEHOLDER,
  ),
  '04': contact(
    '04',
    { street: 'ul. Słowackiego 114', postalCode: '87-100', phone: '+48 56 000 00 04' },
    PLACEHOLDER,
  ),
  '08': contact(
    '08',
    { street: 'al. Niepodległości 36', postalCode: '65-042', phone: '+48 68 000 00 08' },
    PLACEHOLDER,
  ),
  '22': contact(
    '22',
    { street: 'ul. Okopowa 21/27', postalCode: '80-810', phone: '+48 58 000 00 22' },
    PLACEHOLDER,
  ),
  '30': contact(
    '30',
    { street: 'ul. Nowowiejskiego 11', postalCode: '61-731', phone: '+48 61 000 00 30' },
    PLACEHOLDER,
  ),
  '32': contact(
    '32',
    { street: 'ul. Wały Chrobrego 4', postalCode: '70-502', phone: '+48 91 000 00 32' },
    PLACEHOLDER,
  ),
  '28': contact(
    '28',
    { street: 'ul. Głowackiego 17', postalCode: '10-447', phone: '+48 89 000 00 28' },
    PLACEHOLDER,
  ),
};

/** The ROPS of a gmina's voivodeship (its TERYT code's first two digits), if the platform serves it. */
export function ropsContactOf(teryt: string): RopsContact | undefined {
  return ROPS_CONTACTS[teryt.slice(0, 2)];
}

/** What the public pages and the e-mails show of a ROPS: whom to write to, call or visit, and when. */
export interface PublicRopsContact {
  name: string;
  address: string;
  email: string;
  phone: string;
  hours: string;
}

export function publicContact(rops: RopsContact): PublicRopsContact {
  return { name: rops.name, address: rops.address, email: rops.email, phone: rops.phone, hours: rops.hours };
}

/** The contacts of a call's voivodeships, as the call's page shows them. */
export function callContacts(wojewodztwa: readonly string[]): TRopsContact[] {
  return wojewodztwa.flatMap((code) => {
    const rops = ROPS_CONTACTS[code];
    if (!rops) return [];
    const { name, address, email, phone, hours, controller, iod } = rops;
    return [{ wojewodztwo: code, name, address, email, phone, hours, controller, iod: { ...iod } }];
  });
}
