import type { TCreateDeadlineRequest } from '../../../shared/schemas/reminders.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav, FieldError, TextField, useSaving } from './admin-nav.tsx';
import { createDeadline, listCalls } from './api.ts';
import { useDeliverablesTexts } from './deliverables-texts.ts';
import { ErrorSummary } from './error-summary.tsx';
import { polishWallClock } from './polish-date.ts';
import { announceAdded } from './reminders.tsx';
import { type RemindersTexts, useRemindersTexts } from './reminders-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/przypomnienia/nowy?woj=NN — a coordinator's own deadline in one voivodeship (without `woj`, the
 * user's first, as on the reminders' screen): its name and
 * description (the e-mail's), the day and time as Poles write them (15.03.2027, 12:00; Warsaw time), the
 * gminas it concerns (the voivodeship's selected ones, or one call's), who is reminded, how many days
 * before, whether recipients may opt out and whether a send falling on a day off moves to the working day
 * before. The API checks it all and names each field; the summary links to them.
 */

const AUDIENCE = ['gminas', 'ops', 'pcpr', 'coordinators'] as const;

/** The fields in the order of the form, which is the order of the error summary. */
const FIELDS = ['title', 'description', 'dueAt', 'callId', 'audience', 'deliverable', 'offsetsDays'] as const;
type Field = (typeof FIELDS)[number];

/** The field an API path names: "offsetsDays.1" is the offsets', "wojewodztwa" the call's choice. */
function fieldOf(path: string): Field {
  const head = path.split('.')[0] as string;
  if (head === 'wojewodztwa' || head === 'timeZone') return head === 'timeZone' ? 'dueAt' : 'callId';
  return (FIELDS as readonly string[]).includes(head) ? (head as Field) : 'title';
}

const ANCHORS: Record<Field, string> = {
  title: 'f-title',
  description: 'f-description',
  dueAt: 'f-dueAt-date',
  callId: 'f-callId',
  audience: 'f-audience-gminas',
  offsetsDays: 'f-offsetsDays',
  deliverable: 'f-deliverable-name',
};

function messageOf(texts: RemindersTexts, path: string, key: string): string {
  const head = path.split('.')[0] as string;
  const messages =
    texts.errors[head] ?? texts.errors[fieldOf(path)] ?? (texts.errors._ as Record<string, string>);
  return messages[key] ?? messages._ ?? (texts.errors._?._ as string);
}

/** "14, 7, 1, 0" as days; a part that is no whole number goes as null, which the API names as invalid. */
function offsetsOf(typed: string): (number | null)[] {
  return typed
    .split(/[,;\s]+/)
    .filter((part) => part !== '')
    .map((part) => (/^-?\d+$/.test(part) ? Number(part) : null));
}

export function NewDeadline(props: { wojewodztwo?: string | undefined }) {
  const texts = useRemindersTexts();
  const deliverableTexts = useDeliverablesTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const saving = useSaving();
  const [calls, retry] = useResource('admin:calls', (signal) => listCalls(signal));
  const signingIn = useSignInWhenSignedOut(calls.status === 'error' ? calls.error : undefined);
  if (calls.status !== 'ready') {
    return (
      <Titled title={texts.newTitle}>
        <LoadingOrFailed
          heading={texts.newTitle}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={calls.status === 'error' ? calls.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { user } = calls.data;
  const wojewodztwo = props.wojewodztwo ?? user.wojewodztwa[0] ?? '';
  const ofVoivodeship = calls.data.calls.filter((call) => call.wojewodztwa.includes(wojewodztwo));
  const name = wojewodztwoName(t, wojewodztwo);
  const errors: Partial<Record<Field, string>> = {};
  for (const [path, key] of Object.entries(saving.fields))
    errors[fieldOf(path)] ??= path.startsWith('deliverable')
      ? (deliverableTexts.fieldErrors[key] ?? deliverableTexts.fieldErrors._)
      : messageOf(texts, path, key);
  const { error } = saving;
  const summary = error
    ? Object.keys(saving.fields).length > 0
      ? FIELDS.filter((field) => errors[field]).map((field) => ({
          href: `#${ANCHORS[field]}`,
          text: errors[field] as string,
        }))
      : [{ href: '#main', text: t.errors[error.code] }]
    : [];
  const back = `/admin/przypomnienia?${new URLSearchParams({ woj: wojewodztwo })}`;
  return (
    <Titled title={error ? `${admin.errorPrefix} ${texts.newTitle}` : texts.newTitle}>
      <UserBar name={user.name} email={user.email} />
      <AdminNav current="reminders" lead={user.role === 'lead'} />
      <a class="back-link" href={back}>
        {texts.backToReminders}
      </a>
      <h1>{texts.newTitle}</h1>
      <p>{texts.newIntro(name)}</p>
      <ErrorSummary title={texts.errorSummary} errors={summary} verdict={error} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const text = (field: string) => String(data.get(field) ?? '');
          const callId = text('callId');
          const documentName = text('deliverable.name').trim();
          const request = {
            title: text('title'),
            description: text('description'),
            dueAt: polishWallClock(text('dueAtDate'), text('dueAtTime')),
            timeZone: 'Europe/Warsaw',
            wojewodztwa: [wojewodztwo],
            ...(callId ? { callId } : {}),
            audience: data.getAll('audience').map(String),
            offsetsDays: offsetsOf(text('offsetsDays')),
            optional: data.get('optional') === 'yes',
            avoidDaysOff: data.get('avoidDaysOff') === 'yes',
            ...(documentName ? { deliverable: { name: documentName } } : {}),
          } as TCreateDeadlineRequest;
          const deadline = await saving.run(() => createDeadline(request));
          if (deadline) {
            announceAdded(deadline.title);
            route(back);
          }
        }}
      >
        <TextField name="title" label={texts.name} hint={texts.nameHint} error={errors.title} />
        <TextField
          name="description"
          label={texts.description}
          hint={texts.descriptionHint}
          error={errors.description}
          multiline
        />
        <div class={`form-group${errors.dueAt ? ' form-group--error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={`f-dueAt-hint${errors.dueAt ? ' f-dueAt-error' : ''}`}>
            <legend class="fieldset__legend fieldset__legend--s">{texts.when_}</legend>
            <p class="hint" id="f-dueAt-hint">
              {texts.whenHint}
            </p>
            <FieldError id="f-dueAt-error" message={errors.dueAt} />
            <div class="figure">
              <div class="figure__item">
                <label class="label" for="f-dueAt-date">
                  {texts.date} <span class="hint">({texts.dateHint})</span>
                </label>
                <input
                  class={`input deadline-date${errors.dueAt ? ' input--error' : ''}`}
                  id="f-dueAt-date"
                  name="dueAtDate"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  aria-invalid={errors.dueAt ? true : undefined}
                />
              </div>
              <div class="figure__item">
                <label class="label" for="f-dueAt-time">
                  {texts.time} <span class="hint">({texts.timeHint})</span>
                </label>
                <input
                  class={`input deadline-time${errors.dueAt ? ' input--error' : ''}`}
                  id="f-dueAt-time"
                  name="dueAtTime"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  aria-invalid={errors.dueAt ? true : undefined}
                />
              </div>
            </div>
          </fieldset>
        </div>
        <div class={`form-group${errors.callId ? ' form-group--error' : ''}`}>
          <label class="label" for="f-callId">
            {texts.scope}
          </label>
          <FieldError id="f-callId-error" message={errors.callId} />
          <select
            class="select"
            id="f-callId"
            name="callId"
            aria-describedby={errors.callId ? 'f-callId-error' : undefined}
          >
            <option value="">{texts.scopeAll(name)}</option>
            {ofVoivodeship.map((call) => (
              <option key={call.id} value={call.id}>
                {texts.call}: {call.title}
              </option>
            ))}
          </select>
        </div>
        <div class={`form-group${errors.audience ? ' form-group--error' : ''}`}>
          <fieldset
            class="fieldset"
            aria-describedby={`f-audience-hint${errors.audience ? ' f-audience-error' : ''}`}
          >
            <legend class="fieldset__legend fieldset__legend--s">{texts.audienceLegend}</legend>
            <p class="hint" id="f-audience-hint">
              {texts.audienceHint}
            </p>
            <FieldError id="f-audience-error" message={errors.audience} />
            {AUDIENCE.map((group) => (
              <div class="choice" key={group}>
                <input
                  class="choice__input"
                  type="checkbox"
                  id={`f-audience-${group}`}
                  name="audience"
                  value={group}
                />
                <label class="choice__label" for={`f-audience-${group}`}>
                  {texts.audienceGroups[group]}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextField
          name="deliverable.name"
          label={deliverableTexts.field}
          hint={deliverableTexts.fieldHint}
          error={errors.deliverable}
        />
        <TextField
          name="offsetsDays"
          label={texts.offsets}
          hint={texts.offsetsHint}
          value="14, 7, 1, 0"
          error={errors.offsetsDays}
        />
        <fieldset class="form-group fieldset">
          <legend class="fieldset__legend fieldset__legend--s">{texts.options}</legend>
          <div class="choice">
            <input
              class="choice__input"
              type="checkbox"
              id="f-optional"
              name="optional"
              value="yes"
              defaultChecked
              aria-describedby="f-optional-hint"
            />
            <label class="choice__label" for="f-optional">
              {texts.optional}
            </label>
            <p class="hint choice__hint" id="f-optional-hint">
              {texts.optionalHint}
            </p>
          </div>
          <div class="choice">
            <input
              class="choice__input"
              type="checkbox"
              id="f-avoidDaysOff"
              name="avoidDaysOff"
              value="yes"
              defaultChecked
            />
            <label class="choice__label" for="f-avoidDaysOff">
              {texts.avoidDaysOff}
            </label>
          </div>
        </fieldset>
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : texts.save}
        </button>
      </form>
    </Titled>
  );
}
