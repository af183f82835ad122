import type { TCardAnswersInput } from '../../shared/schemas/card.ts';

/** A valid NIP with zero digits: a wrong weight where it has a 0 would still take it. */
export const NIP = '526-104-08-28';
/** A valid NIP with no zero digit, so a wrong weight anywhere refuses it; some tests send this one. */
export const OTHER_NIP = '123-456-32-18';

/** A complete, valid card for a rural gmina of świętokrzyskie (call liderzy-kooperacji-26) by default. */
export function validAnswers(
  teryt = '2602052',
  powiatCode = teryt.slice(0, 4),
  nip = NIP,
): TCardAnswersInput {
  return {
    office: {
      teryt,
      address: { street: 'ul. Główna 1', postalCode: '28-300', city: 'Oksa' },
      nip,
      regon: '000331501',
      head: { title: 'wojt', name: 'Jan Kowalski' },
    },
    contacts: {
      contact: {
        name: 'Anna Nowak',
        position: 'kierownik GOPS',
        email: `kontakt.${teryt}@gmina.example`,
        phone: '+48 41 381 00 00',
      },
      ops: {
        name: 'Gminny Ośrodek Pomocy Społecznej',
        head: 'Ewa Wiśniewska',
        email: 'gops@gmina.example',
        phone: '41 381 00 01',
      },
    },
    partner: {
      powiatCode,
      pcpr: {
        name: 'Powiatowe Centrum Pomocy Rodzinie',
        head: 'Piotr Zieliński',
        email: 'pcpr@powiat.example',
        phone: '413860000',
      },
    },
    criteria: {
      population: { value: 4500, year: 2023 },
      solectwa: { value: 20, year: 2023 },
      incomePerInhabitant: { value: 4321.55, year: 2023 },
      longTermAssistancePersons: { value: 120, year: 2023 },
      assistanceFamilies: { value: 90, year: 2023 },
      assistancePersons: { value: 250, year: 2023 },
      familiesWithAssistant: { value: 10, year: 2023 },
    },
    infrastructure: { items: ['ops', 'swietlica', 'ngo'], other: '' },
    motivation: {
      motivation: 'Chcemy lepiej współpracować.\nZ powiatem i szkołami.',
      expectations: 'Szkolenia i doradztwo.',
    },
    declarations: { agreementReadiness: true, milestonesParticipation: true, rodoAcknowledged: true },
  };
}

export interface SentMail {
  messageId: string;
  subject: string;
  destination: { to: string[] };
  body: { text: string; html: string };
}

/** Everything the SES emulator has accepted so far. */
export async function sentMail(inboxUrl: string): Promise<SentMail[]> {
  const response = await fetch(`${inboxUrl}/store`);
  return ((await response.json()) as { emails: SentMail[] }).emails;
}

export function linkToken(mail: SentMail, marker: '#t=' | '#szkic='): string {
  const match = new RegExp(`${marker.replace('#', '#')}([A-Za-z0-9_-]{43})`).exec(mail.body.text);
  if (!match?.[1]) throw new Error(`no ${marker} link in "${mail.subject}"`);
  return match[1];
}

/** Sends a card to a call as the form does (a fresh Idempotency-Key): the API's answer. */
export function sendCard(apiUrl: string, callId: string, answers: unknown): Promise<Response> {
  return fetch(`${apiUrl}/api/calls/${callId}/cards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ answers }),
  });
}
