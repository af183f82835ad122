import { longTermAssistanceRatio } from '../../shared/criteria.ts';
import { HEAD_TITLES_PL, INFRASTRUCTURE_ITEMS_PL } from '../../shared/messages/card-pl.ts';
import type { TCardAnswers } from '../../shared/schemas/card.ts';

/**
 * The card's answers as labelled rows for the confirmation e-mail, in the form's order. E-mails are sent
 * in Polish, the language of the procedure, whatever language the clerk used on the site.
 */
export interface SummarySection {
  title: string;
  rows: [label: string, value: string][];
}

// Made on first use, not at import: functions that never write a card's e-mail should not pay for them.
let formats: { number: Intl.NumberFormat; money: Intl.NumberFormat } | undefined;
const plFormats = () =>
  (formats ??= {
    number: new Intl.NumberFormat('pl-PL'),
    money: new Intl.NumberFormat('pl-PL', { style: 'currency', currency: 'PLN' }),
  });

function figure(value: string, year: number): string {
  return `${value} (${year} r.)`;
}

export function cardSummary(answers: TCardAnswers, gminaName: string, powiatName: string): SummarySection[] {
  const { office, contacts, partner, criteria, infrastructure, motivation } = answers;
  const { number, money } = plFormats();
  return [
    {
      title: 'Urząd gminy',
      rows: [
        ['Gmina', `${gminaName} (TERYT ${office.teryt})`],
        ['Adres', `${office.address.street}, ${office.address.postalCode} ${office.address.city}`],
        ['NIP', office.nip],
        ['REGON', office.regon],
        [HEAD_TITLES_PL[office.head.title], office.head.name],
      ],
    },
    {
      title: 'Osoba do kontaktu i OPS',
      rows: [
        ['Osoba do kontaktu', `${contacts.contact.name}, ${contacts.contact.position}`],
        ['E-mail i telefon', `${contacts.contact.email}, ${contacts.contact.phone}`],
        ['OPS', `${contacts.ops.name} (kierownik: ${contacts.ops.head})`],
        ['E-mail i telefon OPS', `${contacts.ops.email}, ${contacts.ops.phone}`],
      ],
    },
    {
      title: 'Powiat partnerski',
      rows: [
        ['Powiat', powiatName],
        ['PCPR', `${partner.pcpr.name} (kierownik: ${partner.pcpr.head})`],
        ['E-mail i telefon PCPR', `${partner.pcpr.email}, ${partner.pcpr.phone}`],
      ],
    },
    {
      title: 'Dane do oceny',
      rows: [
        ['Liczba mieszkańców', figure(number.format(criteria.population.value), criteria.population.year)],
        ['Liczba sołectw', figure(number.format(criteria.solectwa.value), criteria.solectwa.year)],
        [
          'Dochód na mieszkańca',
          figure(money.format(criteria.incomePerInhabitant.value), criteria.incomePerInhabitant.year),
        ],
        [
          'Osoby długotrwale korzystające z pomocy społecznej',
          figure(
            `${number.format(criteria.longTermAssistancePersons.value)} (${number.format(longTermAssistanceRatio(criteria))}% mieszkańców)`,
            criteria.longTermAssistancePersons.year,
          ),
        ],
        [
          'Rodziny korzystające z pomocy społecznej',
          figure(number.format(criteria.assistanceFamilies.value), criteria.assistanceFamilies.year),
        ],
        [
          'Osoby korzystające z pomocy społecznej',
          figure(number.format(criteria.assistancePersons.value), criteria.assistancePersons.year),
        ],
        [
          'Rodziny objęte pracą asystenta rodziny',
          figure(number.format(criteria.familiesWithAssistant.value), criteria.familiesWithAssistant.year),
        ],
      ],
    },
    {
      title: 'Infrastruktura społeczna',
      rows: [
        [
          'Instytucje w gminie',
          infrastructure.items.map((item) => INFRASTRUCTURE_ITEMS_PL[item]).join('; ') || '—',
        ],
        ['Inne', infrastructure.other || '—'],
      ],
    },
    {
      title: 'Motywacja i oczekiwania',
      rows: [
        ['Motywacja', motivation.motivation],
        ['Oczekiwania', motivation.expectations],
      ],
    },
    {
      title: 'Oświadczenia',
      rows: [
        ['Gotowość do zawarcia porozumienia trójstronnego', 'tak'],
        ['Udział we wszystkich kamieniach milowych', 'tak'],
        ['Zapoznanie się z informacją o przetwarzaniu danych osobowych (RODO)', 'tak'],
      ],
    },
  ];
}
