import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { TOwnAccountResponse } from '../../../shared/schemas/administration.ts';
import type {
  TListedDeadline,
  TReminderPreviewResponse,
  TSentRemindersResponse,
  TSuppressedAddressesResponse,
  TUpcomingRemindersResponse,
} from '../../../shared/schemas/reminders.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import { AdminNav } from './admin-nav.tsx';
import {
  cancelDeadline,
  getDeadlinesAhead,
  getOwnAccount,
  getReminderPreview,
  getSentReminders,
  getSuppressedAddresses,
  getUpcomingReminders,
  sendTestReminder,
} from './api.ts';
import { useDeliverablesTexts } from './deliverables-texts.ts';
import { type RemindersTexts, useRemindersTexts } from './reminders-texts.ts';
import { useRereadable } from './review-form.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/**
 * /admin/przypomnienia?woj=NN — the reminders of one voivodeship (without `woj`, the user's first): those
 * of the next 30 days with their recipients, every deadline ahead with its reminders' days (each one's
 * e-mail previewed or sent as a test to oneself; a coordinator's own changed or called off), the log of sent
 * ones with what SES said of their delivery, and the addresses no longer reached.
 */

/** The deadline a form has just saved (added or changed), said once on the screen it returns to. */
let justSaved: { title: string; how: 'added' | 'changed' } | undefined;
export function announceAdded(title: string): void {
  justSaved = { title, how: 'added' };
}
export function announceChanged(title: string): void {
  justSaved = { title, how: 'changed' };
}

type Upcoming = TUpcomingRemindersResponse['reminders'][number];
type Loaded = {
  own: TOwnAccountResponse;
  wojewodztwo: string;
  upcoming: Upcoming[];
  deadlines: TListedDeadline[];
  sent: TSentRemindersResponse['reminders'];
  suppressed: TSuppressedAddressesResponse['addresses'];
};

async function load(wojewodztwo: string | undefined, signal: AbortSignal): Promise<Loaded> {
  const lists = (code: string) =>
    Promise.all([
      getUpcomingReminders(code, signal),
      getSentReminders(code, signal),
      getSuppressedAddresses(code, signal),
      getDeadlinesAhead(code, signal),
    ]);
  const [own, code, [upcoming, sent, suppressed, deadlines]] = wojewodztwo
    ? await Promise.all([getOwnAccount(signal), wojewodztwo, lists(wojewodztwo)])
    : await getOwnAccount(signal).then(async (account) => {
        const first = account.user.wojewodztwa[0] ?? '';
        return [account, first, await lists(first)] as const;
      });
  return {
    own,
    wojewodztwo: code,
    upcoming: upcoming.reminders,
    deadlines,
    sent: sent.reminders,
    suppressed: suppressed.addresses,
  };
}

export function Reminders(props: { wojewodztwo?: string | undefined }) {
  const texts = useRemindersTexts();
  const deliverables = useDeliverablesTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const [saved] = useState(() => {
    const said = justSaved;
    justSaved = undefined;
    return said;
  });
  // Read again after a deadline is called off; the screen stays (with the notice) while it is.
  const { resource, shown, retry } = useRereadable(`admin:reminders:${props.wojewodztwo ?? ''}`, (signal) =>
    load(props.wojewodztwo, signal),
  );
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean; detail?: string }>();
  const [cancelling, setCancelling] = useState<string>();
  const notice = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (outcome) notice.current?.focus();
  }, [outcome]);
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  if (shown === undefined) {
    return (
      <Titled title={texts.title}>
        <LoadingOrFailed
          heading={texts.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={retry}
          waiting={signingIn}
        />
      </Titled>
    );
  }
  const { own, wojewodztwo, upcoming, deadlines, sent, suppressed } = shown;
  const upcomingOf = new Map(upcoming.map((reminder) => [reminder.deadlineId, reminder]));
  const cancel = (deadline: TListedDeadline) => {
    if (cancelling) return;
    setCancelling(deadline.id);
    cancelDeadline(deadline.id, { wojewodztwa: deadline.wojewodztwa, revision: deadline.revision }).then(
      () => {
        setCancelling(undefined);
        setOutcome({ text: texts.cancelled(deadline.title), ok: true });
        retry();
      },
      (error: unknown) => {
        setCancelling(undefined);
        const failure = error instanceof ApiError ? error : new ApiError('BAD_RESPONSE', { cause: error });
        // Changed, passed or gone meanwhile: said so, and the list read again to show what there is now.
        const [field, key] = Object.entries(failure.fields ?? {})[0] ?? [];
        if (failure.code === 'CONFLICT' && field === 'revision') {
          setOutcome({ text: texts.cancelStale(deadline.title), ok: false });
          retry();
        } else if (failure.code === 'NOT_FOUND') {
          setOutcome({ text: texts.cancelGone(deadline.title), ok: false });
          retry();
        } else if (failure.code === 'CONFLICT' && field && key) {
          const detail = texts.errors[field]?.[key] ?? t.errors.CONFLICT;
          setOutcome({ text: texts.cancelFailed(deadline.title), ok: false, detail });
          retry();
        } else
          setOutcome({ text: texts.cancelFailed(deadline.title), ok: false, detail: t.errors[failure.code] });
      },
    );
  };
  const when = (instant: string) => <time dateTime={instant}>{formatWarsaw(instant, t.locale)}</time>;
  return (
    <Titled title={`${texts.title}: ${wojewodztwoName(t, wojewodztwo)}`}>
      <UserBar name={own.user.name} email={own.user.email} />
      <AdminNav current="reminders" lead={own.user.role === 'lead'} />
      <h1>{texts.title}</h1>
      {saved ? (
        <p class="notice" role="status">
          {saved.how === 'added' ? texts.added(saved.title) : texts.changed(saved.title)}
        </p>
      ) : null}
      <p>{texts.intro}</p>
      {own.user.wojewodztwa.length > 1 ? (
        <form
          class="admin-choose"
          method="get"
          action="/admin/przypomnienia"
          onSubmit={(event) => {
            event.preventDefault();
            const chosen = String(new FormData(event.currentTarget).get('woj') ?? '');
            route(`/admin/przypomnienia?${new URLSearchParams({ woj: chosen })}`);
          }}
        >
          <div class="form-group">
            <label class="label" for="f-woj">
              {texts.wojewodztwo}
            </label>
            <select class="select" id="f-woj" name="woj" defaultValue={wojewodztwo}>
              {own.user.wojewodztwa.map((code) => (
                <option key={code} value={code}>
                  {wojewodztwoName(t, code)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button button--secondary">
            {texts.show}
          </button>
        </form>
      ) : null}
      <p>
        <a class="button" href={`/admin/przypomnienia/nowy?${new URLSearchParams({ woj: wojewodztwo })}`}>
          {texts.addDeadline}
        </a>
      </p>
      <p>
        <a href={`/admin/przypomnienia/dokumenty?${new URLSearchParams({ woj: wojewodztwo })}`}>
          {deliverables.link}
        </a>
      </p>

      <h2 id="upcoming-caption">
        {texts.upcoming}: {wojewodztwoName(t, wojewodztwo)}
      </h2>
      {upcoming.length === 0 ? (
        <p>{texts.noUpcoming}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable)
        <section class="table-scroll" aria-labelledby="upcoming-caption" tabIndex={0}>
          <table class="table" aria-labelledby="upcoming-caption">
            <thead>
              <tr>
                <th scope="col">{texts.sendAt}</th>
                <th scope="col">{texts.deadline}</th>
                <th scope="col">{texts.dueAt}</th>
                <th scope="col">{texts.offset}</th>
                <th scope="col">{texts.recipients}</th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((reminder) => (
                <tr key={`${reminder.deadlineId}|${reminder.offsetDays}`}>
                  <td>{when(reminder.sendAt)}</td>
                  <th scope="row">
                    <span lang="pl">{reminder.title}</span>
                    <span class="hint review-block">{texts.kinds[reminder.kind] ?? reminder.kind}</span>
                  </th>
                  <td>{due(reminder, t.locale)}</td>
                  <td>{texts.offsetDays(reminder.offsetDays)}</td>
                  <td>
                    {texts.recipientsCount(reminder.recipients)}
                    <span class="hint review-block">
                      {reminder.audience.map((group) => texts.audience[group] ?? group).join(', ')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section aria-labelledby="deadlines-heading">
        <h2 id="deadlines-heading">{texts.deadlines}</h2>
        <p>{texts.deadlinesIntro}</p>
        {/* Above the list and outside each deadline, so it stays (with the focus) when the list read after a
            cancellation has that deadline, or any, no more. */}
        <div
          class={outcome ? (outcome.ok ? 'notice notice--success' : 'notice notice--error') : undefined}
          role="status"
          tabIndex={-1}
          ref={notice}
        >
          {outcome ? (
            <>
              <p class={outcome.detail ? 'notice__title' : undefined}>{outcome.text}</p>
              {outcome.detail ? <p>{outcome.detail}</p> : null}
            </>
          ) : null}
        </div>
        {resource.status === 'error' ? (
          // The lists read again (after a cancellation) did not come: what is shown may be out of date.
          <div class="notice notice--error" role="alert">
            <p>{admin.panel.rereadFailed}</p>
            <button type="button" class="button button--secondary" onClick={retry}>
              {t.retry}
            </button>
          </div>
        ) : null}
        {deadlines.length === 0 ? (
          <p>{texts.noDeadlines}</p>
        ) : (
          <>
            <p class="hint">{texts.deadlinesHint}</p>
            {deadlines.map((deadline) => (
              <DeadlineTools
                key={`${deadline.id}|${deadline.revision}`}
                deadline={deadline}
                upcoming={upcomingOf.get(deadline.id)}
                wojewodztwo={wojewodztwo}
                busy={cancelling === deadline.id}
                onCancel={() => cancel(deadline)}
              />
            ))}
          </>
        )}
      </section>

      <h2 id="sent-caption">{texts.sent}</h2>
      {sent.length === 0 ? (
        <p>{texts.noSent}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: as above (axe: scrollable-region-focusable)
        <section class="table-scroll" aria-labelledby="sent-caption" tabIndex={0}>
          <table class="table" aria-labelledby="sent-caption">
            <thead>
              <tr>
                <th scope="col">{texts.when}</th>
                <th scope="col">{texts.deadline}</th>
                <th scope="col">{texts.offset}</th>
                <th scope="col">{texts.recipient}</th>
                <th scope="col">{texts.state}</th>
              </tr>
            </thead>
            <tbody>
              {sent.map((entry) => (
                <tr key={`${entry.deadlineId}|${entry.offsetDays}|${entry.recipient}`}>
                  <td>{when(entry.sentAt ?? entry.claimedAt)}</td>
                  <td lang="pl">{entry.title}</td>
                  <td>{texts.offsetDays(entry.offsetDays)}</td>
                  <td>
                    <span class="admin-user__name">{entry.recipient}</span>
                    <span class="hint review-block">{texts.roles[entry.role] ?? entry.role}</span>
                  </td>
                  <td>{stateOf(texts, entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <h2 id="suppressed-caption">{texts.suppressed}</h2>
      <p class="hint">{texts.suppressedHint}</p>
      {suppressed.length === 0 ? (
        <p>{texts.noSuppressed}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: as above (axe: scrollable-region-focusable)
        <section class="table-scroll" aria-labelledby="suppressed-caption" tabIndex={0}>
          <table class="table" aria-labelledby="suppressed-caption">
            <thead>
              <tr>
                <th scope="col">{texts.email}</th>
                <th scope="col">{texts.role}</th>
                <th scope="col">{texts.reason}</th>
                <th scope="col">{texts.since}</th>
              </tr>
            </thead>
            <tbody>
              {suppressed.map((address) => (
                <tr key={`${address.email}|${address.reason}`}>
                  <td class="admin-user__name">{address.email}</td>
                  <td>{texts.roles[address.role] ?? address.role}</td>
                  <td>{texts.reasons[address.reason] ?? address.reason}</td>
                  <td>{when(address.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Titled>
  );
}

/**
 * When a deadline falls. A milestone's start or end is a whole day (planned as its last instant, so that the
 * reminder "on the day" goes out): the day alone, as a start "18 grudnia 2026 23:59" would mislead.
 */
function due(deadline: { kind: string; dueAt: string }, locale: string) {
  const whole = deadline.kind === 'milestone-start' || deadline.kind === 'milestone-end';
  // Formatted here, not by shared/time.ts's formatWarsawDay: that chunk is the card form's too (its budget).
  const text = whole
    ? new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Warsaw', dateStyle: 'long' }).format(
        new Date(deadline.dueAt),
      )
    : formatWarsaw(deadline.dueAt, locale);
  return <time dateTime={deadline.dueAt}>{text}</time>;
}

/** A send's state: sent (and SES's word on its delivery), skipped with why, or still open. */
function stateOf(texts: RemindersTexts, entry: TSentRemindersResponse['reminders'][number]): string {
  const status = texts.statuses[entry.status] ?? entry.status;
  if (entry.status === 'skipped' && entry.reason)
    return `${status}: ${texts.reasons[entry.reason] ?? entry.reason}`;
  if (entry.delivery) return texts.deliveries[entry.delivery] ?? entry.delivery;
  return status;
}

/**
 * One deadline ahead: its kind, day and reminders' days; its e-mail previewed on demand (a disclosure) or sent
 * to the signed-in user as a test; who it would go to now where the next 30 days' list has it. A coordinator's
 * own: a link to change it, and calling it off after a confirmation on the spot (no dialog to lose focus in).
 */
function DeadlineTools(props: {
  deadline: TListedDeadline;
  upcoming: Upcoming | undefined;
  wojewodztwo: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const texts = useRemindersTexts();
  const { t } = useI18n();
  const { deadline, upcoming } = props;
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<'idle' | 'busy' | ApiError | { sentTo: string; subject: string }>(
    'idle',
  );
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useLayoutEffect(() => {
    // Into the question when it opens; back to the button that opened it when it is dismissed.
    if (confirming) question.current?.focus();
    else if (asked.current) cancelButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const send = () => {
    if (state === 'busy') return;
    setState('busy');
    sendTestReminder(deadline.id).then(setState, (error: ApiError) => setState(error));
  };
  const failed = typeof state === 'object' && 'code' in state ? state : undefined;
  const done = typeof state === 'object' && 'sentTo' in state ? state : undefined;
  const headingId = `deadline-${deadline.id}`;
  const now = Date.now();
  return (
    <section class="reminder-tools" aria-labelledby={headingId}>
      <h3 id={headingId} lang="pl">
        {deadline.title}
      </h3>
      <p>
        {texts.kinds[deadline.kind] ?? deadline.kind} — {due(deadline, t.locale)}
      </p>
      {deadline.sends.length === 0 ? (
        <p>{texts.noSendsLeft}</p>
      ) : (
        <>
          <p class="reminder-sends__label" id={`${headingId}-sends`}>
            {texts.remindedOn}:
          </p>
          <ul class="list reminder-sends" aria-labelledby={`${headingId}-sends`}>
            {deadline.sends.map((send) => {
              // By the browser's clock, only to tell the reader: the planner's own decides what goes out.
              const past = Date.parse(send.at) <= now;
              return (
                <li key={send.offsetDays} class={past ? 'hint' : undefined}>
                  <time dateTime={send.at}>{formatWarsaw(send.at, t.locale)}</time>
                  {texts.sendOn(texts.offsetDays(send.offsetDays), past)}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {deadline.createdBy ? (
        <p class="hint">
          {texts.createdBy}: <span class="admin-user__name">{deadline.createdBy}</span>
        </p>
      ) : null}
      {upcoming ? (
        <details class="reminder-preview">
          <summary>{texts.recipientsNow(upcoming.recipients, deadline.title)}</summary>
          {upcoming.addresses.length === 0 ? (
            <p>{texts.recipientsNone}</p>
          ) : (
            <ul class="list">
              {upcoming.addresses.map((address) => (
                <li key={address.email}>
                  <span class="admin-user__name">{address.email}</span> (
                  {texts.roles[address.role] ?? address.role})
                </li>
              ))}
            </ul>
          )}
          {upcoming.recipients > upcoming.addresses.length ? (
            <p>{texts.recipientsMore(upcoming.recipients - upcoming.addresses.length)}</p>
          ) : null}
        </details>
      ) : null}
      <details
        class="reminder-preview"
        onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>{texts.preview(deadline.title)}</summary>
        {open ? <Preview deadlineId={deadline.id} wojewodztwo={props.wojewodztwo} /> : null}
      </details>
      {done ? (
        <p class="notice" role="status">
          {texts.testSent(done.sentTo, done.subject)}
        </p>
      ) : (
        <p role="status" class="visually-hidden">
          {state === 'busy' ? texts.sending : ''}
        </p>
      )}
      {failed ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.testFailed}</p>
          <p>{t.errors[failed.code]}</p>
        </div>
      ) : null}
      <div class="button-group">
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={state === 'busy' ? true : undefined}
          onClick={send}
        >
          {state === 'busy' ? texts.sending : texts.sendTest}
          <span class="visually-hidden">{texts.sendTestFor(deadline.title)}</span>
        </button>
        {deadline.editable ? (
          <>
            <a
              class="button button--secondary"
              href={`/admin/przypomnienia/termin/${encodeURIComponent(deadline.id)}?${new URLSearchParams({ woj: props.wojewodztwo })}`}
            >
              {texts.change}
              <span class="visually-hidden">{texts.changeFor(deadline.title)}</span>
            </a>
            {confirming ? null : (
              <button
                ref={cancelButton}
                type="button"
                class="button button--warning"
                onClick={() => setConfirming(true)}
              >
                {texts.cancel}
                <span class="visually-hidden">{texts.cancelFor(deadline.title)}</span>
              </button>
            )}
          </>
        ) : null}
      </div>
      {confirming ? (
        <div class="notice notice--error" tabIndex={-1} ref={question}>
          <p class="notice__title">{texts.cancelQuestion(deadline.title)}</p>
          <p>{texts.cancelWarning}</p>
          <div class="button-group">
            <button
              type="button"
              class="button button--warning"
              aria-disabled={props.busy ? true : undefined}
              onClick={props.onCancel}
            >
              {props.busy ? texts.cancelling : texts.cancelYes}
            </button>
            <button
              type="button"
              class="button button--secondary"
              aria-disabled={props.busy ? true : undefined}
              onClick={() => {
                if (!props.busy) setConfirming(false);
              }}
            >
              {texts.cancelNo}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** The e-mail as it would go now: its subject and its text, as a mail program shows the plain version. */
function Preview(props: { deadlineId: string; wojewodztwo: string }) {
  const texts = useRemindersTexts();
  const { t } = useI18n();
  const [resource, retry] = useResource<TReminderPreviewResponse>(
    `admin:reminder-preview:${props.wojewodztwo}:${props.deadlineId}`,
    (signal) => getReminderPreview(props.wojewodztwo, props.deadlineId, signal),
  );
  if (resource.status === 'loading') return <p role="status">{texts.previewLoading}</p>;
  if (resource.status === 'error')
    return (
      <div class="notice notice--error" role="alert">
        <p>{texts.previewFailed}</p>
        <button type="button" class="button button--secondary" onClick={retry}>
          {t.retry}
        </button>
      </div>
    );
  const mail = resource.data;
  return (
    <div class="reminder-mail" lang="pl">
      <p>
        <strong>{texts.subject}:</strong> {mail.subject}
      </p>
      <p class="pre-line">{mail.text}</p>
    </div>
  );
}
