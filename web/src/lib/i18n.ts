import { type ComponentChildren, createContext, h } from 'preact';
import { useCallback, useContext, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Language } from '../../../shared/error-codes.ts';
import { ERROR_MESSAGES_PL } from '../../../shared/messages/errors-pl.ts';
import type { ApiErrorCode } from './api.ts';

export type { Language };

export const LANGUAGES: readonly Language[] = ['pl', 'en'];

/**
 * Each language's name in itself, for the switch ("Polski", "English"): the same whatever the current
 * language, so someone who cannot read the current one still finds theirs.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { pl: 'Polski', en: 'English' };

/** TERYT WOJ codes. Names live here, not in shared/teryt, whose full register would weigh 68 KB. */
type WojewodztwoCode =
  | '02'
  | '04'
  | '06'
  | '08'
  | '10'
  | '12'
  | '14'
  | '16'
  | '18'
  | '20'
  | '22'
  | '24'
  | '26'
  | '28'
  | '30'
  | '32';

const plPlural = new Intl.PluralRules('pl-PL');

/** Polish nouns have three count forms (1 nabór, 2–4 nabory, 5+ naborów); `other` covers fractions. */
export function plForm(n: number, forms: Record<'one' | 'few' | 'many' | 'other', string>): string {
  const rule = plPlural.select(n);
  return rule === 'one' || rule === 'few' || rule === 'many' ? forms[rule] : forms.other;
}

const wojewodztwaPl: Record<WojewodztwoCode, string> = {
  '02': 'dolnośląskie',
  '04': 'kujawsko-pomorskie',
  '06': 'lubelskie',
  '08': 'lubuskie',
  '10': 'łódzkie',
  '12': 'małopolskie',
  '14': 'mazowieckie',
  '16': 'opolskie',
  '18': 'podkarpackie',
  '20': 'podlaskie',
  '22': 'pomorskie',
  '24': 'śląskie',
  '26': 'świętokrzyskie',
  '28': 'warmińsko-mazurskie',
  '30': 'wielkopolskie',
  '32': 'zachodniopomorskie',
};

/**
 * The API's messages come from shared/messages/ so the site and the API never word an error differently.
 * Not the agreements' (12 messages): they travel with the agreement pages (agreements/errors.ts), and
 * lib/api.ts turns those codes into errors only once that module has loaded, which shows them itself.
 */
const errorsPl = {
  ...ERROR_MESSAGES_PL,
  TIMEOUT: 'Serwer nie odpowiedział w ciągu 15 sekund. Sprawdź połączenie z internetem i spróbuj ponownie.',
  NETWORK: 'Nie udało się połączyć z serwerem. Sprawdź połączenie z internetem i spróbuj ponownie.',
  BAD_RESPONSE: 'Serwer odpowiedział w nieoczekiwany sposób. Spróbuj ponownie za chwilę.',
} as Record<ApiErrorCode, string>;

/** The Polish source of every text on the site; its shape is the type every other language must fill. */
const pl = {
  /** BCP 47 tag for Intl formatting (dates, lists). */
  locale: 'pl-PL',
  serviceName: 'Kooperacja',
  pageTitle: (page: string) => `${page} — Kooperacja`,
  skipLink: 'Przejdź do treści głównej',
  header: {
    homeLink: 'Kooperacja — strona główna',
    navLabel: 'Menu główne',
    calls: 'Nabory',
    languageSwitchLabel: 'Język strony',
  },
  footer: {
    euFunding:
      'Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego.',
    operator: 'Serwis prowadzą regionalne ośrodki polityki społecznej.',
  },
  pageLoading: 'Wczytywanie strony…',
  pageLoadFailed: {
    title: 'Nie udało się wczytać strony',
    body: 'Połączenie mogło zostać przerwane albo serwis został w międzyczasie zaktualizowany. Odśwież stronę, aby spróbować ponownie.',
    reload: 'Odśwież stronę',
  },
  call: {
    loading: 'Wczytywanie naboru…',
    loadFailed: 'Nie udało się wczytać naboru',
    notFoundTitle: 'Nie znaleziono naboru',
    notFoundBody:
      'Nie ma naboru o tym adresie. Mógł zostać usunięty albo adres zawiera błąd. Sprawdź adres albo wybierz nabór z listy.',
  },
  notFound: {
    title: 'Nie znaleziono strony',
    body: 'Jeśli adres strony był wpisany ręcznie, sprawdź, czy nie ma w nim błędu. Jeśli strona była otwarta z linku, mogła zostać przeniesiona.',
    homeLink: 'Przejdź do listy naborów',
  },
  /** Follows every time shown, so nobody outside Poland (or on a mis-set laptop clock) misreads a deadline. */
  warsawTime: 'czasu polskiego',
  wojewodztwa: wojewodztwaPl,
  errors: errorsPl,
  errorReference: (requestId: string) => `Jeśli zgłaszasz ten problem, podaj identyfikator: ${requestId}`,
  retry: 'Spróbuj ponownie',
};

export type Dictionary = typeof pl;

const loaded: Partial<Record<Language, Dictionary>> = { pl };

