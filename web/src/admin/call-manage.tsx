import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { GMINA_KINDS } from '../../../shared/gmina-kinds.ts';
import type { TAdminProgramme } from '../../../shared/schemas/admin.ts';
import type { TCall } from '../../../shared/schemas/programme.ts';
import { formatWarsaw, warsawOffsetMinutes } from '../../../shared/time.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import type { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import { listProgrammes } from './api.ts';
import { Boxes, describedBy, FieldError, FieldLabel, Group, WallClock } from './call-fields.tsx';
import {
  addAttachment,
  cancelCall,
  editCall,
  extendCall,
  getManagedCall,
  gminaNames,
  type Invitation,
  inviteGminas,
  MAX_BYTES,
  type ManagedCall,
  removeAttachment,
} from './call-life-api.ts';
import { useCallLifeTexts } from './call-life-texts.ts';
import { OverlapsWarning } from './call-overlaps.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';
import { listOffices } from './trust-api.ts';

/**
 * /admin/nabory/<call> — one call over its life: its facts and overlapping calls; before it opens, its
 * title, dates, voivodeships, kinds and rules can change; once open, its closing can be moved later, and
 * until it closes it can be cancelled. Every change names the revision read; a 409 says so with "Wczytaj
 * ponownie". The API checks each request with the shared contracts and names each field (no zod here).
 */
