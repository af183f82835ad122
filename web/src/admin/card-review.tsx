import { useState } from 'preact/hooks';
import { nextStatus, type ReviewStatus } from '../../../shared/review/statuses.ts';
import type { TCallRules } from '../../../shared/schemas/review.ts';
import { WarsawTime } from '../components/warsaw-time.tsx';
import { useI18n } from '../lib/i18n.ts';
import { type AdminCardView, addNote, decideCard, formalCheck, requestCorrection, scoreCard } from './api.ts';
import {
  describedBy,
  FieldError,
  type FieldErrors,
  FormErrors,
  Group,
  messageFor,
  parseDay,
  parseNumber,
  TextField,
  useWrite,
  WriteFailure,
} from './review-form.tsx';
import { DECISION_ACTIONS, FORMAL_CHECK_ITEMS } from './review-steps.ts';
import { useReviewTexts } from './review-texts.ts';

/**
 * The review part of a card's screen: status, warnings, the formal check, a correction request, notes, the
 * score with its reasons, the decisions the status allows, the history and the changes between versions.
 * Every write sends the revision this screen read; `onSaved` reads the card again and says what was saved.
 */
export interface ReviewProps {
  view: AdminCardView;
  rules: TCallRules;
  onSaved: (what: string) => void;
  onReload: () => void;
}

type Review = AdminCardView['review'];

const points = (value: number, locale: string) => new Intl.NumberFormat(locale).format(value);

