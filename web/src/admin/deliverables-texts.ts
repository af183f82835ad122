import { dictionaryPart, plForm } from '../lib/i18n.ts';

/**
 * The texts of deadlines that ask for a document (/admin/przypomnienia/dokumenty, and the field of the new
 * deadline's form): a part of their own beside reminders-texts.ts. Polish is the source.
 */
const pl = {
  title: 'Dokumenty od gmin',
  intro:
    'Terminy, do których każda osoba z listy przesyła dokument (PDF do 10 MB) przez swój odnośnik z przypomnienia. Przypomnienia dostają tylko ci, którzy jeszcze go nie przesłali.',
  link: 'Dokumenty przesyłane przez gminy',
  backToReminders: 'Wróć do przypomnień',
  none: 'W tym województwie nie ma terminów z prośbą o dokument. Dodaj termin i podaj nazwę dokumentu.',
  document: 'Dokument',
  dueAt: 'Termin (czas polski)',
  count: (delivered: number, all: number) =>
    `Przesłało ${delivered} z ${all} ${plForm(all, { one: 'adresu', few: 'adresów', many: 'adresów', other: 'adresu' })}`,
  party: 'Adres',
  state: 'Stan',
  file: 'Plik i skrót SHA-256',
  delivered: (when: string) => `przesłany ${when}`,
  waiting: 'nie przesłano',
  download: (name: string) => `Pobierz ${name}`,
  roles: { gmina: 'gmina', ops: 'OPS', pcpr: 'PCPR', coordinator: 'koordynator' } as Record<string, string>,
  field: 'Dokument, o który prosisz (opcjonalnie)',
  fieldHint:
    'Na przykład „Sprawozdanie z KM I”. Każdy odbiorca dostanie w przypomnieniu własny odnośnik do przesłania PDF (do 10 MB); kto prześle, nie dostaje kolejnych przypomnień.',
  fieldErrors: {
    too_long: 'Nazwa dokumentu może mieć najwyżej 200 znaków.',
    control_characters: 'Nazwa dokumentu nie może zawierać znaków sterujących.',
    _: 'Sprawdź nazwę dokumentu.',
  } as Record<string, string>,
};

export type DeliverablesTexts = typeof pl;

export const deliverablesTexts = dictionaryPart<DeliverablesTexts>(pl, {
  en: () => import('./deliverables-texts-en.ts').then((module) => module.en),
});

export const useDeliverablesTexts = deliverablesTexts.use;
