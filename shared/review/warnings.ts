/**
 * What a reviewer should look at twice, shown beside the card and never blocking: the same tax or
 * statistical number on another card of the call, a postal code from another part of Poland, figures
 * unlike a rural gmina's.
 */
export interface ReviewWarning {
  code: 'same_nip' | 'same_regon' | 'postal_code_region' | 'implausible_figure';
  message: string;
}

/** Voivodeships a postal district (the code's first digit) reaches into; districts do not follow borders. */
const POSTAL_DISTRICT_REGIONS: Record<string, readonly string[]> = {
  '0': ['14', '06', '10', '20'],
  '1': ['28', '20', '14'],
  '2': ['06', '26', '14', '18'],
  '3': ['12', '18', '24', '26'],
  '4': ['24', '16', '12', '10'],
  '5': ['02', '08', '16'],
  '6': ['30', '08', '32', '04'],
  '7': ['32', '22', '08', '30'],
  '8': ['22', '28', '04', '30'],
  '9': ['10', '14'],
};

export interface CardIdentity {
  teryt: string;
  gminaName: string;
  nip: string;
  regon: string;
}

export function reviewWarnings(
  card: CardIdentity & {
    wojewodztwo: string;
    postalCode: string;
    figures: { population: number; incomePerInhabitant: number; solectwa: number };
  },
  others: readonly CardIdentity[],
): ReviewWarning[] {
  const warnings: ReviewWarning[] = [];
  for (const other of others) {
    if (other.teryt === card.teryt) continue;
    if (other.nip === card.nip) {
      warnings.push({
        code: 'same_nip',
        message: `Ten sam NIP podała gmina ${other.gminaName} (${other.teryt}).`,
      });
    }
    if (other.regon === card.regon) {
      warnings.push({
        code: 'same_regon',
        message: `Ten sam REGON podała gmina ${other.gminaName} (${other.teryt}).`,
      });
    }
  }
  const regions = POSTAL_DISTRICT_REGIONS[card.postalCode.charAt(0)];
  if (regions && !regions.includes(card.wojewodztwo)) {
    warnings.push({
      code: 'postal_code_region',
      message: `Kod pocztowy ${card.postalCode} należy do okręgu pocztowego poza województwem gminy.`,
    });
  }
  const { population, incomePerInhabitant, solectwa } = card.figures;
  // Rural gminas range from about 1,300 to 30,000 people, with one sołectwo per few hundred inhabitants.
  if (population > 60_000) {
    warnings.push({
      code: 'implausible_figure',
      message: `Liczba mieszkańców ${population} jest nietypowa dla gminy wiejskiej.`,
    });
  }
  if (solectwa > 0 && population / solectwa < 50) {
    warnings.push({
      code: 'implausible_figure',
      message: 'Mniej niż 50 mieszkańców na sołectwo: sprawdź liczbę mieszkańców i sołectw.',
    });
  }
  if (incomePerInhabitant < 1_000 || incomePerInhabitant > 20_000) {
    warnings.push({
      code: 'implausible_figure',
      message: `Dochód na mieszkańca ${incomePerInhabitant} zł jest daleki od typowego (zwykle 2–10 tys. zł rocznie).`,
    });
  }
  return warnings;
}
