/**
 * The upload page's texts, Polish only: the link goes to Polish offices and the page is reached only from a
 * Polish e-mail. Kept out of lib/i18n.ts, whose dictionary is in every page's first download.
 */
export const texts = {
  title: 'Przesłanie dokumentu',
  loading: 'Wczytywanie…',
  loadFailed: 'Nie udało się wczytać strony',
  noLink:
    'Otwórz tę stronę odnośnikiem z wiadomości e-mail z przypomnieniem o terminie. Każda osoba dostaje własny odnośnik.',
  deadTitle: 'Odnośnik jest nieprawidłowy albo wygasł',
  deadBody:
    'Ten odnośnik nie działa. Użyj odnośnika z najnowszej wiadomości z przypomnieniem albo odpowiedz na nią — trafi do koordynatora ROPS.',
  deadline: 'Termin',
  document: 'Dokument',
  due: 'Do kiedy',
  linkFor: 'Odnośnik dla',
  file: 'Plik',
  receivedAt: 'Przyjęto',
  sha256: 'Skrót SHA-256',
  alreadyTitle: 'Przesłany dokument',
  deliveredTitle: 'Dokument przesłany',
  replacedTitle: 'Dokument zastąpiony',
  deliveredBody:
    'Dokument został przyjęty. Zachowaj skrót SHA-256: potwierdza, który plik przesłano. Przypomnienia o tym terminie nie będą już przychodzić.',
  sendHeading: 'Prześlij dokument',
  sendIntro: 'Wybierz plik PDF z dokumentem. Do terminu możesz go zastąpić nowszą wersją.',
  replaceHeading: 'Zastąp dokument',
  replaceIntro:
    'Możesz przesłać nowszą wersję do terminu. Koordynator zobaczy ostatnią przesłaną; poprzednia zostaje w archiwum.',
  fileLabel: 'Plik PDF',
  fileHint: 'Tylko PDF, najwyżej 10 MB.',
  submit: 'Prześlij dokument',
  replaceSubmit: 'Zastąp dokument',
  progressLabel: 'Postęp wysyłania',
  progress: (percent: number, total: string) => `Wysyłanie pliku (${total}): ${percent}%`,
  fileRequired: 'Wybierz plik PDF z dokumentem.',
  errorsByKey: {
    not_pdf: 'Wybrany plik nie jest plikiem PDF. Zapisz dokument jako PDF i wybierz go ponownie.',
    too_large:
      'Plik jest większy niż 10 MB. Zmniejsz go (np. zapisz skany w niższej rozdzielczości) i wybierz ponownie.',
    missing: 'Plik jest pusty albo nie dotarł w całości. Wybierz go i wyślij ponownie.',
  },
  failed: 'Nie udało się przesłać dokumentu',
  replacedMeanwhile:
    'Dokument został w międzyczasie zastąpiony (np. w innej karcie przeglądarki). Odśwież stronę, aby zobaczyć, co jest zapisane.',
  closed:
    'Termin minął: dokumentu nie można już przesłać ani zastąpić. W razie pytań skontaktuj się z koordynatorem ROPS.',
  closedDelivered: 'Termin minął: przesłany dokument jest ostateczny.',
  cancelled:
    'Koordynator ROPS odwołał ten termin: dokumentu nie trzeba już przesyłać. W razie pytań skontaktuj się z nim.',
  errorSummary: 'Wystąpił problem',
  errorPrefix: 'Błąd:',
};
