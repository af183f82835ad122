import { useLayoutEffect, useState } from 'preact/hooks';
import type { TCallRules, TPutRulesRequest } from '../../../shared/schemas/review.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { getRules, putRules } from './api.ts';
import {
  type FieldErrors,
  FormErrors,
  parseNumber,
  Saved,
  TextField,
  useRereadable,
  useWrite,
  WriteFailure,
} from './review-form.tsx';
import { useReviewTexts } from './review-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/zasady/<callId>?woj=NN — the call's scoring rules (one set for all its voivodeships): read, and
 * changed band by band and point by point. The API versions them: a set a card was scored with stays, and
 * a change makes the next version — said before saving, on the button too.
 */
type Criterion = TCallRules['rules']['criteria'][number];

export function Rules(props: { callId: string; wojewodztwo: string }) {
  const texts = useReviewTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { callId, wojewodztwo } = props;
  const data = useRereadable(`admin:rules:${callId}:${wojewodztwo}`, (signal) =>
    getRules(callId, wojewodztwo, signal),
  );
  const { shown, resource } = data;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  const [editing, setEditing] = useState(false);
  const title = texts.rules.title;
  const back = (
    <a class="back-link" href={`/admin?${new URLSearchParams({ nabor: callId, woj: wojewodztwo })}`}>
      {texts.ranking.backToList}
    </a>
  );
  if (!shown) {
    return (
      <Titled title={title}>
        {back}
        <LoadingOrFailed
          heading={title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={data.retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { rules } = shown;
  return (
    <Titled title={title}>
      <UserBar />
      {back}
      <h1>{title}</h1>
      <p>
        {texts.rules.intro} ({wojewodztwoName(t, wojewodztwo)})
      </p>
      <p role="status" class="visually-hidden">
        {resource.status === 'loading' ? admin.panel.loading : ''}
      </p>
      <Saved text={data.saved} stamp={resource} onRetry={data.retry} />
      <h2>{texts.rules.version(rules.version)}</h2>
      {shown.stored ? null : <p>{texts.rules.defaultRules}</p>}
      <div class={shown.frozen ? 'notice' : 'inset'}>
        <p>{shown.frozen ? texts.rules.frozen : texts.rules.notFrozen}</p>
      </div>
      {editing ? (
        <RulesForm
          key={rules.version}
          current={shown}
          wojewodztwo={wojewodztwo}
          onCancel={() => {
            setEditing(false);
            requestAnimationFrame(() => document.getElementById('rules-edit')?.focus());
          }}
          onSaved={(version) => {
            setEditing(false);
            data.reread(texts.rules.saved(version));
          }}
          onReload={() => {
            setEditing(false);
            data.reread(texts.card.reloaded);
          }}
        />
      ) : (
        <>
          <RulesTable criteria={rules.criteria} />
          <button type="button" id="rules-edit" class="button" onClick={() => setEditing(true)}>
            {texts.rules.edit}
          </button>
        </>
      )}
    </Titled>
  );
}

function RulesTable(props: { criteria: Criterion[] }) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const number = new Intl.NumberFormat(t.locale);
  return (
    <div class="table-scroll">
      <table class="table">
        <caption class="visually-hidden">{texts.rules.title}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.card.criterion}</th>
            <th scope="col">{texts.rules.kind}</th>
            <th scope="col">{texts.rules.points}</th>
          </tr>
        </thead>
        <tbody>
          {props.criteria.map((criterion) => (
            <tr key={criterion.id}>
              <th scope="row" lang="pl">
                {criterion.label}
                {criterion.kind === 'computed' ? (
                  <span class="hint review-block">
                    {texts.rules.source}: {criterion.source}
                  </span>
                ) : criterion.guidance ? (
                  <span class="hint review-block">{criterion.guidance}</span>
                ) : null}
              </th>
              <td>{texts.rules[criterion.kind]}</td>
              <td>
                {criterion.kind === 'computed' ? (
                  <ul class="review-bands">
                    {criterion.bands.map((band, index) => (
                      <li key={index}>
                        {band.from === undefined ? texts.rules.open : number.format(band.from)} –{' '}
                        {band.below === undefined ? texts.rules.open : `< ${number.format(band.below)}`}:{' '}
                        {number.format(band.points)}
                      </li>
                    ))}
                  </ul>
                ) : criterion.kind === 'manual' ? (
                  `0–${number.format(criterion.maxPoints)}`
                ) : (
                  `0 / ${number.format(criterion.points)}`
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Typed = Record<string, string>;

/** Field ids, in the order of the form: the bands' three numbers, a manual maximum, a bonus's points. */
function fieldsOf(criteria: Criterion[]): string[] {
  return criteria.flatMap((criterion, index) =>
    criterion.kind === 'computed'
      ? criterion.bands.flatMap((_, at) =>
          ['from', 'below', 'points'].map((part) => `f-rule-${index}-${at}-${part}`),
        )
      : [`f-rule-${index}-points`],
  );
}

function RulesForm(props: {
  current: TCallRules;
  wojewodztwo: string;
  onCancel: () => void;
  onSaved: (version: number) => void;
  onReload: () => void;
}) {
  const texts = useReviewTexts();
  const { rules } = props.current;
  const write = useWrite();
  const [typed, setTyped] = useState<Typed>(() => {
    const values: Typed = {};
    const text = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));
    rules.criteria.forEach((criterion, index) => {
      if (criterion.kind === 'computed')
        criterion.bands.forEach((band, at) => {
          values[`f-rule-${index}-${at}-from`] = text(band.from);
          values[`f-rule-${index}-${at}-below`] = text(band.below);
          values[`f-rule-${index}-${at}-points`] = text(band.points);
        });
      else
        values[`f-rule-${index}-points`] = text(
          criterion.kind === 'manual' ? criterion.maxPoints : criterion.points,
        );
    });
    return values;
  });
  const ids = fieldsOf(rules.criteria);
  const next = rules.version + 1;
  // The button that opened the form is gone: the focus goes to the form's first field.
  useLayoutEffect(() => document.getElementById(ids[0] ?? '')?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const read = (id: string, optional: boolean): number | undefined => {
      const text = typed[id] ?? '';
      if (!text.trim()) {
        if (!optional) errors[id] = 'required';
        return undefined;
      }
      const value = parseNumber(text);
      if (value === undefined) errors[id] = 'invalid';
      return value;
    };
    const criteria = rules.criteria.map((criterion, index) => {
      if (criterion.kind === 'computed') {
        const bands = criterion.bands.map((_, at) => {
          const from = read(`f-rule-${index}-${at}-from`, true);
          const below = read(`f-rule-${index}-${at}-below`, true);
          return {
            ...(from === undefined ? {} : { from }),
            ...(below === undefined ? {} : { below }),
            points: read(`f-rule-${index}-${at}-points`, false) ?? 0,
          };
        });
        return {
          id: criterion.id,
          kind: criterion.kind,
          label: criterion.label,
          measure: criterion.measure,
          source: criterion.source,
          bands,
        };
      }
      const points = read(`f-rule-${index}-points`, false) ?? 0;
      return criterion.kind === 'manual'
        ? {
            id: criterion.id,
            kind: criterion.kind,
            label: criterion.label,
            maxPoints: points,
            guidance: criterion.guidance,
          }
        : {
            id: criterion.id,
            kind: criterion.kind,
            label: criterion.label,
            points,
            guidance: criterion.guidance,
          };
    });
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    const request: TPutRulesRequest = {
      replaces: rules.version,
      rules: { criteria, tieBreak: 'submittedAt' } as TPutRulesRequest['rules'],
    };
    write.send(
      () => putRules(props.current.callId, props.wojewodztwo, request),
      (saved) => props.onSaved(saved.rules.version),
      (path) => {
        const band = /^rules\.criteria\.(\d+)\.bands\.(\d+)(?:\.(from|below|points))?/.exec(path);
        if (band) return `f-rule-${band[1]}-${band[2]}-${band[3] ?? 'from'}`;
        const single = /^rules\.criteria\.(\d+)/.exec(path);
        return single ? `f-rule-${single[1]}-points` : undefined;
      },
    );
  };
  const set = (id: string) => (value: string) => setTyped((old) => ({ ...old, [id]: value }));
  return (
    <form noValidate onSubmit={submit}>
      <FormErrors state={write.state} ids={ids} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
        conflictText={texts.conflictRules}
      />
      {rules.criteria.map((criterion, index) => (
        <fieldset class="fieldset review-criterion" key={criterion.id}>
          <legend class="fieldset__legend fieldset__legend--s" lang="pl">
            {criterion.label}
          </legend>
          {criterion.kind === 'computed' ? (
            criterion.bands.map((_, at) => (
              <fieldset class="fieldset review-band" key={at}>
                <legend class="fieldset__legend">{texts.rules.band(at + 1)}</legend>
                <div class="review-band__fields">
                  {(['from', 'below', 'points'] as const).map((part) => {
                    const id = `f-rule-${index}-${at}-${part}`;
                    return (
                      <TextField
                        key={part}
                        id={id}
                        name={id}
                        label={texts.rules[part]}
                        error={write.state.errors[id]}
                        inputMode="decimal"
                        width="short"
                        value={typed[id] ?? ''}
                        onInput={set(id)}
                      />
                    );
                  })}
                </div>
              </fieldset>
            ))
          ) : (
            <TextField
              id={`f-rule-${index}-points`}
              name={`f-rule-${index}-points`}
              label={criterion.kind === 'manual' ? texts.rules.maxPoints : texts.rules.bonusPoints}
              error={write.state.errors[`f-rule-${index}-points`]}
              inputMode="decimal"
              width="short"
              value={typed[`f-rule-${index}-points`] ?? ''}
              onInput={set(`f-rule-${index}-points`)}
            />
          )}
        </fieldset>
      ))}
      <div class={props.current.frozen ? 'notice' : 'inset'}>
        <p>{props.current.frozen ? texts.rules.frozen : texts.rules.notFrozen}</p>
      </div>
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <div class="button-group">
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {props.current.frozen ? texts.rules.saveNewVersion(next) : texts.rules.save}
        </button>
        <button type="button" class="button button--secondary" onClick={props.onCancel}>
          {texts.rules.cancel}
        </button>
      </div>
    </form>
  );
}
