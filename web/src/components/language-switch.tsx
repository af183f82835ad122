import type { Language } from '../../../shared/error-codes.ts';
import { LANGUAGE_NAMES, LANGUAGES, saveLanguage, useI18n } from '../lib/i18n.ts';

/** Said in the language chosen (its texts are what did not arrive), for whoever cannot read the other. */
const SWITCH_FAILED: Readonly<Record<Language, [message: string, reload: string]>> = {
  pl: ['Nie udało się przełączyć języka.', 'Odśwież stronę'],
  en: ['The language could not be switched.', 'Reload the page'],
};

/**
 * Two toggle buttons, each named in its own language ("Polski", "English") and marked with `lang`, so a
 * screen reader pronounces the name right and someone who cannot read the current language finds theirs.
 */
export function LanguageSwitch() {
  const { language, t, setLanguage, failed } = useI18n();
  const [message, reload] = failed ? SWITCH_FAILED[failed] : [];
  return (
    <>
      <fieldset class="language-switch">
        <legend class="visually-hidden">{t.header.languageSwitchLabel}</legend>
        {LANGUAGES.map((option) => (
          <button
            key={option}
            type="button"
            class="language-switch__button"
            lang={option}
            aria-pressed={option === language}
            onClick={() => setLanguage(option)}
          >
            {LANGUAGE_NAMES[option]}
          </button>
        ))}
      </fieldset>
      {/* The browser remembers the failed download until the page is loaded again. (An alert is read out
          when it appears, text and all.) */}
      {failed ? (
        <p class="language-switch__failed" role="alert" lang={failed}>
          {message}{' '}
          <button
            type="button"
            class="language-switch__reload"
            onClick={() => {
              saveLanguage(failed);
              location.reload();
            }}
          >
            {reload}
          </button>
        </p>
      ) : null}
    </>
  );
}
