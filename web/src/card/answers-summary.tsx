import { longTermAssistanceRatio } from '../../../shared/criteria.ts';
import type { CardSection } from '../../../shared/schemas/card.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { type Dictionary, useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { type Answers, type Field, getPath, labelOf, leaves, type Step } from './model.ts';
import { type PageTexts, usePageTexts } from './page-texts.ts';
import { useRegister } from './powiat-select.tsx';
import type { Register } from './register.ts';
import { type CardTexts, useCardTexts } from './texts.ts';

/**
 * The answers, step by step, as GOV.UK summary lists: on the check page (with a "Zmień" link per step) and
 * on the card's own page (read only). Values are shown as typed; what is missing says so.
 */
export function AnswersSummary(props: {
  answers: Answers;
  steps: readonly Step[];
  changeHref?: (step: Step) => string;
}) {
  const texts = useCardTexts();
  const pages = usePageTexts();
  const { t } = useI18n();
  const [register, retry] = useRegister();
  const data = register.status === 'ready' ? register.data : undefined;
  return (
    <>
      {/* Without the register the gmina and the powiat show as bare TERYT codes: say why, and try again. */}
      {register.status === 'error' ? (
        <ErrorNotice title={texts.picker.loadFailed} error={register.error} onRetry={retry} />
      ) : null}
      {props.steps.map((step) => {
        // The gmina step's title is an instruction ("Wybierz gminę"); as a heading of answers, just "Gmina".
        const title = step.slug === 'gmina' ? texts.labels.office.teryt : texts.steps[step.slug];
        return (
          // Headings, not landmarks: eight regions named like their headings only lengthen the landmark list.
          <section class="summary-card" key={step.slug}>
            <div class="summary-card__header">
              <h2 class="summary-card__title">{title}</h2>
              {props.changeHref ? (
                <a class="summary-card__action" href={props.changeHref(step)}>
                  {pages.check.change}
                  <span class="visually-hidden"> — {title}</span>
                </a>
              ) : null}
            </div>
            <dl class="summary">
              {leaves(step.fields).map((field) => (
                <div class="summary__row" key={field.name}>
                  <dt class="summary__key">{labelOf(texts, step.section, field.name)}</dt>
                  <dd class="summary__value">
                    {shownValue(t, texts, pages, data, step.section, field, props.answers)}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}

function shownValue(
  t: Dictionary,
  texts: CardTexts,
  pages: PageTexts,
  register: Register | undefined,
  section: CardSection,
  field: Field,
  answers: Answers,
): string {
  const values = answers[section];
  const value = getPath(values, field.name);
  const number = (n: unknown) =>
    typeof n === 'number'
      ? new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(n)
      : String(n ?? '');
  switch (field.kind) {
    case 'gmina': {
      const gmina = typeof value === 'string' ? register?.byTeryt.get(value) : undefined;
      if (!gmina) return typeof value === 'string' ? value : pages.check.notGiven;
      return `${gmina.name} (${texts.picker.describe(gmina.powiat, wojewodztwoName(t, gmina.wojewodztwoCode), texts.kindNames[gmina.kind])})`;
    }
    case 'powiat': {
      const name = typeof value === 'string' ? register?.powiaty[value] : undefined;
      return name ? texts.powiatLabel(name) : typeof value === 'string' ? value : pages.check.notGiven;
    }
    case 'radios':
      return (texts.headTitles as Record<string, string>)[String(value)] ?? pages.check.notGiven;
    case 'checkboxes': {
      const items = Array.isArray(value) ? value : [];
      return items.length === 0
        ? pages.check.none
        : items.map((item) => (texts.infrastructureItems as Record<string, string>)[item] ?? item).join(', ');
    }
    case 'checkbox':
      return value === true ? pages.check.accepted : pages.check.notGiven;
    case 'figure': {
      const figure = value as { value?: unknown; year?: unknown } | undefined;
      if (figure?.value === undefined || figure.value === '') return pages.check.notGiven;
      let shown = field.money ? texts.money(number(figure.value)) : number(figure.value);
      if (field.name === 'longTermAssistancePersons') {
        const population = getPath(values, 'population.value');
        if (typeof population === 'number' && population > 0 && typeof figure.value === 'number') {
          const ratio = longTermAssistanceRatio({
            population: { value: population },
            longTermAssistancePersons: { value: figure.value },
          });
          shown += ` — ${pages.check.ratio(number(ratio))}`;
        }
      }
      return figure.year === undefined
        ? shown
        : `${shown} (${texts.figureYear.toLowerCase()} ${figure.year})`;
    }
    default:
      return typeof value === 'string' && value.trim() !== '' ? value : pages.check.notGiven;
  }
}
