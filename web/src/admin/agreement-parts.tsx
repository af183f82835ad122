import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AgreementKind, AgreementPdf, PartyRole } from '../../../shared/schemas/agreements.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import type { ApiError } from '../lib/api.ts';
import { type Agreement, agreementPdfHref, generateAgreement } from './agreement-api.ts';
import { type AgreementTexts, useAgreementTexts } from './agreement-texts.ts';
import { ErrorSummary } from './error-summary.tsx';
import { describedBy, FieldError, Group, useWrite, type WriteState } from './review-form.tsx';

/**
 * What the agreements' two screens share: where an agreement stands in words, its fields and error summary
 * (the review's write machinery with the agreements' own messages), the failure of a write (a 409 offers to
 * read the agreement again), the PDF downloads and the form that prepares an agreement from a selected card.
 */

export const SIGNING_ORDER: readonly PartyRole[] = ['gmina', 'powiat', 'wojewodztwo'];
/** The API's largest upload; checked here first, so a scan too large is not sent at all. */
export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

/*
 * Warsaw days, done here rather than with shared/time.ts: the panel importing more of that module moved
 * its functions into the chunk the card form's pages share with the panel (+0.9 KB on the gmina's pages).
 */
const warsawParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Warsaw',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Warsaw's clock is ahead of UTC at `instant` (60 or 120). */
function warsawOffset(instant: number): number {
  const part = Object.fromEntries(warsawParts.formatToParts(instant).map((each) => [each.type, each.value]));
  const wall = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
    Number(part.second),
  );
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The last second of a Warsaw calendar day ("2026-12-31") as an ISO instant. */
export function endOfWarsawDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59);
  // Clocks change at 02:00–03:00, never near midnight: one offset holds for the evening and the guess.
  return new Date(wall - warsawOffset(wall - warsawOffset(wall) * 60_000) * 60_000).toISOString();
}

/** Today's Warsaw calendar day, "YYYY-MM-DD". */
export function warsawToday(): string {
  const now = Date.now();
  return new Date(now + warsawOffset(now) * 60_000).toISOString().slice(0, 10);
}

export function messageOf(texts: AgreementTexts, key: string): string {
  return texts.fieldErrors[key] ?? texts.fieldErrors.invalid ?? key;
}

/** The party whose turn it is while signing: the first, in the signing order, that has not signed. */
export function turnOf(agreement: Agreement): Agreement['parties'][number] | undefined {
  return agreement.status === 'signing'
    ? agreement.parties.find((party) => party.status !== 'signed')
    : undefined;
}

/** "w trakcie podpisywania (kolej: Gmina Oksa)": the agreement's state, and whose turn it is. */
export function AgreementState(props: { agreement: Agreement }) {
  const texts = useAgreementTexts();
  const { agreement } = props;
  const turn = turnOf(agreement);
  return (
    <>
      <strong>{texts.statuses[agreement.status]}</strong>
      {turn ? ` (${texts.turnOf(turn.name)})` : null}
    </>
  );
}

/** A party's step in words; "not sent" while the agreement is a draft; an overdue step is tagged. */
export function PartyState(props: { agreement: Agreement; party: Agreement['parties'][number] }) {
  const texts = useAgreementTexts();
  const { agreement, party } = props;
  const words =
    agreement.status === 'draft' && party.status === 'waiting'
      ? texts.draftParty
      : texts.partyStatuses[party.status];
  return (
    <>
      {words}
      {party.status === 'signed' && party.method ? ` (${texts.methods[party.method] ?? party.method})` : null}
      {party.overdue ? (
        <>
          {' '}
          <strong class="tag tag--overdue">{texts.overdue}</strong>
        </>
      ) : null}
    </>
  );
}

/** The summary of one form: each error a link to its field, in the order of `ids`. */
export function AgreementErrors(props: { state: WriteState; ids: readonly string[] }) {
  const texts = useAgreementTexts();
  const errors = props.ids.flatMap((id) => {
    const key = props.state.errors[id];
    return key ? [{ href: `#${id}`, text: messageOf(texts, key) }] : [];
  });
  return <ErrorSummary title={texts.errorSummary} errors={errors} verdict={props.state.verdict} />;
}

