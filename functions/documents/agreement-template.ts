import { nestedInQuotes } from '../../shared/quotes.ts';
import type { AgreementKind, PartyRole } from '../../shared/schemas/agreements.ts';
import type { TMilestone } from '../../shared/schemas/programme.ts';

/**
 * The porozumienie's Polish template, versioned: an agreement records the version it was filled from, and
 * a later wording is a new version, never a change to this one. The filled-in text is plain text: the first
 * line is the title, a line starting with "§" a heading, an empty line ends a paragraph. The coordinator may
 * edit it before sending; rendering (HTML and PDF) reads only these rules.
 */
export const AGREEMENT_TEMPLATE_VERSION = 'porozumienie-2026-1';

export interface PartyFacts {
  role: PartyRole;
  /** "Gmina Łopuszno", "Powiat kielecki", "Województwo Świętokrzyskie". */
  name: string;
  address: string;
  /** Who acts for the party, as it will stand in the text. */
  representative: string;
  /** The institution that carries the project for the party (OPS, PCPR, ROPS). */
  institution: string;
}

export interface AgreementFacts {
  kind: AgreementKind;
  programmeName: string;
  callTitle: string;
  programmeStartsOn: string;
  programmeEndsOn: string;
  milestones: readonly TMilestone[];
  parties: readonly PartyFacts[];
  /** Where it is made: the ROPS's city. */
  place: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** "2019-05-20" → "20.05.2019". */
export function polishDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

const SHORT_NAME: Record<PartyRole, string> = {
  gmina: 'Gminą',
  powiat: 'Powiatem',
  wojewodztwo: 'Województwem',
};

const REPRESENTED: Record<PartyRole, string> = {
  gmina: 'reprezentowana',
  powiat: 'reprezentowany',
  wojewodztwo: 'reprezentowane',
};

const OBLIGATIONS: Record<PartyRole, readonly string[]> = {
  wojewodztwo: [
    'koordynowania realizacji projektu na terenie województwa i zapewnienia wsparcia merytorycznego (szkolenia, doradztwo, wizyty studyjne),',
    'udostępnienia materiałów i narzędzi wypracowanych w projekcie oraz bieżącego informowania pozostałych Stron o jego przebiegu,',
    'pokrycia kosztów działań realizowanych w ramach projektu zgodnie z jego budżetem.',
  ],
  gmina: [
    'wyznaczenia osoby do kontaktu i udziału jej przedstawicieli (w tym ośrodka pomocy społecznej) w działaniach projektu na każdym kamieniu milowym,',
    'powołania i prowadzenia lokalnego zespołu kooperacyjnego z udziałem instytucji pomocy i integracji społecznej oraz innych polityk sektorowych,',
    'przekazywania danych i informacji niezbędnych do monitorowania i ewaluacji projektu, w terminach wskazanych przez Województwo.',
  ],
  powiat: [
    'udziału przedstawicieli powiatowego centrum pomocy rodzinie w pracach zespołu kooperacyjnego gminy,',
    'współpracy z Gminą przy testowaniu modelu kooperacji w zakresie zadań powiatu,',
    'przekazywania informacji niezbędnych do monitorowania i ewaluacji projektu.',
  ],
};

/** The filled-in text of a new agreement. */
export function fillAgreementTemplate(facts: AgreementFacts): string {
  const parties = facts.parties;
  const partyBlocks = parties.map(
    (party, index) =>
      `${index + 1}) ${party.name}, ${party.address}, ${REPRESENTED[party.role]} przez: ${party.representative},`,
  );
  const between = parties.map((party) => SHORT_NAME[party.role]).join(parties.length > 2 ? ', ' : ' a ');
  const milestoneLines = facts.milestones.map(
    (milestone) =>
      `${ROMAN[milestone.number - 1] ?? milestone.number}. Kamień milowy ${ROMAN[milestone.number - 1] ?? milestone.number} – ${milestone.name}: od ${polishDate(milestone.startsOn)} do ${polishDate(milestone.endsOn)}.`,
  );
  const obligations = parties.map((party, index) =>
    [
      `${index + 1}. ${party.name} zobowiązuje się do:`,
      ...(OBLIGATIONS[party.role] ?? []).map((line, item) => `${String.fromCharCode(97 + item)}) ${line}`),
    ].join('\n'),
  );
  const lines = [
    `POROZUMIENIE O WSPÓŁPRACY W RAMACH PROJEKTU „${facts.programmeName.toUpperCase()}”`,
    '',
    `zawarte w ${facts.place} pomiędzy następującymi Stronami:`,
    '',
    partyBlocks.join('\n'),
    '',
    'zwanymi dalej łącznie „Stronami”, a każda z osobna „Stroną”.',
    '',
    '§ 1. Przedmiot porozumienia',
    '',
    `1. Przedmiotem porozumienia jest określenie zasad współpracy ${between} przy realizacji projektu „${facts.programmeName}” (nabór: „${nestedInQuotes(facts.callTitle)}”), w szczególności przy wypracowaniu, testowaniu i upowszechnianiu modelu kooperacji instytucji pomocy i integracji społecznej z podmiotami innych polityk sektorowych.`,
    `2. Porozumienie obowiązuje od dnia jego podpisania przez ostatnią ze Stron do dnia ${polishDate(facts.programmeEndsOn)}.`,
    '',
    '§ 2. Harmonogram (kamienie milowe)',
    '',
    `Projekt realizowany jest w okresie od ${polishDate(facts.programmeStartsOn)} do ${polishDate(facts.programmeEndsOn)}, w następujących etapach:`,
    milestoneLines.join('\n'),
    '',
    '§ 3. Zobowiązania Stron',
    '',
    obligations.join('\n'),
    '',
    '§ 4. Realizatorzy',
    '',
    'Strony wskazują jednostki, które w ich imieniu realizują projekt:',
    parties.map((party, index) => `${index + 1}. ${party.name}: ${party.institution}.`).join('\n'),
    '',
    '§ 5. Postanowienia końcowe',
    '',
    '1. Porozumienie nie rodzi zobowiązań finansowych Gminy ani Powiatu wobec Województwa.',
    '2. Zmiany porozumienia wymagają formy pisemnej lub elektronicznej pod rygorem nieważności.',
    '3. W sprawach nieuregulowanych porozumieniem stosuje się przepisy Kodeksu cywilnego.',
    `4. Porozumienie sporządzono w formie elektronicznej i podpisano przez każdą ze Stron (${parties.length}); każda Strona otrzymuje jego egzemplarz z dowodem podpisania.`,
  ];
  return lines.join('\n');
}

export type TextBlock = { kind: 'title' | 'heading' | 'paragraph'; text: string };

/** The text's blocks, as both renderings read them: the title, § headings and paragraphs (lines kept). */
export function agreementBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  for (const [index, raw] of paragraphs.entries()) {
    const chunk = raw.trim();
    if (!chunk) continue;
    if (index === 0 && blocks.length === 0) blocks.push({ kind: 'title', text: chunk });
    else if (chunk.startsWith('§') && !chunk.includes('\n')) blocks.push({ kind: 'heading', text: chunk });
    else blocks.push({ kind: 'paragraph', text: chunk });
  }
  return blocks;
}
