import { useMemo, useState } from 'preact/hooks';
import { type CallRules, gminaIneligibility } from '../../../shared/eligibility.ts';
import type { Gmina } from '../../../shared/teryt/gminy.ts';
import { searchGminy } from '../../../shared/teryt/search.ts';
import { Announce } from '../components/announce.tsx';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type Dictionary, useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useRegister } from './powiat-select.tsx';
import { type CardTexts, useCardTexts } from './texts.ts';

const SHOWN = 10;

/** Why a gmina cannot apply to the call, in a sentence naming it; undefined when it can. */
export function whyIneligible(
  t: Dictionary,
  texts: CardTexts,
  call: CallRules,
  gmina: Gmina,
): string | undefined {
  const list = (items: string[]) =>
    typeof Intl.ListFormat === 'function'
      ? new Intl.ListFormat(t.locale, { type: 'disjunction' }).format(items)
      : items.join(` ${texts.picker.or} `);
  switch (gminaIneligibility(call, gmina)) {
    case 'wrong_wojewodztwo':
      return texts.picker.wrongWojewodztwo(
        gmina.name,
        wojewodztwoName(t, gmina.wojewodztwoCode),
        list(call.wojewodztwa.map((code) => texts.picker.wojewodztwoGenitive(wojewodztwoName(t, code)))),
      );
    case 'wrong_kind':
      return texts.picker.wrongKind(
        gmina.name,
        texts.kindNames[gmina.kind],
        list(call.gminaKinds.map((kind) => texts.kindsFor[kind])),
      );
    default:
      return undefined;
  }
}

/**
 * What the found-count announcement adds when results cannot be chosen: a keyboard never reaches a
 * disabled result, so its reason is said here — the reason itself when there is one result, else how many.
 */
function unavailableNote(
  found: readonly Gmina[],
  why: (gmina: Gmina) => string | undefined,
  texts: CardTexts,
): string {
  const reasons = found.map(why).filter((reason) => reason !== undefined);
  if (reasons.length === 0) return '';
  return found.length === 1 ? (reasons[0] as string) : texts.picker.unavailable(reasons.length);
}

/**
 * Choosing the gmina: a text input and, below it, the matching gminas as radio buttons. That is plainer
 * than an ARIA combobox and works the same with every screen reader: type, Tab (or Enter, or ↓) into the
 * results, arrows to move, Space to choose. Each result says its powiat, voivodeship and kind; a gmina the
 * call is not for is listed but cannot be chosen, and says why. The chosen gmina stays in the list while
 * the clerk types something else, so the choice is never lost by searching.
 */
export function GminaPicker(props: {
  call: CallRules | undefined;
  teryt: string | undefined;
  error?: string;
}) {
  const texts = useCardTexts();
  const { t } = useI18n();
  const [register, retry] = useRegister();
  const data = register.status === 'ready' ? register.data : undefined;
  const [chosen, setChosen] = useState(props.teryt);
  const [query, setQuery] = useState(() => (props.teryt && data?.byTeryt.get(props.teryt)?.name) || '');
  const found = useMemo(
    () => (data && query.trim().length >= 2 ? searchGminy(data.gminy, query, data.gminy.length) : []),
    [data, query],
  );

  const chosenGmina = chosen ? data?.byTeryt.get(chosen) : undefined;
  const shown = found.slice(0, SHOWN);
  const listed = chosenGmina && !shown.includes(chosenGmina) ? [chosenGmina, ...shown] : shown;
  const why = (gmina: Gmina) => (props.call ? whyIneligible(t, texts, props.call, gmina) : undefined);
  const status =
    register.status === 'loading'
      ? texts.picker.loading
      : register.status === 'error' || query.trim().length < 2
        ? ''
        : found.length === 0
          ? texts.picker.none
          : `${texts.picker.found(found.length, shown.length)} ${unavailableNote(found, why, texts)}`.trim();
  const errorId = props.error ? 'f-teryt-error' : undefined;

  return (
    <div class={props.error ? 'form-group form-group--error' : 'form-group'}>
      <label class="label" for="f-teryt">
        {texts.picker.label}
      </label>
      <p class="hint" id="f-teryt-hint">
        {texts.picker.hint}
      </p>
      {props.error ? (
        <p class="error-message" id={errorId}>
          <span class="visually-hidden">{texts.errorPrefix} </span>
          {props.error}
        </p>
      ) : null}
      <input
        class={props.error ? 'input input--error' : 'input'}
        id="f-teryt"
        type="text"
        autoComplete="off"
        spellcheck={false}
        aria-describedby={['f-teryt-hint', errorId].filter(Boolean).join(' ')}
        aria-invalid={props.error ? true : undefined}
        aria-controls="gmina-results"
        value={query}
        onInput={(event) => setQuery(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter or ↓ goes to the results instead of sending the step half done.
          if (event.key !== 'Enter' && event.key !== 'ArrowDown') return;
          const target = document.querySelector<HTMLInputElement>(
            '#gmina-results input:checked, #gmina-results input:enabled',
          );
          if (target) {
            event.preventDefault();
            target.focus();
          } else if (event.key === 'Enter') {
            event.preventDefault();
          }
        }}
      />
      {/* Shown at once; announced once the typing pauses, not after every letter. */}
      <p class="picker__status" aria-hidden="true">
        {status}
      </p>
      <Announce text={status} />
      {register.status === 'error' ? (
        <ErrorNotice title={texts.picker.loadFailed} error={register.error} onRetry={retry} />
      ) : null}
      <fieldset class="fieldset picker__results" id="gmina-results" hidden={listed.length === 0}>
        <legend class="visually-hidden">{texts.picker.results}</legend>
        {listed.map((gmina) => {
          const reason = why(gmina);
          const id = `gmina-${gmina.teryt}`;
          return (
            <div class={reason ? 'choice choice--unavailable' : 'choice'} key={gmina.teryt}>
              <input
                class="choice__input"
                type="radio"
                id={id}
                name="teryt"
                value={gmina.teryt}
                checked={gmina.teryt === chosen}
                disabled={Boolean(reason)}
                // The powiat, voivodeship and kind are in the label already: only the reason is described.
                aria-describedby={reason ? `${id}-why` : undefined}
                onChange={() => setChosen(gmina.teryt)}
              />
              <label class="choice__label" for={id}>
                <span class="choice__name">{gmina.name}</span>
                <span class="choice__about">
                  {texts.picker.describe(
                    gmina.powiat,
                    wojewodztwoName(t, gmina.wojewodztwoCode),
                    texts.kindNames[gmina.kind],
                  )}
                </span>
              </label>
              {reason ? (
                <p class="choice__why" id={`${id}-why`}>
                  {reason}
                </p>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