/** A labelled input or text area with its hint and error, GOV.UK style. */
export function Field(props: {
  id: string;
  label: ComponentChildren;
  hint?: string | undefined;
  error: string | undefined;
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  width?: 'short' | 'medium';
  type?: 'text' | 'email';
  autoComplete?: string;
}) {
  const texts = useAgreementTexts();
  const hintId = props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.error ? `${props.id}-error` : undefined;
  const common = {
    id: props.id,
    name: props.id,
    value: props.value,
    'aria-describedby': describedBy(hintId, errorId),
    'aria-invalid': props.error ? true : undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Group error={props.error}>
      <label class="label" for={props.id}>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${props.id}-error`} text={props.error ? messageOf(texts, props.error) : undefined} />
      {props.multiline ? (
        <textarea
          {...common}
          class={props.error ? 'textarea textarea--error' : 'textarea'}
          rows={props.rows ?? 4}
          lang="pl"
        />
      ) : (
        <input
          {...common}
          class={`input${props.width ? ` input--${props.width}` : ''}${props.error ? ' input--error' : ''}`}
          // A union of literals here trips Preact's input types (a text input may take a list).
          type={(props.type ?? 'text') as 'text'}
          autoComplete={props.autoComplete ?? 'off'}
          spellcheck={props.type === 'email' ? false : undefined}
        />
      )}
    </Group>
  );
}

/** Codes that say the screen's agreement is not the stored one any more: read it again. */
const STALE = new Set(['CONFLICT', 'AGREEMENT_STATE', 'ALREADY_SIGNED', 'DOCUMENT_CHANGED', 'NOT_FOUND']);

/**
 * A write that failed as a whole, focused when it appears: a conflict or a state that no longer allows the
 * step (with the reload), or the generic failure with a retry where one may help.
 */
export function AgreementFailure(props: {
  failure: ApiError | undefined;
  onReload: () => void;
  onRetry: () => void;
}) {
  const texts = useAgreementTexts();
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (props.failure) ref.current?.focus();
  }, [props.failure]);
  const { failure } = props;
  if (!failure || failure.code === 'SESSION_REQUIRED') return null;
  return (
    <div tabIndex={-1} ref={ref} class="review-failure">
      {STALE.has(failure.code) ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.saveFailed}</p>
          <p>{failure.code === 'CONFLICT' ? texts.conflict : texts.stale}</p>
          <button type="button" class="button button--secondary" onClick={props.onReload}>
            {texts.reload}
          </button>
        </div>
      ) : (
        <ErrorNotice title={texts.saveFailed} error={failure} onRetry={props.onRetry} />
      )}
    </div>
  );
}

/**
 * A link to one of the agreement's PDFs. The API checks access and the file's SHA-256 before it answers
 * (a changed file is never handed over) and sends one over 4 MiB from the bucket by a short-lived link, as
 * a card's scan; the page shows each file's SHA-256 beside it to compare.
 */
export function DownloadPdf(props: {
  agreement: Pick<Agreement, 'callId' | 'teryt'>;
  which: AgreementPdf;
  party?: PartyRole;
  label: string;
}) {
  return (
    <p class="agreement-download">
      {/* A download, not a page: the router leaves it to the browser. */}
      <a
        class="button button--secondary"
        href={agreementPdfHref(props.agreement.callId, props.agreement.teryt, props.which, props.party)}
        download
      >
        {props.label}
      </a>
    </p>
  );
}

/**
 * Prepares the agreement from a selected card. The number of parties is the call's or programme's when
 * either sets it (`kind`); otherwise the coordinator chooses it in `choice` (the list's, or this form's).
 */
export function useGenerate(props: {
  callId: string;
  kind: AgreementKind | undefined;
  onDone: (agreement: Agreement) => void;
}) {
  const write = useWrite();
  const [chosen, setChosen] = useState<AgreementKind | undefined>();
  return {
    write,
    chosen,
    setChosen,
    generate(teryt: string) {
      if (!props.kind && !chosen) return write.refuse({ 'f-kind-two-party': 'kind_required' });
      write.send(
        () => generateAgreement(props.callId, teryt, props.kind ? undefined : chosen),
        props.onDone,
        (path) => (path === 'kind' ? 'f-kind-two-party' : undefined),
      );
    },
  };
}

/** The two-or-three-party choice, when neither the call nor the programme sets it. */
export function KindChoice(props: {
  kind: AgreementKind | undefined;
  chosen: AgreementKind | undefined;
  onChoose: (kind: AgreementKind) => void;
  error: string | undefined;
}) {
  const texts = useAgreementTexts();
  if (props.kind) return <p>{texts.kindSet(texts.kinds[props.kind])}</p>;
  const errorId = props.error ? 'f-kind-error' : undefined;
  return (
    <Group error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy('f-kind-hint', errorId)}>
        <legend class="fieldset__legend fieldset__legend--s">{texts.kind}</legend>
        <p class="hint" id="f-kind-hint">
          {texts.kindHint}
        </p>
        <FieldError id="f-kind-error" text={props.error ? messageOf(texts, props.error) : undefined} />
        <div class="choices">
          {(['two-party', 'three-party'] as const).map((kind) => (
            <div class="choice" key={kind}>
              <input
                class="choice__input"
                type="radio"
                name="kind"
                id={`f-kind-${kind}`}
                value={kind}
                checked={props.chosen === kind}
                onChange={() => props.onChoose(kind)}
              />
              <label class="choice__label" for={`f-kind-${kind}`}>
                {texts.kinds[kind]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </Group>
  );
}
