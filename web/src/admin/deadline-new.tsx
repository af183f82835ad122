import type { TCreateDeadlineRequest } from '../../../shared/schemas/reminders.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav, FieldError, TextField, useSaving } from './admin-nav.tsx';
import { createDeadline, listCalls } from './api.ts';
import {
  DEADLINE_FIELDS,
  DeadlineFields,
  deadlineWordingOf,
  NEW_DEADLINE_DEFAULTS,
  useDeadlineErrors,
} from './deadline-fields.tsx';
import { useDeliverablesTexts } from './deliverables-texts.ts';
import { ErrorSummary } from './error-summary.tsx';
import { announceAdded } from './reminders.tsx';
import { useRemindersTexts } from './reminders-texts.ts';
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

export function NewDeadline(props: { wojewodztwo?: string | undefined }) {
  const texts = useRemindersTexts();
  const deliverableTexts = useDeliverablesTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const saving = useSaving();
  const { errors, summary } = useDeadlineErrors(saving.error, DEADLINE_FIELDS);
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
  const { error } = saving;
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
          const callId = String(data.get('callId') ?? '');
          const documentName = String(data.get('deliverable.name') ?? '').trim();
          const request = {
            ...deadlineWordingOf(data),
            wojewodztwa: [wojewodztwo],
            ...(callId ? { callId } : {}),
            audience: data.getAll('audience').map(String),
            ...(documentName ? { deliverable: { name: documentName } } : {}),
          } as TCreateDeadlineRequest;
          const deadline = await saving.run(() => createDeadline(request));
          if (deadline) {
            announceAdded(deadline.title);
            route(back);
          }
        }}
      >
        <DeadlineFields errors={errors} defaults={NEW_DEADLINE_DEFAULTS}>
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
        </DeadlineFields>
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : texts.save}
        </button>
      </form>
    </Titled>
  );
}
