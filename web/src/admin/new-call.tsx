import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CARD_FORM_VERSION } from '../../../shared/card-form-version.ts';
import { GMINA_KINDS } from '../../../shared/gmina-kinds.ts';
import type { TAdminProgramme, TCreateCallRequest } from '../../../shared/schemas/admin.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import type { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { listProgrammes } from './api.ts';
import { Boxes, describedBy, FieldLabel, Group, WallClock } from './call-fields.tsx';
import { announceCall, keepAnnouncedOverlaps } from './call-life-api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { type AdminTexts, useAdminTexts } from './texts.ts';

/**
 * /admin/nabory/nowy — a ROPS announces a nabór, opening and closing in Warsaw time. The API checks it with
 * the shared contract and names each field; no zod here, as sharing it splits the card form's chunk.
 */
export function NewCall() {
  const texts = useAdminTexts();
  const [programmes, retry] = useResource('admin:programmes', (signal) => listProgrammes(signal));
  const signingIn = useSignInWhenSignedOut(programmes.status === 'error' ? programmes.error : undefined);
  if (programmes.status !== 'ready') {
    return (
      <Titled title={texts.newCall.title}>
        <LoadingOrFailed
          heading={texts.newCall.title}
          loading={texts.panel.loading}
          failed={texts.panel.loadFailed}
          error={programmes.status === 'error' ? programmes.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  if (programmes.data.length === 0) {
    return (
      <Titled title={texts.newCall.title}>
        <UserBar />
        <h1>{texts.newCall.title}</h1>
        <p>{texts.newCall.noProgrammes}</p>
        <p>
          <a href="/admin">{texts.newCall.backToList}</a>
        </p>
      </Titled>
    );
  }
  return <NewCallForm programmes={programmes.data} />;
}

/** The fields in the order of the form, which is the order of the error summary. */
const FIELDS = ['title', 'programmeId', 'wojewodztwa', 'gminaKinds', 'opensAt', 'closesAt', 'rules'] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

const RULES_MAX = 10_000;

/** The element an error links to: the field itself, or the first box of a group. */
function anchorOf(field: FieldName, programme: TAdminProgramme | undefined): string {
  if (field === 'wojewodztwa') return `f-call-woj-${programme?.wojewodztwa[0] ?? ''}`;
  if (field === 'gminaKinds') return `f-call-kind-${GMINA_KINDS[0]}`;
  if (field === 'opensAt' || field === 'closesAt') return `f-call-${field}-date`;
  return `f-call-${field}`;
}

/** Field errors by field, from the contract's (or the API's) dotted paths: "wojewodztwa.1" is the group's. */
function byField(fields: Readonly<Record<string, string>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, key] of Object.entries(fields)) {
    const field = path.split('.')[0] as FieldName;
    if ((FIELDS as readonly string[]).includes(field)) errors[field] ??= key;
  }
  return errors;
}

function messageOf(texts: AdminTexts, field: FieldName, key: string): string {
  const messages: Record<string, string> = texts.newCall.errors[field];
  return messages[key] ?? (messages._ as string);
}

/** What the form holds, as the contract takes it: an empty text is a missing value ("required"). */
function entryOf(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = String(data.get(name) ?? '').trim();
    return value === '' ? undefined : value;
  };
  // A date input holds "" until its date is whole; one half given makes a malformed time, not a missing one.
  const wallClock = (name: string) => {
    const date = text(`${name}Date`);
    const time = text(`${name}Time`);
    return date === undefined && time === undefined ? undefined : `${date ?? ''}T${time ?? ''}`;
  };
  return {
    programmeId: text('programmeId'),
    title: text('title'),
    wojewodztwa: data.getAll('wojewodztwa').map(String),
    gminaKinds: data.getAll('gminaKinds').map(String),
    opensAt: wallClock('opensAt'),
    closesAt: wallClock('closesAt'),
    formVersion: CARD_FORM_VERSION,
    rules: String(data.get('rules') ?? ''),
  };
}

/*
 * What was typed, kept until the call is stored: a session that ends while the form is being filled in
 * sends the coordinator to sign in (the e-mailed link opens a new tab) and back here, where the form is as
 * they left it. localStorage, so the link's tab has it too; nothing in it is secret (a call is public).
 */
const TYPED_KEY = 'kooperacja:admin-new-call';

type Typed = Partial<Record<'title' | 'programmeId' | 'opensAt' | 'closesAt' | 'rules', string>> & {
  wojewodztwa?: string[];
  gminaKinds?: string[];
};