export function CallManage(props: { callId: string }) {
  const texts = useCallLifeTexts();
  const admin = useAdminTexts();
  const [loaded, retry] = useResource(`admin:call-life:${props.callId}`, (signal) =>
    Promise.all([getManagedCall(props.callId, signal), listProgrammes(signal)]),
  );
  const signingIn = useSignInWhenSignedOut(loaded.status === 'error' ? loaded.error : undefined);
  if (loaded.status !== 'ready') {
    return (
      <Titled title={texts.title}>
        <LoadingOrFailed
          heading={texts.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={loaded.status === 'error' ? loaded.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const [managed, programmes] = loaded.data;
  return (
    <Manage
      callId={props.callId}
      first={managed}
      programme={programmes.find((one) => one.id === managed.call.programmeId)}
    />
  );
}

type Phase = 'upcoming' | 'open' | 'closed' | 'cancelled';

function phaseOf(call: TCall, now: number): Phase {
  if (call.cancelled) return 'cancelled';
  if (now < Date.parse(call.opensAt)) return 'upcoming';
  return now < Date.parse(call.closesAt) ? 'open' : 'closed';
}

/** "2026-12-31T23:59", the Warsaw wall clock of an instant, as the date and time inputs take it. */
function warsawLocal(instant: string): string {
  const date = new Date(instant);
  return new Date(date.getTime() + warsawOffsetMinutes(date) * 60_000).toISOString().slice(0, 16);
}

function Manage(props: { callId: string; first: ManagedCall; programme: TAdminProgramme | undefined }) {
  const texts = useCallLifeTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const [managed, setManaged] = useState(props.first);
  const [notice, setNotice] = useState<{ text: string; at: number } | undefined>();
  const [conflict, setConflict] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  useLayoutEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const { call, overlaps, history } = managed;
  const revision = call.revision ?? 0;
  const phase = phaseOf(call, Date.now());
  const when = (instant: string) => formatWarsaw(instant, t.locale);

  /** After a change: the call read again, then the notice (which takes the focus). */
  const changed = (text: string) =>
    getManagedCall(props.callId).then(
      (fresh) => {
        setManaged(fresh);
        setConflict(false);
        setNotice({ text, at: Date.now() });
      },
      () => setNotice({ text, at: Date.now() }),
    );
  const reload = () =>
    getManagedCall(props.callId).then(
      (fresh) => {
        setManaged(fresh);
        setConflict(false);
      },
      () => undefined,
    );
  const forms = { callId: props.callId, revision, onConflict: () => setConflict(true), onChanged: changed };

  return (
    <Titled title={`${texts.title}: ${call.title}`}>
      <UserBar />
      <p>
        <a class="back-link" href={`/admin?${new URLSearchParams({ nabor: call.id })}`}>
          {texts.backToList}
        </a>
      </p>
      {conflict ? (
        <div class="notice notice--error" role="alert" tabIndex={-1} ref={conflictRef}>
          <p>{texts.conflict}</p>
          <button type="button" class="button button--secondary" onClick={reload}>
            {texts.reload}
          </button>
        </div>
      ) : null}
      {notice ? (
        <div class="notice notice--success" tabIndex={-1} ref={noticeRef} key={notice.at}>
          <p>{notice.text}</p>
        </div>
      ) : null}
      <h1>
        <span class="caption">{texts.title}</span> <span lang="pl">{call.title}</span>
      </h1>
      <p>
        <a href={`/nabory/${encodeURIComponent(call.id)}`}>{texts.callPage}</a>
      </p>
      <h2>{texts.facts}</h2>
      <table class="table">
        <tbody>
          <Fact label={texts.status}>
            <strong>{texts.statuses[phase]}</strong>
          </Fact>
          <Fact label={texts.opensAt}>{when(call.opensAt)}</Fact>
          <Fact label={texts.closesAt}>{when(call.closesAt)}</Fact>
          <Fact label={texts.wojewodztwa}>
            {call.wojewodztwa.map((code) => wojewodztwoName(t, code)).join(', ')}
          </Fact>
          <Fact label={texts.gminaKinds}>{call.gminaKinds.map((kind) => admin.kinds[kind]).join(', ')}</Fact>
          {call.cancelled ? (
            <Fact label={texts.cancelledReason}>
              <span class="pre-line" lang="pl">
                {call.cancelled.reason}
              </span>
            </Fact>
          ) : null}
        </tbody>
      </table>
      {phase !== 'cancelled' ? <OverlapsWarning overlaps={overlaps} /> : null}
      {phase === 'upcoming' ? (
        <EditForm key={`edit-${revision}`} {...forms} call={call} programme={props.programme} />
      ) : null}
      {phase === 'open' ? <ExtendForm key={`extend-${revision}`} {...forms} call={call} /> : null}
      {phase === 'upcoming' || phase === 'open' ? <CancelForm key={`cancel-${revision}`} {...forms} /> : null}
      {phase === 'upcoming' || phase === 'open' ? (
        <InviteSection key={`invite-${revision}`} {...forms} call={call} invitations={managed.invitations} />
      ) : (
        <Invited invitations={managed.invitations} />
      )}
      {phase !== 'cancelled' ? <FilesSection key={`files-${revision}`} {...forms} call={call} /> : null}
      <h2>{texts.history}</h2>
      {history.length === 0 ? (
        <p>{texts.noHistory}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
        <section class="table-scroll" aria-label={texts.history} tabIndex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{texts.historyAt}</th>
                <th scope="col">{texts.historyWho}</th>
                <th scope="col">{texts.historyWhat}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.at + entry.event}>
                  <td>{when(entry.at)}</td>
                  <td>{entry.actor}</td>
                  <td>
                    {texts.events[entry.event] ?? entry.event}
                    {entry.details.length > 0 ? (
                      <ul lang="pl">
                        {entry.details.map((detail) => (
                          <li key={detail}>{detail}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Titled>
  );
}

function Fact(props: { label: string; children: ComponentChildren }) {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}

interface FormProps {
  callId: string;
  revision: number;
  onConflict: () => void;
  onChanged: (text: string) => Promise<void>;
}

type Errors = Record<string, string>;

interface FormState {
  errors: Errors;
  verdict: number;
  busy?: boolean;
  failure?: ApiError;
}

/**
 * What each form shares: its state, the API's verdict (field errors by their first path segment, a 409
 * to the screen's "load again"), the error summary in the fields' order.
 */
function useForm(
  props: FormProps,
  fields: readonly string[],
  anchor: (field: string) => string,
  /** The form's field an API path names ("invitations.2.teryt" → "gmina-2"); by default its first segment. */
  fieldOf: (path: string) => string = (path) => path.split('.')[0] as string,
) {
  const texts = useCallLifeTexts();
  const [state, setState] = useState<FormState>({ errors: {}, verdict: 0 });
  useSignInWhenSignedOut(state.failure);
  // "gmina-2" (the third row's gmina) has the messages of "gmina".
  const messageOf = (field: string, key: string) => {
    const messages = texts.errors[field.replace(/-\d+$/, '')] ?? (texts.errors._ as Record<string, string>);
    return messages[key] ?? (messages._ as string);
  };
  const errorOf = (field: string) => {
    const key = state.errors[field];
    return key ? messageOf(field, key) : undefined;
  };
  const summary = fields.flatMap((field) => {
    const key = state.errors[field];
    return key ? [{ href: `#${anchor(field)}`, text: messageOf(field, key) }] : [];
  });
  const send = <T,>(checked: Errors, request: () => Promise<T>, said: (answer: T) => string): void => {
    if (state.busy) return;
    if (Object.keys(checked).length > 0) {
      setState({ errors: checked, verdict: state.verdict + 1 });
      return;
    }
    setState({ errors: {}, verdict: state.verdict, busy: true });
    request().then(
      (answer) => {
        setState({ errors: {}, verdict: state.verdict });
        void props.onChanged(said(answer));
      },
      (error: ApiError) => {
        const fileConflict = error.code === 'CONFLICT' && error.fields?.file && fields.includes('file');
        if ((error.code === 'CONFLICT' && !fileConflict) || error.code === 'CALL_CANCELLED') {
          setState({ errors: {}, verdict: state.verdict });
          props.onConflict();
          return;
        }
        const errors: Errors = {};
        if (error.code === 'VALIDATION_FAILED' || error.code === 'FORBIDDEN' || fileConflict) {
          for (const [path, key] of Object.entries(error.fields ?? {})) {
            const field = fieldOf(path);
            errors[fields.includes(field) ? field : (fields[0] as string)] ??= key;
          }
          if (error.code === 'FORBIDDEN' && fields.includes('wojewodztwa'))
            errors.wojewodztwa ??= 'forbidden';
          if (error.code === 'FORBIDDEN' && fields.includes('gmina-0')) errors['gmina-0'] ??= 'forbidden';
        }
        const known = Object.keys(errors).length > 0;
        setState({ errors, verdict: state.verdict + 1, ...(known ? {} : { failure: error }) });
      },
    );
  };
  return { state, setState, errorOf, summary, send };
}

function Failure(props: { failure: ApiError | undefined; onRetry: () => void }) {
  const texts = useCallLifeTexts();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (props.failure) ref.current?.focus();
  }, [props.failure]);
  if (!props.failure || props.failure.code === 'SESSION_REQUIRED') return null;
  return (
    <div tabIndex={-1} ref={ref}>
      <ErrorNotice title={texts.failed} error={props.failure} onRetry={props.onRetry} />
    </div>
  );
}

function TextField(props: {
  id: string;
  name: string;
  label: string;
  error: string | undefined;
  value?: string;
  type?: 'text' | 'email';
  hint?: string;
  onChange?: (input: HTMLInputElement) => void;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <Group error={props.error}>
      <FieldLabel id={props.id} label={props.label} hint={props.hint} error={props.error} />
      <input
        class={props.error ? 'input input--error' : 'input'}
        id={props.id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        autoComplete="off"
        aria-describedby={describedBy}
        aria-invalid={props.error ? true : undefined}
        defaultValue={props.value}
        onChange={
          props.onChange ? (event) => props.onChange?.(event.currentTarget as HTMLInputElement) : undefined
        }
      />
    </Group>
  );
}

function TextArea(props: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  value?: string;
  rows?: number;
}) {
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  return (
    <Group error={props.error}>
      <FieldLabel id={props.id} label={props.label} hint={props.hint} error={props.error} />
      <textarea
        class={props.error ? 'textarea textarea--error' : 'textarea'}
        id={props.id}
        name={props.name}
        rows={props.rows ?? 4}
        aria-describedby={describedBy(hintId, props.error && `${props.id}-error`)}
        aria-invalid={props.error ? true : undefined}
        defaultValue={props.value}
      />
    </Group>
  );
}

/** The form's values: texts trimmed ("" is missing), a wall clock from its two halves. */
function valuesOf(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const wallClock = (name: string) => {
    const date = text(`${name}Date`);
    const time = text(`${name}Time`);
    return date === '' && time === '' ? '' : `${date}T${time}`;
  };
  return { data, text, wallClock };
}

const required = (values: Record<string, string | readonly string[]>): Errors =>
  Object.fromEntries(
    Object.entries(values)
      .filter(([, value]) => value.length === 0)
      .map(([field]) => [field, 'required']),
  );

const EDIT_FIELDS = ['title', 'wojewodztwa', 'gminaKinds', 'opensAt', 'closesAt', 'rules'] as const;

function EditForm(props: FormProps & { call: TCall; programme: TAdminProgramme | undefined }) {
  const texts = useCallLifeTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { call } = props;
  const wojewodztwa = [...new Set([...(props.programme?.wojewodztwa ?? []), ...call.wojewodztwa])];
  const anchor = (field: string) =>
    field === 'wojewodztwa'
      ? `f-edit-woj-${wojewodztwa[0] ?? ''}`
      : field === 'gminaKinds'
        ? `f-edit-kind-${GMINA_KINDS[0]}`
        : field === 'opensAt' || field === 'closesAt'
          ? `f-edit-${field}-date`
          : `f-edit-${field}`;
  const form = useForm(props, EDIT_FIELDS, anchor);
  const submit = (event: Event) => {
    event.preventDefault();
    const { data, text, wallClock } = valuesOf(event.currentTarget as HTMLFormElement);
    const entry = {
      revision: props.revision,
      title: text('title'),
      wojewodztwa: data.getAll('wojewodztwa').map(String),
      gminaKinds: data.getAll('gminaKinds').map(String) as TCall['gminaKinds'],
      opensAt: wallClock('opensAt'),
      closesAt: wallClock('closesAt'),
      rules: String(data.get('rules') ?? ''),
    };
    const { rules: _rules, revision: _revision, ...needed } = entry;
    form.send(
      required(needed),
      () => editCall(props.callId, entry),
      () => texts.edit.saved,
    );
  };
  return (
    <FormSection
      id="edit"
      title={texts.edit.title}
      form={form}
      intro={<p>{texts.edit.intro}</p>}
      onSubmit={submit}
      submit={texts.edit.submit}
    >
      <TextField
        id="f-edit-title"
        name="title"
        label={texts.edit.callTitle}
        error={form.errorOf('title')}
        value={call.title}
      />
      <Boxes
        name="wojewodztwa"
        idPrefix="f-edit-woj"
        legend={texts.wojewodztwa}
        error={form.errorOf('wojewodztwa')}
        options={wojewodztwa.map((code) => [code, wojewodztwoName(t, code)])}
        checked={call.wojewodztwa}
      />
      <Boxes
        name="gminaKinds"
        idPrefix="f-edit-kind"
        legend={texts.gminaKinds}
        error={form.errorOf('gminaKinds')}
        options={GMINA_KINDS.map((kind) => [kind, admin.kinds[kind]])}
        checked={call.gminaKinds}
      />
      <WallClock
        base="f-edit-opensAt"
        name="opensAt"
        legend={texts.edit.opensAt}
        hint={texts.edit.dateHint}
        error={form.errorOf('opensAt')}
        value={warsawLocal(call.opensAt)}
      />
      <WallClock
        base="f-edit-closesAt"
        name="closesAt"
        legend={texts.edit.closesAt}
        hint={texts.edit.dateHint}
        error={form.errorOf('closesAt')}
        value={warsawLocal(call.closesAt)}
      />
      <TextArea
        id="f-edit-rules"
        name="rules"
        label={texts.edit.rules}
        error={form.errorOf('rules')}
        value={call.rules}
        rows={8}
      />
    </FormSection>
  );
}

/**
 * One of the screen's forms: its heading, what comes before the form (the invited, the files), the error
 * summary and a failure's notice (each takes the focus), the intro, the fields and the button.
 */
function FormSection(props: {
  id: string;
  title: string;
  form: ReturnType<typeof useForm>;
  before?: ComponentChildren;
  intro?: ComponentChildren;
  onSubmit: (event: Event) => void;
  submit: string;
  warning?: boolean;
  children: ComponentChildren;
}) {
  const texts = useCallLifeTexts();
  const { form } = props;
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.before}
      <ErrorSummary title={texts.errorSummary} errors={form.summary} verdict={form.state.verdict} />
      <Failure
        failure={form.state.failure}
        onRetry={() => form.setState({ errors: {}, verdict: form.state.verdict })}
      />
      {props.intro}
      <form method="post" noValidate onSubmit={props.onSubmit}>
        {props.children}
        <SubmitButton busy={form.state.busy} label={props.submit} warning={props.warning} />
      </form>
    </section>
  );
}

function SubmitButton(props: { busy: boolean | undefined; label: string; warning?: boolean }) {
  const texts = useCallLifeTexts();
  return (
    <>
      <p role="status" class="visually-hidden">
        {props.busy ? texts.sending : ''}
      </p>
      <button
        type="submit"
        class={props.warning ? 'button button--warning' : 'button'}
        aria-disabled={props.busy ? true : undefined}
      >
        {props.busy ? texts.sending : props.label}
      </button>
    </>
  );
}

const EXTEND_FIELDS = ['closesAt', 'reason'] as const;

function ExtendForm(props: FormProps & { call: TCall }) {
  const texts = useCallLifeTexts();
  const anchor = (field: string) => (field === 'closesAt' ? 'f-extend-closesAt-date' : `f-extend-${field}`);
  const form = useForm(props, EXTEND_FIELDS, anchor);
  const submit = (event: Event) => {
    event.preventDefault();
    const { text, wallClock } = valuesOf(event.currentTarget as HTMLFormElement);
    const request = { revision: props.revision, closesAt: wallClock('closesAt'), reason: text('reason') };
    form.send(
      required({ closesAt: request.closesAt, reason: request.reason }),
      () => extendCall(props.callId, request),
      (answer) => texts.extend.saved(answer.told),
    );
  };
  return (
    <FormSection
      id="extend"
      title={texts.extend.title}
      form={form}
      intro={<p>{texts.extend.intro}</p>}
      onSubmit={submit}
      submit={texts.extend.submit}
    >
      <WallClock
        base="f-extend-closesAt"
        name="closesAt"
        legend={texts.extend.closesAt}
        hint={texts.edit.dateHint}
        error={form.errorOf('closesAt')}
        value={warsawLocal(props.call.closesAt)}
      />
      <TextArea
        id="f-extend-reason"
        name="reason"
        label={texts.extend.reason}
        hint={texts.extend.reasonHint}
        error={form.errorOf('reason')}
      />
    </FormSection>
  );
}

const CANCEL_FIELDS = ['reason', 'confirm'] as const;

function CancelForm(props: FormProps) {
  const texts = useCallLifeTexts();
  const form = useForm(props, CANCEL_FIELDS, (field) => `f-cancel-${field}`);
  const submit = (event: Event) => {
    event.preventDefault();
    const { data, text } = valuesOf(event.currentTarget as HTMLFormElement);
    const request = { revision: props.revision, reason: text('reason') };
    const checked: Errors = required({ reason: request.reason });
    if (data.get('confirm') !== 'yes') checked.confirm = 'required';
    form.send(
      checked,
      () => cancelCall(props.callId, request),
      (answer) => texts.cancel.saved(answer.told),
    );
  };
  const confirmError = form.errorOf('confirm');
  return (
    <FormSection
      id="cancel"
      title={texts.cancel.title}
      form={form}
      intro={<p class="warning-text">{texts.cancel.intro}</p>}
      onSubmit={submit}
      submit={texts.cancel.submit}
      warning
    >
      <TextArea
        id="f-cancel-reason"
        name="reason"
        label={texts.cancel.reason}
        hint={texts.cancel.reasonHint}
        error={form.errorOf('reason')}
      />
      <Group error={confirmError}>
        <FieldError id="f-cancel-confirm-error" text={confirmError} />
        <div class="choice">
          <input
            class="choice__input"
            type="checkbox"
            id="f-cancel-confirm"
            name="confirm"
            value="yes"
            aria-describedby={confirmError ? 'f-cancel-confirm-error' : undefined}
            aria-invalid={confirmError ? true : undefined}
          />
          <label class="choice__label" for="f-cancel-confirm">
            {texts.cancel.confirm}
          </label>
        </div>
      </Group>
    </FormSection>
  );
}

/** Gminas' names by TERYT, once the register is in (the codes alone until then, or if it fails). */
function useGminaNames(): Map<string, string> | undefined {
  const [names, setNames] = useState<Map<string, string>>();
  useEffect(() => {
    const controller = new AbortController();
    gminaNames(controller.signal).then(setNames, () => undefined);
    return () => controller.abort();
  }, []);
  return names;
}

/** Folded for matching names: lower case, no diacritics (ł by hand: NFD does not split it). */
const fold = (text: string) =>
  text
    .toLocaleLowerCase('pl')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .trim();

const KIND_BY_DIGIT: Record<string, string> = { '1': 'miejska', '2': 'wiejska', '3': 'miejsko-wiejska' };

/**
 * A gmina as typed: a TERYT code, or a name unique among the gminas the call is for (its voivodeships and
 * kinds). The API decides the rest (wrong kind, region, already invited).
 */
function terytOf(
  typed: string,
  call: TCall,
  names: Map<string, string> | undefined,
): { teryt: string } | { error: string } {
  const value = typed.trim();
  if (value === '') return { error: 'required' };
  if (/^\d+$/.test(value)) return /^\d{6}[123]$/.test(value) ? { teryt: value } : { error: 'teryt' };
  if (!names) return { error: 'teryt' };
  const wanted = fold(value);
  const found = [...names].filter(
    ([teryt, name]) =>
      fold(name) === wanted &&
      call.wojewodztwa.includes(teryt.slice(0, 2)) &&
      (call.gminaKinds as string[]).includes(KIND_BY_DIGIT[teryt.slice(6)] ?? ''),
  );
  if (found.length === 1) return { teryt: (found[0] as [string, string])[0] };
  return { error: found.length === 0 ? 'not_found' : 'ambiguous' };
}

function Invited(props: { invitations: Invitation[] }) {
  const texts = useCallLifeTexts();
  const { t } = useI18n();
  const names = useGminaNames();
  if (props.invitations.length === 0) return <p>{texts.invite.none}</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
    <section class="table-scroll" aria-label={texts.invite.invited} tabIndex={0}>
      <table class="table">
        <caption class="table__caption">{texts.invite.invited}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.invite.gmina}</th>
            <th scope="col">{texts.invite.teryt}</th>
            <th scope="col">{texts.invite.email}</th>
            <th scope="col">{texts.invite.invitedAt}</th>
          </tr>
        </thead>
        <tbody>
          {props.invitations.map((invitation) => (
            <tr key={invitation.teryt}>
              <td lang="pl">{names?.get(invitation.teryt) ?? ''}</td>
              <td>{invitation.teryt}</td>
              <td>{invitation.email}</td>
              <td>{formatWarsaw(invitation.at, t.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The office directory's addresses (offices.tsx's data, issue 13) of the call's voivodeships, by TERYT:
 * what an invitation goes to unless the coordinator types another. Without them (not loaded) the API still
 * uses the directory for an address left empty.
 */
function useOfficeAddresses(wojewodztwa: readonly string[]): Map<string, string> | undefined {
  const [offices] = useResource(`invite-offices:${wojewodztwa.join()}`, async (signal) => {
    const lists = await Promise.all(wojewodztwa.map((code) => listOffices(code, signal)));
    return new Map(
      lists.flatMap((list) =>
        list.gminas.flatMap((gmina) => (gmina.office ? [[gmina.teryt, gmina.office.email] as const] : [])),
      ),
    );
  });
  return offices.status === 'ready' ? offices.data : undefined;
}

function InviteSection(props: FormProps & { call: TCall; invitations: Invitation[] }) {
  const texts = useCallLifeTexts();
  const names = useGminaNames();
  const directory = useOfficeAddresses(props.call.wojewodztwa);
  const [rows, setRows] = useState(1);
  /**
   * The directory's address of each row's gmina, said under its e-mail field once the gmina is typed: an
   * empty field sends there. Not written into the field: a click into it would put the caret after the
   * address, and what is typed would be appended to it.
   */
  const [typed, setTyped] = useState<Record<number, string>>({});
  // Looked up at each render, not when typed: the names and the directory may arrive after the typing.
  const emailHint = (index: number): string => {
    const gmina = terytOf(typed[index] ?? '', props.call, names);
    if (!('teryt' in gmina) || !directory) return texts.invite.emailHint;
    const address = directory.get(gmina.teryt);
    return address ? texts.invite.emailFromDirectory(address) : texts.invite.emailNotInDirectory;
  };

  const fields = Array.from({ length: rows }, (_, index) => [`gmina-${index}`, `email-${index}`]).flat();
  const form = useForm(
    props,
    fields,
    (field) => `f-invite-${field}`,
    (path) => {
      const [, index, what] = path.split('.');
      return index === undefined ? 'gmina-0' : `${what === 'email' ? 'email' : 'gmina'}-${index}`;
    },
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const { text } = valuesOf(event.currentTarget as HTMLFormElement);
    const checked: Errors = {};
    const invitations = Array.from({ length: rows }, (_, index) => {
      const gmina = terytOf(text(`gmina-${index}`), props.call, names);
      if ('error' in gmina) checked[`gmina-${index}`] = gmina.error;
      // Left empty: the API sends to the office directory's address (and names a gmina without one).
      const email = text(`email-${index}`);
      return { teryt: 'teryt' in gmina ? gmina.teryt : '', ...(email ? { email } : {}) };
    });
    form.send(
      checked,
      () => inviteGminas(props.callId, { revision: props.revision, invitations }),
      (answer) => texts.invite.saved(answer.invited.length),
    );
  };
  return (
    <FormSection
      id="invite"
      title={texts.invite.title}
      form={form}
      before={<Invited invitations={props.invitations} />}
      intro={<p>{texts.invite.intro}</p>}
      onSubmit={submit}
      submit={texts.invite.submit}
    >
      {Array.from({ length: rows }, (_, index) => (
        <fieldset class="fieldset" key={index}>
          <legend class="fieldset__legend fieldset__legend--s">{texts.invite.row(index + 1)}</legend>
          <TextField
            id={`f-invite-gmina-${index}`}
            name={`gmina-${index}`}
            label={texts.invite.gminaField}
            error={form.errorOf(`gmina-${index}`)}
            onChange={(input) => setTyped((known) => ({ ...known, [index]: input.value }))}
          />
          <TextField
            id={`f-invite-email-${index}`}
            name={`email-${index}`}
            label={texts.invite.emailField}
            hint={emailHint(index)}
            error={form.errorOf(`email-${index}`)}
            type="email"
          />
        </fieldset>
      ))}
      {rows < 40 ? (
        <p>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setRows(rows + 1);
              // The new row's first field takes the focus once it is rendered.
              requestAnimationFrame(() => document.getElementById(`f-invite-gmina-${rows}`)?.focus());
            }}
          >
            {texts.invite.addRow}
          </button>
        </p>
      ) : null}
    </FormSection>
  );
}

const FILE_TYPES = /\.(pdf|docx|odt)$/i;

function FilesSection(props: FormProps & { call: TCall }) {
  const texts = useCallLifeTexts();
  const { t } = useI18n();
  const form = useForm(props, ['file'], () => 'f-file');
  const attachments = props.call.attachments ?? [];
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('file') as HTMLInputElement;
    const file = input.files?.[0];
    const checked: Errors = !file
      ? { file: 'required' }
      : !FILE_TYPES.test(file.name)
        ? { file: 'attachment_type' }
        : file.size > MAX_BYTES
          ? { file: 'attachment_too_large' }
          : {};
    form.send(
      checked,
      () => addAttachment(props.callId, props.revision, file as File),
      () => texts.files.saved(file?.name ?? ''),
    );
  };
  const remove = (id: string, name: string) =>
    form.send(
      {},
      () => removeAttachment(props.callId, id, props.revision),
      () => texts.files.removed(name),
    );
  const error = form.errorOf('file');
  return (
    <FormSection
      id="files"
      title={texts.files.title}
      form={form}
      before={
        attachments.length === 0 ? (
          <p>{texts.files.none}</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
          <section class="table-scroll" aria-label={texts.files.list} tabIndex={0}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{texts.files.name}</th>
                  <th scope="col">{texts.files.size}</th>
                  <th scope="col">{texts.files.addedAt}</th>
                  <th scope="col">{texts.files.actions}</th>
                </tr>
              </thead>
              <tbody>
                {attachments.map((attachment) => (
                  <tr key={attachment.id}>
                    <td>
                      <a
                        href={`/api/calls/${encodeURIComponent(props.callId)}/attachments/${encodeURIComponent(attachment.id)}`}
                        download
                      >
                        {attachment.name}
                      </a>
                    </td>
                    <td>{texts.files.sizeOf(attachment.size)}</td>
                    <td>{formatWarsaw(attachment.addedAt, t.locale)}</td>
                    <td>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        aria-label={texts.files.remove(attachment.name)}
                        onClick={() => remove(attachment.id, attachment.name)}
                      >
                        {texts.files.removeShort}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      }
      onSubmit={submit}
      submit={texts.files.submit}
    >
      <Group error={error}>
        <FieldLabel id="f-file" label={texts.files.file} hint={texts.files.fileHint} error={error} />
        <input
          class={error ? 'file-upload file-upload--error' : 'file-upload'}
          id="f-file"
          name="file"
          type="file"
          accept=".pdf,.docx,.odt"
          aria-describedby={describedBy('f-file-hint', error && 'f-file-error')}
          aria-invalid={error ? true : undefined}
        />
      </Group>
    </FormSection>
  );
}