export function CardReview(props: ReviewProps) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const { review } = props.view;
  const status = review.status as ReviewStatus;
  const may = (action: Parameters<typeof nextStatus>[1]) => nextStatus(status, action) !== undefined;
  return (
    <section aria-labelledby="review-heading" class="review">
      <h2 id="review-heading">{texts.card.review}</h2>
      <dl class="facts">
        <div class="facts__row">
          <dt>{texts.card.status}</dt>
          <dd>
            <strong class="tag">{texts.statuses[status] ?? status}</strong>
          </dd>
        </div>
      </dl>
      {review.correction && status === 'needs_correction' ? (
        <div class="notice">
          <p class="notice__title">{texts.card.openCorrection}</p>
          <p class="pre-line" lang="pl">
            {review.correction.what}
          </p>
          <p>
            {texts.card.correctionDue}: <WarsawTime instant={review.correction.until} />
          </p>
          <p>{texts.card.correctionBy(review.correction.requestedBy)}</p>
        </div>
      ) : null}
      {review.warnings.length > 0 ? (
        <div class="notice review-warnings">
          <h3 class="notice__title">{texts.card.warnings}</h3>
          <p>{texts.card.warningsIntro}</p>
          <ul lang="pl">
            {review.warnings.map((warning) => (
              <li key={warning.code + warning.message}>{warning.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h3 id="formal-heading">{texts.card.formal}</h3>
      {may('pass_formal') || may('reject_formally') ? (
        <FormalCheck key={`check-${review.revision}`} {...props} />
      ) : (
        <Checklist review={review} />
      )}
      {may('request_correction') ? <Correction key={`correction-${review.revision}`} {...props} /> : null}

      <h3 id="score-heading">{texts.card.score}</h3>
      <ScoreTable review={review} locale={t.locale} />
      {may('score') ? (
        <ScoreForm key={`score-${review.revision}`} {...props} />
      ) : (
        <p class="hint">{texts.card.scoreLocked}</p>
      )}

      <h3 id="decision-heading">{texts.card.decision}</h3>
      <Decision key={`decision-${review.revision}`} {...props} />

      <Notes key={`notes-${review.notes.length}`} {...props} />
      <Audit review={review} />
      <Changes review={review} />
    </section>
  );
}

/** The checklist as ticked, read only (after the check, or on a card no longer in it). */
function Checklist(props: { review: Review }) {
  const texts = useReviewTexts();
  const checked = props.review.checklist.some((item) => item.ok !== undefined);
  if (!checked) return <p>{texts.card.unchecked}</p>;
  return (
    <dl class="summary">
      {props.review.checklist.map((item) => (
        <div class="summary__row" key={item.id}>
          <dt class="summary__key">{texts.checklist[item.id as keyof typeof texts.checklist] ?? item.id}</dt>
          <dd class="summary__value">
            {item.ok === undefined
              ? texts.card.unchecked
              : item.ok
                ? texts.card.checkedOk
                : texts.card.checkedNot}
            {item.reason ? (
              <span class="pre-line" lang="pl">
                {' – '}
                {item.reason}
              </span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FormalCheck(props: ReviewProps) {
  const texts = useReviewTexts();
  const { view } = props;
  const write = useWrite();
  const [answers, setAnswers] = useState<Record<string, { ok?: boolean; reason: string }>>(() =>
    Object.fromEntries(
      view.review.checklist.map((item) => [
        item.id,
        { ...(item.ok === undefined ? {} : { ok: item.ok }), reason: item.reason ?? '' },
      ]),
    ),
  );
  const ids = FORMAL_CHECK_ITEMS.flatMap((id) => [`f-check-${id}-yes`, `f-check-${id}-reason`]);
  const ids_ = [...ids, 'f-check-outcome'];
  const set = (id: string, change: { ok?: boolean; reason?: string }) =>
    setAnswers((old) => ({ ...old, [id]: { reason: '', ...old[id], ...change } }));

  const submit = (outcome: 'pass' | 'reject') => {
    const errors: FieldErrors = {};
    for (const id of FORMAL_CHECK_ITEMS) {
      const answer = answers[id];
      if (answer?.ok === undefined) errors[`f-check-${id}-yes`] = 'required';
      else if (!answer.ok && !answer.reason.trim()) errors[`f-check-${id}-reason`] = 'reason_required';
    }
    const items = FORMAL_CHECK_ITEMS.map((id) => ({
      id,
      ok: answers[id]?.ok === true,
      reason: answers[id]?.reason.trim() ?? '',
    }));
    if (Object.keys(errors).length === 0) {
      if (outcome === 'pass' && items.some((item) => !item.ok))
        errors['f-check-outcome'] = 'checklist_failed';
      if (outcome === 'reject' && items.every((item) => item.ok))
        errors['f-check-outcome'] = 'checklist_passed';
    }
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () =>
        formalCheck(view.callId, view.teryt, {
          revision: view.review.revision,
          outcome,
          items: items.map((item) => (item.ok ? { id: item.id, ok: true } : item)),
        }),
      () => props.onSaved(texts.actions[outcome === 'pass' ? 'pass_formal' : 'reject_formally'] ?? outcome),
      (path) => {
        const match = /^items\.(\d+)\.(ok|reason)/.exec(path);
        if (match)
          return `f-check-${FORMAL_CHECK_ITEMS[Number(match[1])]}-${match[2] === 'ok' ? 'yes' : 'reason'}`;
        return 'f-check-outcome';
      },
    );
  };
  const { errors } = write.state;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
        submit(submitter?.value === 'reject' ? 'reject' : 'pass');
      }}
    >
      <FormErrors state={write.state} ids={ids_} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
      />
      <p>{texts.card.formalIntro}</p>
      {FORMAL_CHECK_ITEMS.map((id) => {
        const answer = answers[id];
        const error = errors[`f-check-${id}-yes`];
        const reasonError = errors[`f-check-${id}-reason`];
        return (
          <Group key={id} error={error ?? reasonError}>
            <fieldset class="fieldset" aria-describedby={error ? `f-check-${id}-yes-error` : undefined}>
              <legend class="fieldset__legend fieldset__legend--s">{texts.checklist[id]}</legend>
              <FieldError
                id={`f-check-${id}-yes-error`}
                text={error ? messageFor(texts, error) : undefined}
              />
              <div class="choices choices--inline">
                <div class="choice">
                  <input
                    class="choice__input"
                    type="radio"
                    id={`f-check-${id}-yes`}
                    name={`check-${id}`}
                    checked={answer?.ok === true}
                    onChange={() => set(id, { ok: true })}
                  />
                  <label class="choice__label" for={`f-check-${id}-yes`}>
                    {texts.card.itemMet}
                  </label>
                </div>
                <div class="choice">
                  <input
                    class="choice__input"
                    type="radio"
                    id={`f-check-${id}-no`}
                    name={`check-${id}`}
                    checked={answer?.ok === false}
                    onChange={() => set(id, { ok: false })}
                  />
                  <label class="choice__label" for={`f-check-${id}-no`}>
                    {texts.card.itemNotMet}
                  </label>
                </div>
              </div>
              {answer?.ok === false ? (
                <div class="conditional">
                  <TextField
                    id={`f-check-${id}-reason`}
                    name={`reason-${id}`}
                    label={texts.card.itemReason}
                    error={reasonError}
                    multiline
                    rows={2}
                    value={answer.reason}
                    onInput={(reason) => set(id, { reason })}
                  />
                </div>
              ) : null}
            </fieldset>
          </Group>
        );
      })}
      <FieldError
        id="f-check-outcome-error"
        text={errors['f-check-outcome'] ? messageFor(texts, errors['f-check-outcome']) : undefined}
      />
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <div class="button-group" id="f-check-outcome" tabIndex={-1}>
        <button
          type="submit"
          class="button"
          name="outcome"
          value="pass"
          aria-disabled={write.state.busy ? true : undefined}
        >
          {texts.card.pass}
        </button>
        <button
          type="submit"
          class="button button--warning"
          name="outcome"
          value="reject"
          aria-disabled={write.state.busy ? true : undefined}
        >
          {texts.card.reject}
        </button>
      </div>
    </form>
  );
}

function Correction(props: ReviewProps) {
  const texts = useReviewTexts();
  const { view } = props;
  const write = useWrite();
  const [what, setWhat] = useState('');
  const [until, setUntil] = useState('');
  const ids = ['f-correction-what', 'f-correction-until'];
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!what.trim()) errors['f-correction-what'] = 'required';
    const day = parseDay(until);
    if (!day) errors['f-correction-until'] = until.trim() ? 'date' : 'required';
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () =>
        requestCorrection(view.callId, view.teryt, {
          revision: view.review.revision,
          what: what.trim(),
          until: day ?? '',
        }),
      () => props.onSaved(texts.card.correction),
      (path) =>
        path.startsWith('until')
          ? 'f-correction-until'
          : path.startsWith('what')
            ? 'f-correction-what'
            : undefined,
    );
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="correction-heading">
      <h4 id="correction-heading">{texts.card.correction}</h4>
      <FormErrors state={write.state} ids={ids} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
      />
      <p>{texts.card.correctionIntro}</p>
      <TextField
        id="f-correction-what"
        name="what"
        label={texts.card.correctionWhat}
        error={write.state.errors['f-correction-what']}
        multiline
        value={what}
        onInput={setWhat}
      />
      <TextField
        id="f-correction-until"
        name="until"
        label={texts.card.correctionUntil}
        hint={texts.card.correctionUntilHint}
        error={write.state.errors['f-correction-until']}
        value={until}
        onInput={setUntil}
        width="medium"
      />
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <button
        type="submit"
        class="button button--secondary"
        aria-disabled={write.state.busy ? true : undefined}
      >
        {texts.card.requestCorrection}
      </button>
    </form>
  );
}

/** Every criterion with what gave its points: the card's figure, its year and source, and the rule. */
function ScoreTable(props: { review: Review; locale: string }) {
  const texts = useReviewTexts();
  const { score } = props.review;
  const format = (value: number) => points(value, props.locale);
  return (
    <>
      <p>{texts.card.ruleSetVersion(score.ruleSetVersion)}</p>
      <div class="table-scroll">
        <table class="table" aria-labelledby="score-heading">
          <thead>
            <tr>
              <th scope="col">{texts.card.criterion}</th>
              <th scope="col">{texts.card.input}</th>
              <th scope="col">{texts.card.rule}</th>
              <th scope="col">{texts.card.points}</th>
            </tr>
          </thead>
          <tbody lang="pl">
            {score.criteria.map((criterion) => (
              <tr key={criterion.id}>
                <th scope="row">{criterion.label}</th>
                <td>
                  {criterion.input ? (
                    <>
                      {format(criterion.input.value)} {criterion.input.unit}
                      {criterion.input.year !== undefined ? (
                        <>
                          <br />
                          {texts.card.year}: {criterion.input.year}
                        </>
                      ) : null}
                      <br />
                      {texts.card.source}: {criterion.input.source}
                    </>
                  ) : criterion.justification ? (
                    <span class="pre-line">
                      {texts.card.justification}: {criterion.justification}
                    </span>
                  ) : null}
                </td>
                <td>{criterion.rule}</td>
                <td class="table__number">
                  {texts.card.of(format(criterion.points), format(criterion.maxPoints))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {texts.card.total}
              </th>
              <td class="table__number">
                <strong>{texts.card.of(format(score.total), format(score.maxTotal))}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {score.missing.length > 0 ? (
        <p class="warning-text">{texts.card.missing(score.missing.length)}</p>
      ) : null}
    </>
  );
}

function ScoreForm(props: ReviewProps) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const { view } = props;
  const criteria = props.rules.rules.criteria.filter((criterion) => criterion.kind !== 'computed');
  const given = Object.fromEntries(view.review.score.criteria.map((criterion) => [criterion.id, criterion]));
  const write = useWrite();
  const [typed, setTyped] = useState<Record<string, { points: string; justification: string }>>(() =>
    Object.fromEntries(
      criteria.map((criterion) => {
        const earlier = given[criterion.id];
        const has = earlier?.justification !== undefined;
        return [
          criterion.id,
          {
            points: has ? String(earlier?.points ?? '').replace('.', ',') : '',
            justification: earlier?.justification ?? '',
          },
        ];
      }),
    ),
  );
  const set = (id: string, change: { points?: string; justification?: string }) =>
    setTyped((old) => ({ ...old, [id]: { points: '', justification: '', ...old[id], ...change } }));
  const ids = criteria.flatMap((criterion) => [
    `f-score-${criterion.id}-points`,
    `f-score-${criterion.id}-why`,
  ]);
  if (criteria.length === 0) return null;

  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const manual: Record<string, { points: number; justification: string }> = {};
    for (const criterion of criteria) {
      const entry = typed[criterion.id] ?? { points: '', justification: '' };
      const value = parseNumber(entry.points);
      // Criteria left wholly empty are left for later (the card stays unranked until they are scored).
      if (!entry.points.trim() && !entry.justification.trim()) continue;
      const max = criterion.kind === 'manual' ? (criterion.maxPoints ?? 0) : (criterion.points ?? 0);
      if (value === undefined)
        errors[`f-score-${criterion.id}-points`] = entry.points.trim() ? 'invalid' : 'required';
      else if (value < 0 || value > max) errors[`f-score-${criterion.id}-points`] = 'out_of_range';
      if (!entry.justification.trim()) errors[`f-score-${criterion.id}-why`] = 'required';
      if (value !== undefined)
        manual[criterion.id] = { points: value, justification: entry.justification.trim() };
    }
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () => scoreCard(view.callId, view.teryt, { revision: view.review.revision, manual }),
      () => props.onSaved(texts.card.score),
      (path) => {
        const match = /^manual\.([a-z0-9-]+)(?:\.(points|justification))?/.exec(path);
        if (!match) return undefined;
        return `f-score-${match[1]}-${match[2] === 'justification' ? 'why' : 'points'}`;
      },
    );
  };
  const format = (value: number) => points(value, t.locale);
  return (
    <form noValidate onSubmit={submit} aria-labelledby="score-form-heading">
      <h4 id="score-form-heading">{texts.card.manual}</h4>
      <FormErrors state={write.state} ids={ids} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
      />
      <p>{texts.card.scoreIntro}</p>
      {criteria.map((criterion) => {
        const entry = typed[criterion.id] ?? { points: '', justification: '' };
        const pointsId = `f-score-${criterion.id}-points`;
        const whyId = `f-score-${criterion.id}-why`;
        const pointsError = write.state.errors[pointsId];
        const guidanceId = criterion.guidance ? `f-score-${criterion.id}-guidance` : undefined;
        return (
          <fieldset class="fieldset review-criterion" key={criterion.id} aria-describedby={guidanceId}>
            <legend class="fieldset__legend fieldset__legend--s" lang="pl">
              {criterion.label}
            </legend>
            {criterion.guidance ? (
              <p class="hint pre-line" id={guidanceId} lang="pl">
                {texts.card.guidance}: {criterion.guidance}
              </p>
            ) : null}
            {criterion.kind === 'manual' ? (
              <TextField
                id={pointsId}
                name={`points-${criterion.id}`}
                label={texts.card.pointsOf(format(criterion.maxPoints ?? 0))}
                error={pointsError}
                inputMode="decimal"
                width="short"
                value={entry.points}
                onInput={(value) => set(criterion.id, { points: value })}
              />
            ) : (
              <Group error={pointsError}>
                <FieldError
                  id={`${pointsId}-error`}
                  text={pointsError ? messageFor(texts, pointsError) : undefined}
                />
                <div
                  class="choices"
                  role="radiogroup"
                  aria-label={criterion.label}
                  aria-describedby={describedBy(pointsError && `${pointsId}-error`)}
                >
                  <div class="choice">
                    <input
                      class="choice__input"
                      type="radio"
                      id={pointsId}
                      name={`points-${criterion.id}`}
                      checked={entry.points !== '' && parseNumber(entry.points) !== 0}
                      onChange={() => set(criterion.id, { points: String(criterion.points ?? 0) })}
                    />
                    <label class="choice__label" for={pointsId}>
                      {texts.card.bonusGranted(format(criterion.points ?? 0))}
                    </label>
                  </div>
                  <div class="choice">
                    <input
                      class="choice__input"
                      type="radio"
                      id={`${pointsId}-none`}
                      name={`points-${criterion.id}`}
                      checked={entry.points !== '' && parseNumber(entry.points) === 0}
                      onChange={() => set(criterion.id, { points: '0' })}
                    />
                    <label class="choice__label" for={`${pointsId}-none`}>
                      {texts.card.bonusNone}
                    </label>
                  </div>
                </div>
              </Group>
            )}
            <TextField
              id={whyId}
              name={`why-${criterion.id}`}
              label={texts.card.justification}
              error={write.state.errors[whyId]}
              multiline
              rows={3}
              value={entry.justification}
              onInput={(value) => set(criterion.id, { justification: value })}
            />
          </fieldset>
        );
      })}
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
        {texts.card.saveScore}
      </button>
    </form>
  );
}

function Decision(props: ReviewProps) {
  const texts = useReviewTexts();
  const { view } = props;
  const status = view.review.status as ReviewStatus;
  const actions = DECISION_ACTIONS.filter((action) => nextStatus(status, action) !== undefined);
  const write = useWrite();
  const [action, setAction] = useState<string>('');
  const [reason, setReason] = useState('');
  if (actions.length === 0) return <p>{texts.card.noDecision}</p>;
  const ids = ['f-decision-action', 'f-decision-reason'];
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (!action) errors['f-decision-action'] = 'required';
    if (!reason.trim()) errors['f-decision-reason'] = 'required';
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    write.send(
      () =>
        decideCard(view.callId, view.teryt, {
          revision: view.review.revision,
          action: action as (typeof DECISION_ACTIONS)[number],
          reason: reason.trim(),
        }),
      () => props.onSaved(texts.actions[action] ?? action),
      (path) => (path.startsWith('reason') ? 'f-decision-reason' : 'f-decision-action'),
    );
  };
  const actionError = write.state.errors['f-decision-action'];
  return (
    <form noValidate onSubmit={submit} aria-labelledby="decision-heading">
      <FormErrors state={write.state} ids={ids} />
      <WriteFailure
        failure={write.state.failure}
        onReload={props.onReload}
        onRetry={() => write.refuse({})}
      />
      <p>{texts.card.decisionIntro}</p>
      <Group error={actionError}>
        <fieldset class="fieldset" aria-describedby={actionError ? 'f-decision-action-error' : undefined}>
          <legend class="fieldset__legend fieldset__legend--s">{texts.card.decisionAction}</legend>
          <FieldError
            id="f-decision-action-error"
            text={actionError ? messageFor(texts, actionError) : undefined}
          />
          <div class="choices">
            {actions.map((item, index) => (
              <div class="choice" key={item}>
                <input
                  class="choice__input"
                  type="radio"
                  id={index === 0 ? 'f-decision-action' : `f-decision-action-${item}`}
                  name="action"
                  value={item}
                  checked={action === item}
                  onChange={() => setAction(item)}
                />
                <label
                  class="choice__label"
                  for={index === 0 ? 'f-decision-action' : `f-decision-action-${item}`}
                >
                  {texts.card.decisionActions[item] ?? item}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </Group>
      <TextField
        id="f-decision-reason"
        name="reason"
        label={texts.card.decisionReason}
        error={write.state.errors['f-decision-reason']}
        multiline
        rows={3}
        value={reason}
        onInput={setReason}
      />
      <p role="status" class="visually-hidden">
        {write.state.busy ? texts.saving : ''}
      </p>
      <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
        {texts.card.decide}
      </button>
    </form>
  );
}

function Notes(props: ReviewProps) {
  const texts = useReviewTexts();
  const { view } = props;
  const write = useWrite();
  const [text, setText] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return write.refuse({ 'f-note': 'required' });
    write.send(
      () => addNote(view.callId, view.teryt, text.trim()),
      () => props.onSaved(texts.actions.note ?? 'note'),
      () => 'f-note',
    );
  };
  return (
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">{texts.card.notes}</h3>
      <p>{texts.card.notesIntro}</p>
      {view.review.notes.length === 0 ? (
        <p>{texts.card.noNotes}</p>
      ) : (
        <ul class="review-notes">
          {view.review.notes.map((note) => (
            <li key={note.at + note.by}>
              <p class="hint">
                <WarsawTime instant={note.at} />. {texts.card.noteBy(note.by)}
              </p>
              <p class="pre-line">{note.text}</p>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={submit}>
        <FormErrors state={write.state} ids={['f-note']} />
        <WriteFailure
          failure={write.state.failure}
          onReload={props.onReload}
          onRetry={() => write.refuse({})}
        />
        <TextField
          id="f-note"
          name="text"
          label={texts.card.newNote}
          error={write.state.errors['f-note']}
          multiline
          rows={3}
          value={text}
          onInput={setText}
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button
          type="submit"
          class="button button--secondary"
          aria-disabled={write.state.busy ? true : undefined}
        >
          {texts.card.addNote}
        </button>
      </form>
    </section>
  );
}

/** Who did what and when, oldest first, with the status before and after and the reason given. */
function Audit(props: { review: Review }) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const entries = [...props.review.audit].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const statusOf = (status: string | undefined) =>
    status ? (texts.statuses[status as ReviewStatus] ?? status) : '';
  return (
    <section aria-labelledby="audit-heading">
      <h3 id="audit-heading">{texts.card.audit}</h3>
      {entries.length === 0 ? (
        <p>{texts.card.noAudit}</p>
      ) : (
        <div class="table-scroll">
          <table class="table" aria-labelledby="audit-heading">
            <thead>
              <tr>
                <th scope="col">{texts.card.auditWhen}</th>
                <th scope="col">{texts.card.auditWho}</th>
                <th scope="col">{texts.card.auditWhat}</th>
                <th scope="col">{texts.card.auditFromTo}</th>
                <th scope="col">{texts.card.auditWhy}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>
                    <time dateTime={entry.at}>{formatTime(entry.at, t.locale)}</time>
                  </td>
                  <td class="table__wrap">{entry.by}</td>
                  <td>{texts.actions[entry.action] ?? entry.action}</td>
                  <td>{entry.from || entry.to ? `${statusOf(entry.from)} → ${statusOf(entry.to)}` : ''}</td>
                  <td class="pre-line" lang="pl">
                    {entry.reason ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function formatTime(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(new Date(instant));
}

function Changes(props: { review: Review }) {
  const texts = useReviewTexts();
  if (props.review.changes.length === 0) return null;
  return (
    <section aria-labelledby="changes-heading">
      <h3 id="changes-heading">{texts.card.changes}</h3>
      {props.review.changes.map((change) => (
        <div key={change.version}>
          <h4 id={`changes-${change.version}`}>{texts.card.changesOf(change.version)}</h4>
          {change.fields.length === 0 ? (
            <p>{texts.card.noChanges}</p>
          ) : (
            <div class="table-scroll">
              <table class="table" aria-labelledby={`changes-${change.version}`}>
                <thead>
                  <tr>
                    <th scope="col">{texts.card.field}</th>
                    <th scope="col">{texts.card.before}</th>
                    <th scope="col">{texts.card.after}</th>
                  </tr>
                </thead>
                <tbody lang="pl">
                  {change.fields.map((field) => (
                    <tr key={field.path}>
                      <th scope="row" class="table__code">
                        {field.path}
                      </th>
                      <td class="table__wrap">{field.before}</td>
                      <td class="table__wrap">{field.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