function keepTyped(entry: Record<string, unknown>): void {
  try {
    localStorage.setItem(TYPED_KEY, JSON.stringify(entry));
  } catch {
    // Storage off: the form starts empty after signing in again.
  }
}

function typedBefore(): Typed {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(TYPED_KEY) ?? '{}');
    return saved && typeof saved === 'object' ? (saved as Typed) : {};
  } catch {
    return {};
  }
}

function forgetTyped(): void {
  try {
    localStorage.removeItem(TYPED_KEY);
  } catch {
    // Nothing was kept.
  }
}

const typedText = (value: unknown) => (typeof value === 'string' ? value : undefined);
const typedList = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);

interface FormState {
  errors: FieldErrors;
  /** A new value for every verdict, so the summary takes the focus again even for the same errors. */
  verdict: number;
  busy?: boolean;
  failure?: ApiError;
}

function NewCallForm(props: { programmes: TAdminProgramme[] }) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const [state, setState] = useState<FormState>({ errors: {}, verdict: 0 });
  const [typed] = useState(typedBefore);
  const [programmeId, setProgrammeId] = useState(
    props.programmes.find((item) => item.id === typed.programmeId)?.id ?? props.programmes[0]?.id ?? '',
  );
  const [rules, setRules] = useState(typedText(typed.rules) ?? '');
  const programme = props.programmes.find((item) => item.id === programmeId);
  useSignInWhenSignedOut(state.failure);
  const failureRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (state.failure) failureRef.current?.focus();
  }, [state.failure]);

  const { errors } = state;
  const summary = FIELDS.flatMap((field) => {
    const key = errors[field];
    return key ? [{ href: `#${anchorOf(field, programme)}`, text: messageOf(texts, field, key) }] : [];
  });
  const errorOf = (field: FieldName) => {
    const key = errors[field];
    return key ? messageOf(texts, field, key) : undefined;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (state.busy) return;
    // Missing values stay out of the JSON; the API names them as required.
    const entry = entryOf(event.currentTarget as HTMLFormElement) as TCreateCallRequest;
    keepTyped(entry);
    setState({ errors: {}, verdict: state.verdict, busy: true });
    announceCall(entry).then(
      (call) => {
        forgetTyped();
        // Shown on the list the form goes to: calls of the programme overlapping this one (a warning).
        keepAnnouncedOverlaps(call.id, call.overlaps ?? []);
        route(
          `/admin?${new URLSearchParams({ nabor: call.id, woj: call.wojewodztwa[0] ?? '', ogloszono: '1' })}`,
        );
      },
      (error: ApiError) => {
        const fields =
          error.code === 'FORBIDDEN'
            ? { wojewodztwa: 'forbidden' }
            : error.code === 'VALIDATION_FAILED'
              ? byField(error.fields ?? {})
              : {};
        const known = Object.keys(fields).length > 0;
        setState({ errors: fields, verdict: state.verdict + 1, ...(known ? {} : { failure: error }) });
      },
    );
  };

  const title = summary.length > 0 ? `${texts.errorPrefix} ${texts.newCall.title}` : texts.newCall.title;
  return (
    <Titled title={title}>
      <UserBar />
      <p>
        <a class="back-link" href="/admin">
          {texts.newCall.backToList}
        </a>
      </p>
      <ErrorSummary title={texts.newCall.errorSummary} errors={summary} verdict={state.verdict} />
      {state.failure && state.failure.code !== 'SESSION_REQUIRED' ? (
        <div tabIndex={-1} ref={failureRef}>
          <ErrorNotice
            title={texts.newCall.failed}
            error={state.failure}
            onRetry={() => setState({ errors: {}, verdict: state.verdict })}
          />
        </div>
      ) : null}
      <h1>{texts.newCall.title}</h1>
      <p>{texts.newCall.intro}</p>
      <form method="post" action="/admin/nabory/nowy" noValidate onSubmit={submit}>
        <TextField
          name="title"
          label={texts.newCall.callTitle}
          error={errorOf('title')}
          value={typedText(typed.title)}
        />
        <Group error={errorOf('programmeId')}>
          <FieldLabel
            id="f-call-programmeId"
            label={texts.newCall.programme}
            error={errorOf('programmeId')}
          />
          <select
            class="select"
            id="f-call-programmeId"
            name="programmeId"
            value={programmeId}
            onChange={(event) => setProgrammeId(event.currentTarget.value)}
            aria-describedby={errorOf('programmeId') ? 'f-call-programmeId-error' : undefined}
          >
            {props.programmes.map((item) => (
              // Programmes are named in Polish whatever the panel's language.
              <option key={item.id} value={item.id} lang="pl">
                {item.name}
              </option>
            ))}
          </select>
        </Group>
        <Boxes
          name="wojewodztwa"
          idPrefix="f-call-woj"
          legend={texts.newCall.wojewodztwa}
          hint={texts.newCall.wojewodztwaHint}
          error={errorOf('wojewodztwa')}
          options={(programme?.wojewodztwa ?? []).map((code) => [code, wojewodztwoName(t, code)])}
          // A coordinator of one voivodeship has one to choose: chosen already, unless they unticked it.
          checked={
            typed.wojewodztwa === undefined && programme?.wojewodztwa.length === 1
              ? programme.wojewodztwa
              : typedList(typed.wojewodztwa)
          }
          key={programmeId}
        />
        <Boxes
          name="gminaKinds"
          idPrefix="f-call-kind"
          legend={texts.newCall.gminaKinds}
          error={errorOf('gminaKinds')}
          options={GMINA_KINDS.map((kind) => [kind, texts.kinds[kind]])}
          checked={typedList(typed.gminaKinds)}
        />
        <WallClock
          base="f-call-opensAt"
          name="opensAt"
          legend={texts.newCall.opensAt}
          hint={texts.newCall.opensAtHint}
          error={errorOf('opensAt')}
          value={typedText(typed.opensAt)}
        />
        <WallClock
          base="f-call-closesAt"
          name="closesAt"
          legend={texts.newCall.closesAt}
          hint={texts.newCall.closesAtHint}
          error={errorOf('closesAt')}
          value={typedText(typed.closesAt)}
        />
        <Group error={errorOf('rules')}>
          <FieldLabel
            id="f-call-rules"
            label={texts.newCall.rules}
            hint={texts.newCall.rulesHint}
            error={errorOf('rules')}
          />
          <textarea
            class={errorOf('rules') ? 'textarea textarea--error' : 'textarea'}
            id="f-call-rules"
            name="rules"
            rows={8}
            aria-describedby={describedBy(
              'f-call-rules-hint',
              'f-call-rules-limit',
              errorOf('rules') && 'f-call-rules-error',
            )}
            aria-invalid={errorOf('rules') ? true : undefined}
            defaultValue={typedText(typed.rules)}
            onInput={(event) => setRules(event.currentTarget.value)}
          />
          <CharacterCount id="f-call-rules-limit" max={RULES_MAX} text={rules} />
        </Group>
        <p class="hint">{texts.newCall.formVersion(CARD_FORM_VERSION)}</p>
        <p role="status" class="visually-hidden">
          {state.busy ? texts.newCall.sending : ''}
        </p>
        <button type="submit" class="button" aria-disabled={state.busy ? true : undefined}>
          {state.busy ? texts.newCall.sending : texts.newCall.submit}
        </button>
      </form>
    </Titled>
  );
}

