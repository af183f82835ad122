import { ROPS } from './wojewodztwa.ts';

/**
 * Whom a gmina contacts about a card sent in its name (issue 13): each voivodeship's ROPS (MCPS in
 * mazowieckie) with a postal address, an e-mail and a phone. The notice to a gmina office, the refusal of a
 * second card (CARD_EXISTS) and the e-mails about a voided card name it. One module, apart from
 * wojewodztwa.ts, so the site's bundles that import the voivodeships do not carry the contacts.
 *
 * The names are the centres' own; the street addresses, e-mails and phones are placeholders (`.example`
 * domains, a "00 00" phone) that each ROPS must confirm before a deployment takes real cards — the
 * README's security section says so. Keeping them here (not in the table) makes them reviewable in a pull
 * request; a ROPS-editable copy is issue 17's "each ROPS's contact".
 */
export interface RopsContact {
  wojewodztwoCode: string;
  name: string;
  /** Postal address, one line. */
  address: string;
  email: string;
  phone: string;
}

function contact(code: keyof typeof ROPS, street: string, postalCode: string, phone: string): RopsContact {
  const rops = ROPS[code];
  return {
    wojewodztwoCode: code,
    name: rops.name,
    address: `${street}, ${postalCode} ${rops.city}`,
    email: `nabory.${code}@rops.example`,
    phone,
  };
}

export const ROPS_CONTACTS: Readonly<Record<string, RopsContact>> = {
  '18': contact('18', 'ul. Hetmańska 9', '35-045', '+48 17 000 00 18'),
  '20': contact('20', 'ul. Kolejowa 2', '15-000', '+48 85 000 00 20'),
  '06': contact('06', 'ul. Diamentowa 2', '20-447', '+48 81 000 00 06'),
  '26': contact('26', 'ul. Witosa 86', '25-561', '+48 41 000 00 26'),
  '14': contact('14', 'ul. Grzybowska 80/82', '00-844', '+48 22 000 00 14'),
  '04': contact('04', 'ul. Słowackiego 114', '87-100', '+48 56 000 00 04'),
  '08': contact('08', 'al. Niepodległości 36', '65-042', '+48 68 000 00 08'),
  '22': contact('22', 'ul. Okopowa 21/27', '80-810', '+48 58 000 00 22'),
  '30': contact('30', 'ul. Nowowiejskiego 11', '61-731', '+48 61 000 00 30'),
  '32': contact('32', 'ul. Wały Chrobrego 4', '70-502', '+48 91 000 00 32'),
  '28': contact('28', 'ul. Głowackiego 17', '10-447', '+48 89 000 00 28'),
};

/** The ROPS of a gmina's voivodeship (its TERYT code's first two digits), if the platform serves it. */
export function ropsContactOf(teryt: string): RopsContact | undefined {
  return ROPS_CONTACTS[teryt.slice(0, 2)];
}