/** Polish ships in the main bundle; other languages are fetched the first time someone picks them. */
const loaders: Record<Exclude<Language, 'pl'>, () => Promise<Dictionary>> = {
  en: () => import('./i18n-en.ts').then((module) => module.en),
};

export async function loadDictionary(language: Language): Promise<Dictionary> {
  const ready = loaded[language];
  if (ready) return ready;
  const dictionary = await loaders[language as Exclude<Language, 'pl'>]();
  loaded[language] = dictionary;
  return dictionary;
}

/**
 * Texts that only some pages show (the karta zgłoszeniowa and its pages) live in a part of their own, which
 * travels with those pages' code: the list of calls does not download the form's labels. A part is typed
 * like the main dictionary (Polish is the source; other languages must fill its type) and is loaded before
 * its pages render and before a language switch takes effect, so no text is ever missing or mixed.
 */
export interface DictionaryPart<T> {
  /** The part in the current language (a hook: call it in components). */
  use(): T;
  /** Fetches the part for the current language; the route loader waits for it. */
  load(): Promise<void>;
}

const partLoaders: ((language: Language) => Promise<void>)[] = [];
/** The language shown now, for route loaders, which run outside components. */
let shownLanguage: Language = 'pl';

/**
 * Every part in `language`, including parts whose code arrives while these load (a page's chunk fetched
 * in the background during a switch), so no part is left showing the old language.
 */
async function loadParts(language: Language): Promise<void> {
  let loaded = 0;
  while (loaded < partLoaders.length) {
    const pending = partLoaders.slice(loaded);
    loaded = partLoaders.length;
    await Promise.all(pending.map((load) => load(language)));
  }
}

export function dictionaryPart<T>(
  source: T,
  others: Record<Exclude<Language, 'pl'>, () => Promise<T>>,
): DictionaryPart<T> {
  const parts: Partial<Record<Language, T>> = { pl: source };
  const load = async (language: Language) => {
    if (!parts[language]) parts[language] = await others[language as Exclude<Language, 'pl'>]();
  };
  partLoaders.push(load);
  return {
    use: () => parts[useContext(I18nContext).language] ?? source,
    load: () => load(shownLanguage),
  };
}

/** The name of a voivodeship, or its code if the API ever sends one this build does not know. */
export function wojewodztwoName(t: Dictionary, code: string): string {
  return (t.wojewodztwa as Record<string, string | undefined>)[code] ?? code;
}

const STORAGE_KEY = 'kooperacja.language';

function isLanguage(value: unknown): value is Language {
  return value === 'pl' || value === 'en';
}

/** The saved choice, else Polish. localStorage throws in some locked-down browsers; Polish is then fine. */
export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage blocked: fall through to the default.
  }
  return 'pl';
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked: the choice lasts until the page is reloaded.
  }
}

export interface LanguageState {
  language: Language;
  t: Dictionary;
}

/**
 * The saved language with its dictionary, ready before the first render so a saved English choice never
 * flashes as Polish. If English cannot be fetched (offline, or a deploy removed the chunk), Polish it is.
 */
export async function startingLanguage(): Promise<LanguageState> {
  const language = initialLanguage();
  try {
    return { language, t: await loadDictionary(language) };
  } catch (error) {
    console.error(error);
    return { language: 'pl', t: pl };
  }
}

interface I18n extends LanguageState {
  setLanguage: (language: Language) => void;
  /** A language whose texts did not arrive when it was chosen. */
  failed?: Language | undefined;
}

const I18nContext = createContext<I18n>({ language: 'pl', t: pl, setLanguage: () => {} });

export function LanguageProvider(props: { initial: LanguageState; children?: ComponentChildren }) {
  const [current, setCurrent] = useState(props.initial);
  // Two quick clicks (English, then Polski while English downloads) must end in the last one chosen.
  const requested = useRef(props.initial.language);

  const [failed, setFailed] = useState<Language>();
  const setLanguage = useCallback((language: Language) => {
    requested.current = language;
    setFailed(undefined);
    Promise.all([loadDictionary(language), loadParts(language)]).then(
      ([t]) => {
        if (requested.current !== language) return;
        saveLanguage(language);
        setCurrent({ language, t });
      },
      (error: unknown) => {
        console.error(error);
        // Texts that did not arrive: pressing again would fail again (the browser remembers the failed
        // import), so the switch offers a reload in the chosen language. Not done unasked: the page may
        // hold what was typed and not yet sent.
        if (requested.current === language) setFailed(language);
      },
    );
  }, []);

  // <html lang> tells screen readers which voice to use. Set in the same commit as the new texts, so no
  // English sentence is read with a Polish voice or the other way round.
  useLayoutEffect(() => {
    document.documentElement.lang = current.language;
  }, [current.language]);
  // Set while rendering, so a page whose code starts loading in this render fetches texts in this language.
  shownLanguage = current.language;

  const value = useMemo(() => ({ ...current, setLanguage, failed }), [current, setLanguage, failed]);
  return h(I18nContext.Provider, { value }, props.children);
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
