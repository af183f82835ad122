import type {
  AgreementKind,
  AgreementStatus,
  PartyRole,
  PartyStatus,
} from '../../../shared/schemas/agreements.ts';
import { dictionaryPart, plForm } from '../lib/i18n.ts';

/**
 * The texts of the agreements' screens in the panel (agreements.tsx, agreement.tsx): a part of their own
 * beside texts.ts, fetched with the panel's code. Polish is the source; agreement-texts-en.ts fills the type.
 */
const pl = {
  listTitle: 'Porozumienia',
  listIntro: (wojewodztwo: string) =>
    `Porozumienia z gminami zakwalifikowanymi do projektu, województwo ${wojewodztwo}. Kolejność podpisów: gmina, powiat, województwo.`,
  /** The call's title comes as a node, so the page can mark its language. */
  caption: <T>(call: T) => ['Porozumienia w naborze „', call, '”'],
  cardLink: 'Porozumienie',
  backToList: 'Wróć do listy kart',
  backToAgreements: 'Wróć do listy porozumień',
  empty: 'W tym naborze i województwie nie ma jeszcze kart zakwalifikowanych do projektu ani porozumień.',
  counted: (n: number) =>
    `${n} ${plForm(n, { one: 'gmina', few: 'gminy', many: 'gmin', other: 'gminy' })} na liście.`,
  gmina: 'Gmina',
  agreementStatus: 'Porozumienie',
  parties: 'Strony i podpisy',
  action: 'Działanie',
  generate: 'Przygotuj porozumienie',
  generateFor: (gmina: string) => `Przygotuj porozumienie: ${gmina}`,
  generated: (gmina: string) =>
    `Przygotowano porozumienie z gminą ${gmina}. Sprawdź jego treść przed wysłaniem.`,
  generating: 'Przygotowywanie porozumienia…',
  kind: 'Strony porozumienia',
  kindHint:
    'Nabór ani program nie ustalają, kto podpisuje porozumienie. Wybór dotyczy porozumień przygotowywanych z tej strony.',
  kindSet: (kind: string) => `Strony porozumienia ustala nabór lub program: ${kind}.`,
  kinds: {
    'two-party': 'dwie strony: województwo i gmina',
    'three-party': 'trzy strony: województwo, powiat i gmina',
  } satisfies Record<AgreementKind, string>,
  notGenerated: 'nie przygotowano',
  statuses: {
    draft: 'projekt, nie wysłano do podpisu',
    signing: 'w trakcie podpisywania',
    declined: 'odmowa podpisu',
    completed: 'podpisane przez wszystkie strony',
    cancelled: 'anulowane',
  } satisfies Record<AgreementStatus, string>,
  turnOf: (party: string) => `kolej: ${party}`,
  partyStatuses: {
    waiting: 'czeka na swoją kolej',
    pending: 'jej kolej, odnośnik wysłany',
    uploaded: 'przesłała plik z podpisem, czeka na potwierdzenie',
    signed: 'podpisała',
    declined: 'odmówiła podpisu',
  } satisfies Record<PartyStatus, string>,
  draftParty: 'nie wysłano',
  overdue: 'po terminie',
  roles: { gmina: 'Gmina', powiat: 'Powiat', wojewodztwo: 'Województwo' } satisfies Record<PartyRole, string>,
  methods: {
    online: 'podpis na platformie',
    'qualified-upload': 'plik z podpisem kwalifikowanym lub zaufanym',
    paper: 'podpis na papierze',
  } as Record<string, string>,
  // One agreement
  title: (gmina: string) => `Porozumienie z gminą ${gmina}`,
  titleLoading: 'Porozumienie',
  contents: 'Na tej stronie',
  facts: 'Porozumienie',
  id: 'Numer porozumienia',
  status: 'Stan',
  template: 'Wzór',
  textVersion: 'Wersja treści',
  deadline: 'Termin podpisania',
  documentSha: 'SHA-256 dokumentu do podpisu',
  finalSha: 'SHA-256 egzemplarza końcowego',
  completedAt: 'Podpisywanie zakończone',
  downloadDocument: 'Pobierz PDF do podpisu',
  downloadFinal: 'Pobierz egzemplarz końcowy (PDF z pieczęcią)',
  downloadScan: 'Pobierz skan porozumienia podpisanego na papierze',
  downloadUpload: (party: string) => `Pobierz przesłany plik z podpisem: ${party}`,
  scanSha: 'SHA-256 skanu porozumienia podpisanego na papierze',
  notFoundTitle: 'Porozumienia nie przygotowano',
  notFound:
    'Z tą gminą nie przygotowano jeszcze porozumienia. Można je przygotować z karty zakwalifikowanej do projektu.',
  forbiddenTitle: 'Brak dostępu',
  forbidden:
    'Nie masz dostępu do porozumień tego województwa. Porozumienie z gminą prowadzi koordynator województwa, w którym leży gmina.',
  toPanel: 'Przejdź do listy kart',
  // Parties
  partiesHeading: 'Strony i podpisy',
  signatory: 'Osoba podpisująca',
  noSignatory: 'jeszcze nie wskazano',
  signedAt: 'Podpisano',
  method: 'Sposób',
  declineReason: 'Powód odmowy',
  upload: 'Przesłany plik',
  uploadSigned: (signer: string | undefined) =>
    signer
      ? `Plik ma podpis elektroniczny. Podpisujący według certyfikatu: ${signer}.`
      : 'Plik ma podpis elektroniczny, ale certyfikat nie podaje nazwiska podpisującego.',
  uploadUnsigned: 'Plik nie ma podpisu elektronicznego.',
  uploadSha: 'SHA-256 przesłanego pliku',
  confirm: (party: string) => `Potwierdź podpis: ${party}`,
  confirmHint:
    'Potwierdź tylko wtedy, gdy podpisujący według certyfikatu to osoba uprawniona do podpisania porozumienia w imieniu strony.',
  confirmed: (party: string) => `Potwierdzono podpis: ${party}.`,
  resend: (party: string) => `Wyślij odnośnik ponownie: ${party}`,
  resent: (party: string) => `Wysłano nowy odnośnik: ${party}. Poprzedni przestał działać.`,
  change: (party: string) => `Zmień osobę podpisującą: ${party}`,
  changeLegend: (party: string) => `Nowa osoba podpisująca: ${party}`,
  changeHint:
    'Odnośnik wysłany poprzedniej osobie przestanie działać. Nowa osoba dostanie własny, gdy przyjdzie jej kolej.',
  changeSave: 'Zapisz osobę podpisującą',
  changed: (party: string) => `Zmieniono osobę podpisującą: ${party}.`,
  cancelForm: 'Nie zmieniaj',
  name: 'Imię i nazwisko',
  role: 'Funkcja',
  roleHint: 'Na przykład: Wójt Gminy Łopuszno.',
  email: 'Adres e-mail',
  // Sending for signing
  sendHeading: 'Wysyłka do podpisu',
  sendIntro:
    'Wskaż osobę podpisującą za każdą stronę i termin. Odnośnik do podpisu dostanie najpierw gmina, po jej podpisie powiat, a na końcu województwo.',
  partyLegend: (party: string) => `Podpisuje: ${party}`,
  deadlineLabel: 'Termin podpisania',
  deadlineHint: 'Ostatni dzień, na przykład 31.12.2026. Odnośniki działają do jego końca (czasu polskiego).',
  send: 'Wyślij do podpisu',
  sent: 'Wysłano porozumienie do podpisu. Gmina dostała odnośnik.',
  // The text
  documentHeading: 'Treść porozumienia',
  edit: 'Edytuj treść',
  textLabel: 'Treść porozumienia',
  textHint: 'Pierwszy akapit to tytuł, akapit zaczynający się od „§” to nagłówek, pusta linia kończy akapit.',
  editVoids:
    'Uwaga: porozumienie zostało już podpisane przez co najmniej jedną stronę. Zapisanie zmienionej treści unieważni złożone podpisy, a podpisywanie zacznie się od nowa od gminy.',
  editRestarts:
    'Porozumienie jest w trakcie podpisywania. Po zapisaniu zmienionej treści wysłane odnośniki przestaną działać, a gmina dostanie nowy.',
  saveText: 'Zapisz treść',
  savedText: (version: number) => `Zapisano treść, wersja ${version}.`,
  unchangedText: 'Treść się nie zmieniła.',
  // Paper
  paperHeading: 'Podpisanie na papierze',
  paperIntro:
    'Gdy porozumienie podpisano własnoręcznie, dołącz skan podpisanego egzemplarza i wpisz, kto i kiedy podpisał za każdą stronę. Porozumienie dostanie ten sam egzemplarz końcowy z pieczęcią i historią co podpisane na platformie.',
  scan: 'Skan podpisanego porozumienia',
  scanHint: 'Plik PDF, najwyżej 10 MB.',
  signedBy: 'Kto podpisał',
  signedByHint: 'Imię, nazwisko i funkcja, na przykład: Jan Kowalski, Wójt.',
  signedOn: 'Data podpisania',
  signedOnHint: 'Na przykład 30.11.2026.',
  paperSave: 'Zapisz podpisanie na papierze',
  paperSending: 'Przesyłanie skanu i zapisywanie podpisów…',
  paperSaved: 'Zapisano podpisanie na papierze. Porozumienie jest podpisane przez wszystkie strony.',
  // Cancelling
  cancelHeading: 'Anulowanie',
  cancelIntro: 'Anulowanego porozumienia nie można podpisać: wszystkie wysłane odnośniki przestaną działać.',
  cancel: 'Anuluj porozumienie',
  cancelConfirm: (gmina: string) =>
    `Czy na pewno anulować porozumienie z gminą ${gmina}? Tego nie można cofnąć.`,
  cancelYes: 'Tak, anuluj porozumienie',
  cancelNo: 'Nie anuluj',
  cancelled: 'Anulowano porozumienie. Odnośniki do podpisu przestały działać.',
  // History
  historyHeading: 'Historia',
  historyCaption: 'Zdarzenia porozumienia w kolejności czasu',
  when: 'Czas',
  what: 'Zdarzenie',
  who: 'Kto',
  ip: 'Adres IP',
  hashes: 'SHA-256 przed i po',
  before: 'przed',
  after: 'po',
  system: 'platforma',
  events: {
    generated: 'Przygotowano porozumienie',
    'text-edited': 'Zmieniono treść',
    'signatures-voided': 'Podpisy unieważnione po zmianie treści',
    'sent-for-signing': 'Wysłano do podpisu',
    'link-sent': 'Wysłano odnośnik do podpisu',
    'link-resent': 'Wysłano nowy odnośnik',
    'signatory-changed': 'Zmieniono osobę podpisującą',
    signed: 'Podpisano',
    declined: 'Odmowa podpisu',
    'signed-upload': 'Przesłano plik z podpisem kwalifikowanym',
    'upload-confirmed': 'Potwierdzono podpisany plik',
    'scan-uploaded': 'Przesłano skan porozumienia podpisanego na papierze',
    'paper-signed': 'Zapisano podpis na papierze',
    cancelled: 'Anulowano',
    completed: 'Podpisywanie zakończone, egzemplarz końcowy opieczętowany',
  } as Record<string, string>,
  // Writes
  errorSummary: 'Popraw błędy',
  saving: 'Zapisywanie…',
  saveFailed: 'Nie udało się zapisać',
  conflict:
    'W międzyczasie ktoś zmienił to porozumienie (inny koordynator albo podpis jednej ze stron). Twoja zmiana nie została zapisana. Wczytaj porozumienie ponownie, sprawdź, co się zmieniło, i powtórz zmianę.',
  stale: 'Tego nie można już zrobić z porozumieniem w obecnym stanie. Wczytaj je ponownie.',
  reload: 'Wczytaj ponownie',
  reloaded: 'Wczytano porozumienie ponownie.',
  fieldErrors: {
    required: 'To pole jest wymagane.',
    too_long: 'Tekst jest za długi.',
    email: 'Wpisz adres e-mail w formacie nazwa@domena.pl.',
    date: 'Podaj prawdziwą datę, na przykład 31.12.2026.',
    past: 'Termin podpisania nie może być w przeszłości.',
    future: 'Data podpisania nie może być w przyszłości.',
    kind_required: 'Wybierz, czy porozumienie ma dwie, czy trzy strony.',
    scan_required: 'Dołącz skan podpisanego porozumienia (PDF, najwyżej 10 MB).',
    not_pdf: 'Skan musi być plikiem PDF.',
    too_large: 'Skan jest za duży: najwyżej 10 MB.',
    upload_incomplete: 'Nie dotarły wszystkie części skanu: wybierz plik i zapisz jeszcze raz.',
    every_party_once: 'Wpisz, kto podpisał za każdą stronę.',
    invalid: 'Wpisz prawidłową wartość.',
  } as Record<string, string>,
};

export type AgreementTexts = typeof pl;

export const agreementTexts = dictionaryPart<AgreementTexts>(pl, {
  en: () => import('./agreement-texts-en.ts').then((module) => module.en),
});

export const useAgreementTexts = agreementTexts.use;
