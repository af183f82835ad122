import type { GminaKind } from '../../../shared/gmina-kinds.ts';
import { dictionaryPart, plForm } from '../lib/i18n.ts';

/*
 * The texts of the list of calls (the home page) and of a call's page, with the facts both show: a part of
 * their own, fetched with those pages' code, so the card form (opened from a link in an e-mail or a
 * bookmark as often as from a call) downloads none of it. Polish is the source; texts-en.ts must fill
 * the same type. What the form's route shows of a call (loading, not found) stays in the main dictionary.
 */

const gminaKindsPl: Record<GminaKind, string> = {
  wiejska: 'gminy wiejskie',
  'miejsko-wiejska': 'gminy miejsko-wiejskie',
  miejska: 'gminy miejskie',
};

const pl = {
  home: {
    title: 'Nabory',
    heading: 'Nabory gmin do projektów kooperacji',
    intro:
      'W tym serwisie gmina może zgłosić się do projektów współpracy prowadzonych przez regionalne ośrodki ' +
      'polityki społecznej i finansowanych ze środków Unii Europejskiej. Poniżej są nabory, do których można ' +
      'zgłosić się teraz. Wybierz nabór, aby przeczytać jego zasady i sprawdzić termin.',
    openCalls: 'Otwarte nabory',
    loading: 'Wczytywanie listy naborów…',
    found: (n: number) =>
      `Znaleziono ${n} ${plForm(n, {
        one: 'otwarty nabór',
        few: 'otwarte nabory',
        many: 'otwartych naborów',
        other: 'otwartego naboru',
      })}.`,
    empty: 'Obecnie nie ma otwartych naborów.',
    emptyHint:
      'Zajrzyj tu ponownie później albo zapytaj regionalny ośrodek polityki społecznej w swoim województwie o planowane nabory.',
    loadFailed: 'Nie udało się wczytać listy naborów',
  },
  call: {
    titleWhileLoading: 'Nabór',
    backToList: 'Wróć do listy naborów',
    rulesHeading: 'Zasady naboru',
    noRules: 'Organizator nie opublikował jeszcze zasad tego naboru.',
    closed: 'Ten nabór jest już zakończony. Nie można się do niego zgłosić.',
    startCard: 'Wypełnij kartę zgłoszeniową',
    startCardHint:
      'Kartę wypełnia się w kilku krokach. Przygotuj NIP i REGON gminy, dane osoby do kontaktu, ośrodka pomocy ' +
      'społecznej i powiatowego centrum pomocy rodzinie oraz dane o mieszkańcach i pomocy społecznej z ostatniego roku. ' +
      'Kartę można zapisać i dokończyć później.',
    notYetOpen: 'Ten nabór jeszcze się nie rozpoczął.',
    cancelled: (date: string) => `Ten nabór został odwołany ${date}. Nie można się do niego zgłosić.`,
    cancelledReason: 'Powód odwołania:',
    invitedOnly: 'Ten nabór jest tylko dla gmin zaproszonych przez organizatora.',
    invitedList: 'Zaproszone gminy:',
    invitationFor: (gmina: string) => `Zaproszenie dla gminy ${gmina}`,
    invitationHint: 'Formularz karty zgłoszeniowej otworzy się z wybraną gminą.',
    notInvited: (gmina: string) =>
      `Gmina ${gmina} nie jest zaproszona do tego naboru i nie może wysłać do niego karty zgłoszeniowej.`,
    notInvitedHint:
      'Kartę mogą wysłać tylko gminy wymienione poniżej. Jeśli Twoja gmina dostała zaproszenie, otwórz odnośnik ' +
      'z wiadomości e-mail, którą dostał urząd gminy.',
    attachmentsHeading: 'Dokumenty naboru',
    attachmentSize: (size: string, type: string) => `${type}, ${size}`,
    contactHeading: 'Kontakt w sprawie naboru',
    contactIntro: (n: number): string =>
      n === 1
        ? 'Pytania o nabór i kartę zgłoszeniową kieruj do ośrodka, który go prowadzi:'
        : 'Pytania o nabór i kartę zgłoszeniową kieruj do ośrodka województwa Twojej gminy:',
    contactAddress: 'Adres',
    contactEmail: 'E-mail',
    contactPhone: 'Telefon',
    contactHours: 'Godziny pracy',
    dataHeading: 'Dane osobowe',
    /** Said once per voivodeship of the call: its ROPS controls the data of its gminas' cards. */
    dataController: (wojewodztwo: string, controller: string) =>
      `Województwo ${wojewodztwo}: administratorem danych osobowych podanych w kartach zgłoszeniowych jest ${controller}.`,
    dataIod: (email: string, address: string) => `Inspektor ochrony danych: ${email}, ${address}.`,
  },
  facts: {
    programme: 'Program',
    wojewodztwa: (n: number): string => (n === 1 ? 'Województwo' : 'Województwa'),
    gminaKinds: 'Kto może się zgłosić',
    opensAt: 'Początek naboru',
    closesAt: 'Termin zgłoszeń',
  },
  gminaKinds: gminaKindsPl,
};

export type CallsTexts = typeof pl;

export const callsTexts = dictionaryPart<CallsTexts>(pl, {
  en: () => import('./texts-en.ts').then((module) => module.en),
});

export const useCallsTexts = callsTexts.use;
