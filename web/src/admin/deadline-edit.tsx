import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { TListedDeadline, TUpdateDeadlineRequest } from '../../../shared/schemas/reminders.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav, type TAdminUser, useSaving } from './admin-nav.tsx';
import { getDeadlinesAhead, getOwnAccount, updateDeadline } from './api.ts';
import {
  type DeadlineField,
  DeadlineFields,
  deadlineWordingOf,
  useDeadlineErrors,
} from './deadline-fields.tsx';
import { ErrorSummary } from './error-summary.tsx';
import { polishWallClockOf } from './polish-date.ts';
import { announceChanged } from './reminders.tsx';
import { useRemindersTexts } from './reminders-texts.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/przypomnienia/termin/<id>?woj=NN — a coordinator's own deadline changed: its name, description, day
 * and time, days before and options, the form prefilled as the list of deadlines ahead gives it (its call,
 * audience and document stay, shown read-only). Saved over the revision read: one changed by someone else
 * meanwhile is not overwritten — the screen says so and offers the current version, keeping what was typed
 * until the coordinator asks for it.
 */

/** The fields this form shows: the rest of a deadline stays as it was made. */
const EDIT_FIELDS: readonly DeadlineField[] = ['title', 'description', 'dueAt', 'offsetsDays'];

type Loaded = { user: TAdminUser; wojewodztwo: string; deadline: TListedDeadline | undefined };

async function load(
  deadlineId: string,
  wojewodztwo: string | undefined,
  signal: AbortSignal,
): Promise<Loaded> {
  const own = await getOwnAccount(signal);
  const code = wojewodztwo ?? own.user.wojewodztwa[0] ?? '';
  const deadlines = await getDeadlinesAhead(code, signal);
  return { user: own.user, wojewodztwo: code, deadline: deadlines.find((each) => each.id === deadlineId) };
}

export function EditDeadline(props: { deadlineId: string; wojewodztwo?: string | undefined }) {
  const texts = useRemindersTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const [resource, retry] = useResource(
    `admin:deadline:${props.wojewodztwo ?? ''}:${props.deadlineId}`,
    (signal) => load(props.deadlineId, props.wojewodztwo, signal),
  );
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  if (resource.status !== 'ready') {
    return (
      <Titled title={texts.editTitle}>
        <LoadingOrFailed
          heading={texts.editTitle}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { user, wojewodztwo, deadline } = resource.data;
  const back = `/admin/przypomnienia?${new URLSearchParams({ woj: wojewodztwo })}`;
  const frame = (
    <>
      <UserBar name={user.name} email={user.email} />
      <AdminNav current="reminders" lead={user.role === 'lead'} />
      <a class="back-link" href={back}>
        {texts.backToReminders}
      </a>
    </>
  );
  if (!deadline?.editable) {
    return (
      <Titled title={texts.editTitle}>
        {frame}
        <h1>{texts.editTitle}</h1>
        <p>{deadline ? texts.editNotEditable : texts.editNotFound}</p>
      </Titled>
    );
  }
  return (
    // A new revision (the current version, loaded after a conflict) is a new form: its fields and state anew.
    <EditForm key={deadline.revision} deadline={deadline} back={back} onReload={retry}>
      {frame}
      <h1>{texts.editTitle}</h1>
      <p>{texts.editIntro(wojewodztwoName(t, wojewodztwo))}</p>
    </EditForm>
  );
}

function EditForm(props: {
  deadline: TListedDeadline;
  back: string;
  onReload: () => void;
  children: ComponentChildren;
}) {
  const texts = useRemindersTexts();
  const admin = useAdminTexts();
  const { route } = useLocation();
  const saving = useSaving();
  const { deadline } = props;
  const { error } = saving;
  const stale = error?.code === 'CONFLICT' && error.fields?.revision === 'stale' ? error : undefined;
  // A stale revision is no field's fault: it has a notice of its own, not the summary.
  const verdict = useDeadlineErrors(stale ? undefined : error, EDIT_FIELDS);
  const summary =
    error?.code === 'NOT_FOUND' ? [{ href: '#main', text: texts.editNotFound }] : verdict.summary;
  const staleRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);
  const { date, time } = polishWallClockOf(deadline.dueAt);
  const defaults = {
    title: deadline.title,
    description: deadline.description,
    date,
    time,
    offsetsDays: deadline.policy.offsetsDays.join(', '),
    optional: deadline.optional,
    avoidDaysOff: deadline.policy.avoidDaysOff,
  };
  return (
    <Titled title={error ? `${admin.errorPrefix} ${texts.editTitle}` : texts.editTitle}>
      {props.children}
      {stale ? (
        <div class="notice notice--error" role="alert" tabIndex={-1} ref={staleRef}>
          <p class="notice__title">{texts.staleTitle}</p>
          <p>{texts.staleBody}</p>
          <button type="button" class="button button--secondary" onClick={props.onReload}>
            {texts.staleReload}
          </button>
        </div>
      ) : null}
      <ErrorSummary title={texts.errorSummary} errors={stale ? [] : summary} verdict={error} />
      <Kept deadline={deadline} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const request: TUpdateDeadlineRequest = {
            ...deadlineWordingOf(new FormData(event.currentTarget)),
            wojewodztwa: deadline.wojewodztwa,
            revision: deadline.revision,
          };
          const changed = await saving.run(() => updateDeadline(deadline.id, request));
          if (changed) {
            announceChanged(changed.title);
            route(props.back);
          }
        }}
      >
        <DeadlineFields errors={verdict.errors} defaults={defaults} offsetsNote={texts.editSentNote} />
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : texts.saveChanges}
        </button>
      </form>
    </Titled>
  );
}

/** What a change leaves as the deadline was made: who is reminded, which gminas, the document asked for. */
function Kept(props: { deadline: TListedDeadline }) {
  const texts = useRemindersTexts();
  const { t } = useI18n();
  const { deadline } = props;
  const names = deadline.wojewodztwa.map((code) => wojewodztwoName(t, code)).join(', ');
  return (
    <section aria-labelledby="kept-heading">
      <h2 id="kept-heading">{texts.editKept}</h2>
      <ul class="list">
        <li>
          {texts.editAudience}:{' '}
          {deadline.audience.map((group) => texts.audienceGroups[group] ?? group).join(', ')}
        </li>
        <li>
          {texts.editScope}: {deadline.callId ? `${texts.call} ${deadline.callId}` : texts.scopeAll(names)}
        </li>
        {deadline.deliverable ? (
          <li>
            {texts.editDocument}: <span lang="pl">{deadline.deliverable.name}</span>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
