import { LANGUAGE_NAMES, LANGUAGES, useI18n } from '../lib/i18n.ts';

/**
 * Two toggle buttons, each named in its own language ("Polski", "English") and marked with `lang`, so a
 * screen reader pronounces the name right and someone who cannot read the current language finds theirs.
 */
export function LanguageSwitch() {
  const { language, t, setLanguage } = useI18n();
  return (
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
  );
}
