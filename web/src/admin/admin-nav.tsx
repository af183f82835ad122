import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { TAdminUser } from '../../../shared/schemas/admin.ts';
import type { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { getOwnAccount } from './api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { useAdminTexts } from './texts.ts';
import { useTrustTexts } from './trust-texts.ts';

/**
 * The panel's navigation between its screens: the cards, one's own account, and for the lead ROPS the
 * accounts, the audit log and its programmes. The page the user is on is marked for screen readers.
 */
export function AdminNav(props: {
  current:
    | 'cards'
    | 'account'
    | 'accounts'
    | 'audit'
    | 'programmes'
    | 'reminders'
    | 'mail'
    | 'offices'
    | 'erasure';
  /** Unknown (the list of cards): asked of the API, and the lead's links shown once it says so. */
  lead?: boolean;
}) {
  const all = useAdminTexts();
  const texts = all.administration;
  const trust = useTrustTexts().nav;
  const [own] = useResource(`admin:nav:${props.lead ?? 'ask'}`, (signal) =>
    props.lead === undefined ? getOwnAccount(signal) : Promise.resolve(undefined),
  );
  const lead = props.lead ?? (own.status === 'ready' && own.data?.user.role === 'lead');
  const links: [typeof props.current, string, string][] = [
    ['cards', '/admin', texts.cards],
    ['reminders', '/admin/przypomnienia', all.remindersNav],
    ['mail', '/admin/poczta', trust.mail],
    ['offices', '/admin/urzedy', trust.offices],
    ['account', '/admin/konto', texts.account],
    ...(lead
      ? ([
          ['accounts', '/admin/konta', texts.accounts],
          ['audit', '/admin/dziennik', texts.auditLog],
          ['programmes', '/admin/programy', texts.programmes],
          ['erasure', '/admin/usuwanie-danych', trust.erasure],
        ] as [typeof props.current, string, string][])
      : []),
  ];
  return (
    <nav class="admin-nav" aria-label={texts.nav}>
      <ul class="admin-nav__list">
        {links.map(([key, href, label]) => (
          <li key={key}>
            <a href={href} aria-current={key === props.current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The message for a field's error key, from the administration's texts. */
export function useFieldMessage(): (key: string) => string {
  const texts = useAdminTexts().administration;
  return (key) => texts.errors[key] ?? (texts.errors._ as string);
}

/** A form's state: idle, saving, or the API's error (its fields by dotted path). */
export function useSaving() {
  const [state, setState] = useState<'idle' | 'busy' | ApiError>('idle');
  const error = typeof state === 'object' ? state : undefined;
  return {
    busy: state === 'busy',
    error,
    fields: (error?.fields ?? {}) as Readonly<Record<string, string>>,
    run: async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
      if (state === 'busy') return undefined;
      setState('busy');
      try {
        const result = await work();
        setState('idle');
        return result;
      } catch (caught) {
        setState(caught as ApiError);
        return undefined;
      }
    },
  };
}

/** The error summary of a form: each field error a link to its field (`f-<path with dashes>`), or the code's text. */
export function FormErrors(props: {
  error: ApiError | undefined;
  title: string;
  anchor?: (path: string) => string;
}) {
  const { t } = useI18n();
  const message = useFieldMessage();
  const { error } = props;
  if (!error) return null;
  const fields = Object.entries(error.fields ?? {});
  const errors =
    fields.length > 0
      ? fields.map(([path, key]) => ({
          href: `#${props.anchor?.(path) ?? `f-${path.replace(/\./g, '-')}`}`,
          text: message(key),
        }))
      : [
          {
            href: '#main',
            text:
              error.code === 'FORBIDDEN'
                ? message('forbidden')
                : error.code === 'CONFLICT'
                  ? message('conflict')
                  : t.errors[error.code],
          },
        ];
  return <ErrorSummary title={props.title} errors={errors} verdict={error} />;
}

/** A field's own error under its label (linked to the field by aria-describedby). */
export function FieldError(props: { id: string; message: string | undefined }) {
  const texts = useAdminTexts();
  if (!props.message) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{texts.errorPrefix} </span>
      {props.message}
    </p>
  );
}

/** Checkboxes of voivodeships, `name` each; the group's first box is `f-<idPrefix>-<code>`. */
export function VoivodeshipBoxes(props: {
  legend: string;
  name: string;
  codes: readonly string[];
  checked: readonly string[];
  error: string | undefined;
  idPrefix: string;
  children?: ComponentChildren;
}) {
  const { t } = useI18n();
  const errorId = `${props.idPrefix}-error`;
  return (
    <fieldset class="form-group" aria-describedby={props.error ? errorId : undefined}>
      <legend class="label">{props.legend}</legend>
      <FieldError id={errorId} message={props.error} />
      {props.codes.map((code) => (
        <div class="choice" key={code}>
          <input
            class="choice__input"
            type="checkbox"
            id={`${props.idPrefix}-${code}`}
            name={props.name}
            value={code}
            defaultChecked={props.checked.includes(code)}
          />
          <label class="choice__label" for={`${props.idPrefix}-${code}`}>
            {wojewodztwoName(t, code)}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export function wojewodztwaList(t: Parameters<typeof wojewodztwoName>[0], codes: readonly string[]): string {
  return codes.map((code) => wojewodztwoName(t, code)).join(', ');
}

export type { TAdminUser };

/** A labelled text input `f-<name>` with its error; `type` date or email where the value is one. */
export function TextField(props: {
  name: string;
  label: string;
  value?: string | undefined;
  error: string | undefined;
  type?: 'text' | 'email' | 'date';
  hint?: string;
  multiline?: boolean;
}) {
  const id = `f-${props.name.replace(/\./g, '-')}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy =
    [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: props.name,
    'aria-describedby': describedBy,
    'aria-invalid': props.error ? true : undefined,
    defaultValue: props.value ?? '',
  };
  return (
    <div class={`form-group${props.error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={props.error} />
      {props.multiline ? (
        <textarea class={`textarea${props.error ? ' input--error' : ''}`} rows={5} {...common} />
      ) : (
        <input
          class={`input${props.error ? ' input--error' : ''}`}
          type={(props.type ?? 'text') as 'text'}
          autoComplete="off"
          {...common}
        />
      )}
    </div>
  );
}