function TextField(props: {
  name: FieldName;
  label: string;
  hint?: string;
  error: string | undefined;
  /** What was typed before a sign-in, if anything. */
  value?: string | undefined;
}) {
  const id = `f-call-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <Group error={props.error}>
      <FieldLabel id={id} label={props.label} hint={props.hint} error={props.error} />
      <input
        class={`input${props.error ? ' input--error' : ''}`}
        id={id}
        name={props.name}
        type="text"
        autoComplete="off"
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={props.error ? true : undefined}
        defaultValue={props.value}
      />
    </Group>
  );
}

// A copy of card/fields.tsx's character count: shared from components/, it was a chunk of its own, a
// file more and +0.38 KB gzipped on the card form's route.
function CharacterCount(props: { id: string; max: number; text: string }) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const format = new Intl.NumberFormat(t.locale, { useGrouping: 'always' } as Intl.NumberFormatOptions)
    .format;
  // shared/text.ts's textLength, as the contract counts; imported here, that module left the form's
  // chunk for one of its own (+0.13 KB gzipped, a file more).
  const left = props.max - [...props.text.normalize('NFC').trim()].length;
  const status = texts.newCall.charsLeft(left, format(Math.abs(left)));
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (props.text === '') return;
    const timer = setTimeout(() => setSaid(status), 1000);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <>
      <p class="visually-hidden" id={props.id}>
        {texts.newCall.charLimit(format(props.max))}
      </p>
      <p class={left < 0 ? 'char-count char-count--over' : 'char-count'} aria-hidden="true">
        {status}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
    </>
  );
}
