import { dictionaryPart, plForm } from '../lib/i18n.ts';

/**
 * The texts of a call's management screen (/admin/nabory/<call>): a part of their own, loaded with the
 * panel. Polish is the source; call-life-texts-en.ts fills the same type.
 */
const addresses = (n: number) => plForm(n, { one: 'adres', few: 'adresy', many: 'adresów', other: 'adresu' });

const wallClock = (what: string, example: string) => ({
  required: `Podaj datę i godzinę ${what}.`,
  closes_before_opening: 'Koniec naboru musi być późniejszy niż jego początek.',
  closes_in_past: 'Ten termin już minął. Podaj termin w przyszłości.',
  not_later: 'Nowy termin musi być późniejszy niż obecny koniec naboru.',
  not_in_warsaw: 'Tej godziny nie ma w tym dniu: w nocy zmiany czasu zegary przeskakują z 2:00 na 3:00.',
  _: `Podaj prawdziwą datę i godzinę ${what}, np. ${example}.`,
});

const pl = {
  title: 'Zarządzanie naborem',
  manage: 'Zarządzaj naborem (terminy, odwołanie)',
  backToList: 'Wróć do listy kart',
  callPage: 'Strona naboru dla gmin',
  facts: 'Informacje o naborze',
  status: 'Stan',
  statuses: {
    upcoming: 'jeszcze się nie rozpoczął',
    open: 'trwa',
    closed: 'zakończony',
    cancelled: 'odwołany',
  },
  opensAt: 'Początek (czas polski)',
  closesAt: 'Koniec (czas polski)',
  wojewodztwa: 'Województwa',
  gminaKinds: 'Rodzaje gmin',
  cancelledReason: 'Powód odwołania',
  overlapsTitle: 'Uwaga: w tym samym czasie trwa inny nabór',
  overlapsIntro:
    'Te nabory tego samego programu obejmują te same województwa i rodzaje gmin w pokrywającym się czasie. To może być zamierzone (druga runda), ale sprawdź, czy to nie pomyłka.',
  overlap: (title: string, from: string, to: string) => `${title} (${from} – ${to})`,
  conflict:
    'Ktoś inny zmienił ten nabór w międzyczasie albo zmienił się jego stan. Wczytaj go ponownie i spróbuj jeszcze raz.',
  reload: 'Wczytaj ponownie',
  failed: 'Nie udało się zapisać',
  errorSummary: 'Popraw błędy w formularzu',
  sending: 'Zapisywanie…',
  edit: {
    title: 'Zmień nabór przed jego rozpoczęciem',
    intro:
      'Do chwili rozpoczęcia naboru możesz zmienić jego tytuł, terminy, województwa, rodzaje gmin i zasady.',
    callTitle: 'Tytuł naboru',
    opensAt: 'Początek naboru',
    closesAt: 'Koniec naboru',
    dateHint: 'Czas polski, np. 31.12.2026 i 23:59.',
    rules: 'Zasady naboru',
    submit: 'Zapisz zmiany',
    saved: 'Zapisano zmiany naboru.',
  },
  extend: {
    title: 'Przedłuż nabór',
    intro:
      'Nowy termin musi być późniejszy niż obecny. Każda gmina z zapisanym szkicem lub wysłaną kartą dostanie e-mail z nowym terminem i powodem.',
    closesAt: 'Nowy koniec naboru',
    reason: 'Powód przedłużenia',
    reasonHint: 'Gminy zobaczą go w e-mailu.',
    submit: 'Przedłuż nabór',
    saved: (n: number) =>
      n === 0
        ? 'Nabór przedłużony. Żadna gmina nie miała jeszcze szkicu ani karty, więc nikt nie dostał e-maila.'
        : `Nabór przedłużony. Wysłaliśmy e-mail z nowym terminem na ${n} ${addresses(n)}.`,
  },
  cancel: {
    title: 'Odwołaj nabór',
    intro:
      'Odwołanego naboru nie można przywrócić. Gminy nie będą mogły wysyłać kart, a każda z zapisanym szkicem lub wysłaną kartą dostanie e-mail z powodem.',
    reason: 'Powód odwołania',
    reasonHint: 'Gminy zobaczą go na stronie naboru i w e-mailu.',
    confirm: 'Rozumiem, że odwołania naboru nie można cofnąć',
    submit: 'Odwołaj nabór',
    saved: (n: number) => `Nabór odwołany. Wysłaliśmy e-mail z powodem na ${n} ${addresses(n)}.`,
  },
  invite: {
    title: 'Zaproszenia gmin',
    intro:
      'Nabór, do którego zaprosisz gminy, przyjmuje karty tylko od zaproszonych. Każdy urząd dostanie e-mail z odnośnikiem do naboru na swój adres z rejestru urzędów gmin albo na adres, który wpiszesz.',
    invited: 'Zaproszone gminy',
    none: 'Nikt nie został jeszcze zaproszony: nabór jest otwarty dla wszystkich gmin, których dotyczy.',
    gmina: 'Gmina',
    teryt: 'Kod TERYT',
    email: 'Adres e-mail urzędu',
    invitedAt: 'Zaproszono (czas polski)',
    row: (n: number) => `Gmina ${n}`,
    gminaField: 'Gmina: kod TERYT (7 cyfr) albo nazwa',
    emailField: 'Adres e-mail urzędu gminy',
    emailHint: 'Puste pole: adres urzędu z rejestru urzędów gmin. Wpisz adres, aby wysłać na inny.',
    emailFromDirectory: (address: string) =>
      `Adres z rejestru urzędów gmin: ${address}. Zostaw pole puste, aby wysłać na ten adres, albo wpisz inny.`,
    emailNotInDirectory: 'Rejestr urzędów gmin nie ma adresu tej gminy: wpisz adres e-mail urzędu.',
    addRow: 'Dodaj kolejną gminę',
    submit: 'Wyślij zaproszenia',
    saved: (n: number) =>
      `Wysłaliśmy ${n} ${plForm(n, { one: 'zaproszenie', few: 'zaproszenia', many: 'zaproszeń', other: 'zaproszenia' })}.`,
  },
  files: {
    title: 'Załączniki do zasad naboru',
    none: 'Nabór nie ma jeszcze załączników.',
    list: 'Lista załączników',
    name: 'Plik',
    size: 'Rozmiar',
    addedAt: 'Dodano (czas polski)',
    actions: 'Działania',
    remove: (name: string) => `Usuń ${name}`,
    removeShort: 'Usuń',
    removed: (name: string) => `Usunięto załącznik ${name}.`,
    file: 'Plik do dodania',
    fileHint: 'PDF, DOCX albo ODT, najwyżej 10 MB. Gminy zobaczą go na stronie naboru.',
    submit: 'Dodaj załącznik',
    saved: (name: string) => `Dodano załącznik ${name}.`,
    sizeOf: (bytes: number) =>
      bytes >= 1024 * 1024
        ? `${(bytes / 1024 / 1024).toLocaleString('pl-PL', { maximumFractionDigits: 1 })} MB`
        : `${Math.max(1, Math.round(bytes / 1024))} kB`,
  },
  history: 'Historia zmian',
  noHistory: 'Nabór nie był jeszcze zmieniany.',
  historyAt: 'Kiedy (czas polski)',
  historyWho: 'Kto',
  historyWhat: 'Co',
  events: {
    'call-edited': 'zmiana naboru',
    'call-extended': 'przedłużenie',
    'call-cancelled': 'odwołanie',
    'call-invitations': 'zaproszenia',
    'call-attachment-added': 'dodany załącznik',
    'call-attachment-removed': 'usunięty załącznik',
  } as Record<string, string>,
  errors: {
    title: {
      required: 'Wpisz tytuł naboru.',
      too_long: 'Tytuł naboru może mieć najwyżej 300 znaków.',
      _: 'Tytuł musi mieścić się w jednym wierszu i nie może zawierać znaków sterujących.',
    },
    wojewodztwa: {
      forbidden: 'Możesz wybrać tylko swoje województwa.',
      not_in_programme: 'Zaznacz tylko województwa, w których działa program.',
      invited_outside: 'Zaproszone gminy są w województwie, które chcesz odznaczyć.',
      _: 'Zaznacz co najmniej jedno województwo.',
    },
    gminaKinds: { _: 'Zaznacz co najmniej jeden rodzaj gminy.' },
    opensAt: wallClock('początku naboru', '1.12.2026 i 08:00'),
    closesAt: wallClock('końca naboru', '31.12.2026 i 23:59'),
    rules: {
      too_long: 'Zasady naboru mogą mieć najwyżej 10 000 znaków.',
      _: 'Zasady zawierają niedozwolone znaki. Wpisz je ponownie zamiast wklejać.',
    },
    reason: {
      required: 'Wpisz powód.',
      too_long: 'Powód może mieć najwyżej 2000 znaków.',
      _: 'Powód zawiera niedozwolone znaki. Wpisz go ponownie zamiast wklejać.',
    },
    gmina: {
      required: 'Podaj kod TERYT albo nazwę gminy.',
      not_found: 'Nie ma gminy o takiej nazwie wśród gmin, których dotyczy nabór. Podaj jej kod TERYT.',
      ambiguous: 'Jest kilka gmin o tej nazwie. Podaj kod TERYT (7 cyfr).',
      teryt: 'Kod TERYT gminy ma 7 cyfr, np. 2601022.',
      wrong_kind: 'Nabór nie dotyczy gmin tego rodzaju.',
      wrong_wojewodztwo: 'Ta gmina jest w województwie, którego nabór nie obejmuje.',
      unknown_gmina: 'Nie ma gminy o takim kodzie TERYT.',
      already_invited: 'Ta gmina jest już zaproszona.',
      duplicate: 'Każdą gminę podaj tylko raz.',
      forbidden: 'Możesz zapraszać tylko gminy swoich województw.',
      _: 'Sprawdź gminę.',
    },
    email: {
      required: 'Podaj adres e-mail urzędu gminy.',
      no_office_address:
        'Rejestr urzędów gmin nie ma adresu tej gminy. Wpisz adres e-mail urzędu albo uzupełnij rejestr (Urzędy gmin).',
      too_long: 'Adres e-mail może mieć najwyżej 254 znaki.',
      _: 'Wpisz adres e-mail w formacie nazwa@domena.pl.',
    },
    file: {
      required: 'Wybierz plik.',
      attachment_type: 'Plik musi być w formacie PDF, DOCX albo ODT.',
      attachment_too_large: 'Plik może mieć najwyżej 10 MB.',
      attachment_missing: 'Plik nie dotarł w całości. Dodaj go ponownie.',
      too_many: 'Nabór może mieć najwyżej 10 załączników.',
      already_attached: 'Ten plik jest już załączony.',
      _: 'Nie udało się dodać pliku. Spróbuj ponownie.',
    },
    confirm: { _: 'Potwierdź, że rozumiesz, że odwołania nie można cofnąć.' },
    _: { _: 'Sprawdź wartość tego pola.' },
  } as Record<string, Record<string, string>>,
};

export type CallLifeTexts = typeof pl;

export const callLifeTexts = dictionaryPart<CallLifeTexts>(pl, {
  en: () => import('./call-life-texts-en.ts').then((module) => module.en),
});

export const useCallLifeTexts = callLifeTexts.use;
