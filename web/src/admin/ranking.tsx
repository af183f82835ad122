import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { nextStatus, type ReviewStatus } from '../../../shared/review/statuses.ts';
import type { TRankingResponse, TRankingSettingsRequest } from '../../../shared/schemas/review-lists.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { ApiError } from '../lib/api.ts';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { decideCard, getCard, getRanking, putRankingSettings } from './api.ts';
import { powiatyOf } from './powiaty.ts';
import {
  FieldError,
  type FieldErrors,
  FormErrors,
  Group,
  messageFor,
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
 * /admin/ranking/<callId>?woj=NN — a call's ranking in one voivodeship: the settings (seats, reserve,
 * quotas per group of powiats), the ranked cards with what the ranking proposes and where each stands, the
 * decisions taken from here (each the card's own logged decision), and a seat a resignation freed offered
 * to the next on the reserve list.
 */
type Decidable = 'select' | 'reserve' | 'not_select';
const DECIDABLE: readonly Decidable[] = ['select', 'reserve', 'not_select'];

interface Deciding {
  teryt: string;
  gminaName: string;
  action: Decidable;
  /** The status the ranking showed: the card must still be there when the decision is sent. */
  status: string;
  reason: string;
}

export function Ranking(props: { callId: string; wojewodztwo: string }) {
  const texts = useReviewTexts();
  const admin = useAdminTexts();
  const { t } = useI18n();
  const { callId, wojewodztwo } = props;
  const data = useRereadable(`admin:ranking:${callId}:${wojewodztwo}`, (signal) =>
    Promise.all([getRanking(callId, wojewodztwo, signal), powiatyOf(wojewodztwo, signal)]).then(
      ([ranking, powiaty]) => ({ ranking, powiaty }),
    ),
  );
  const { shown, resource } = data;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  const [deciding, setDeciding] = useState<Deciding>();
  const title = `${texts.ranking.title} — ${wojewodztwoName(t, wojewodztwo)}`;
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
  const { ranking, powiaty } = shown;
  const done = (text: string) => {
    setDeciding(undefined);
    data.reread(text);
  };
  return (
    <Titled title={title}>
      <UserBar />
      {back}
      <h1>{title}</h1>
      <p role="status" class="visually-hidden">
        {resource.status === 'loading' ? admin.panel.loading : ''}
      </p>
      <Saved text={data.saved} stamp={resource} onRetry={data.retry} />
      <Settings
        key={ranking.settings?.revision ?? 0}
        ranking={ranking}
        powiaty={powiaty}
        onSaved={() => done(texts.ranking.settingsSaved)}
        onReload={() => done(texts.card.reloaded)}
      />
      <Replacements ranking={ranking} onDecide={setDeciding} />
      {deciding ? (
        <DecisionForm
          key={`${deciding.teryt}-${deciding.action}`}
          callId={callId}
          deciding={deciding}
          onCancel={() => {
            setDeciding(undefined);
            document.getElementById(`decide-${deciding.teryt}-${deciding.action}`)?.focus();
          }}
          onDone={(status) => done(texts.ranking.decided(deciding.gminaName, status))}
          onReload={() => done(texts.card.reloaded)}
        />
      ) : null}
      <RankedList ranking={ranking} onDecide={setDeciding} />
    </Titled>
  );
}

function Settings(props: {
  ranking: TRankingResponse;
  powiaty: [string, string][];
  onSaved: () => void;
  onReload: () => void;
}) {
  const texts = useReviewTexts();
  const { ranking, powiaty } = props;
  const stored = ranking.settings;
  const write = useWrite();
  const [seats, setSeats] = useState(stored ? String(stored.seats) : '');
  const [reserve, setReserve] = useState(stored ? String(stored.reserveSize) : '');
  const [groups, setGroups] = useState(
    (stored?.quotas ?? []).map((quota) => ({
      name: quota.name,
      seats: String(quota.seats),
      powiaty: quota.powiatCodes,
    })),
  );
  const ids = [
    'f-seats',
    'f-reserve',
    'f-quotas',
    ...groups.flatMap((_, index) => [
      `f-group-${index}-name`,
      `f-group-${index}-seats`,
      `f-group-${index}-powiaty`,
    ]),
  ];
  const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
  const submit = (event: Event) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const seatCount = whole(seats);
    const reserveSize = whole(reserve);
    if (seatCount === undefined) errors['f-seats'] = seats.trim() ? 'invalid' : 'required';
    if (reserveSize === undefined) errors['f-reserve'] = reserve.trim() ? 'invalid' : 'required';
    groups.forEach((group, index) => {
      if (!group.name.trim()) errors[`f-group-${index}-name`] = 'required';
      if (whole(group.seats) === undefined)
        errors[`f-group-${index}-seats`] = group.seats.trim() ? 'invalid' : 'required';
      if (group.powiaty.length === 0) errors[`f-group-${index}-powiaty`] = 'required';
    });
    if (Object.keys(errors).length > 0) return write.refuse(errors);
    const settings: TRankingSettingsRequest = {
      revision: stored?.revision ?? 0,
      seats: seatCount ?? 0,
      reserveSize: reserveSize ?? 0,
      ...(groups.length > 0
        ? {
            quotas: groups.map((group) => ({
              name: group.name.trim(),
              seats: whole(group.seats) ?? 0,
              powiatCodes: group.powiaty,
            })),
          }
        : {}),
    };
    write.send(
      () => putRankingSettings(ranking.callId, ranking.wojewodztwo, settings),
      props.onSaved,
      (path) => {
        if (path.startsWith('seats')) return 'f-seats';
        if (path.startsWith('reserveSize')) return 'f-reserve';
        const match = /^quotas\.(\d+)\.(name|seats|powiatCodes)/.exec(path);
        if (match) return `f-group-${match[1]}-${match[2] === 'powiatCodes' ? 'powiaty' : match[2]}`;
        return path.startsWith('quotas') ? 'f-quotas' : undefined;
      },
    );
  };
  const quotasError = write.state.errors['f-quotas'];
  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{texts.ranking.settings}</h2>
      <p>{texts.ranking.settingsIntro}</p>
      {stored ? (
        <p class="hint">{texts.ranking.updated(stored.updatedBy)}</p>
      ) : (
        <p>{texts.ranking.noSettings}</p>
      )}
      <form noValidate onSubmit={submit}>
        <FormErrors state={write.state} ids={ids} />
        <WriteFailure
          failure={write.state.failure}
          onReload={props.onReload}
          onRetry={() => write.refuse({})}
          conflictText={texts.ranking.settingsConflict}
        />
        <TextField
          id="f-seats"
          name="seats"
          label={texts.ranking.seats}
          error={write.state.errors['f-seats']}
          inputMode="numeric"
          width="short"
          value={seats}
          onInput={setSeats}
        />
        <TextField
          id="f-reserve"
          name="reserveSize"
          label={texts.ranking.reserveSize}
          error={write.state.errors['f-reserve']}
          inputMode="numeric"
          width="short"
          value={reserve}
          onInput={setReserve}
        />
        <Group error={quotasError}>
          <h3 id="f-quotas" tabIndex={-1}>
            {texts.ranking.quotas}
          </h3>
          <FieldError id="f-quotas-error" text={quotasError ? messageFor(texts, quotasError) : undefined} />
          {groups.map((group, index) => {
            const n = index + 1;
            const set = (change: Partial<typeof group>) =>
              setGroups((old) => old.map((item, at) => (at === index ? { ...item, ...change } : item)));
            const powiatyError = write.state.errors[`f-group-${index}-powiaty`];
            return (
              <fieldset class="fieldset review-group" key={index}>
                <legend class="fieldset__legend fieldset__legend--s">{texts.ranking.group(n)}</legend>
                <TextField
                  id={`f-group-${index}-name`}
                  name={`group-${index}-name`}
                  label={texts.ranking.groupName}
                  error={write.state.errors[`f-group-${index}-name`]}
                  value={group.name}
                  onInput={(name) => set({ name })}
                />
                <TextField
                  id={`f-group-${index}-seats`}
                  name={`group-${index}-seats`}
                  label={texts.ranking.groupSeats}
                  error={write.state.errors[`f-group-${index}-seats`]}
                  inputMode="numeric"
                  width="short"
                  value={group.seats}
                  onInput={(value) => set({ seats: value })}
                />
                <Group error={powiatyError}>
                  <fieldset
                    class="fieldset"
                    aria-describedby={powiatyError ? `f-group-${index}-powiaty-error` : undefined}
                  >
                    <legend class="fieldset__legend fieldset__legend--s">{texts.ranking.groupPowiats}</legend>
                    <FieldError
                      id={`f-group-${index}-powiaty-error`}
                      text={powiatyError ? messageFor(texts, powiatyError) : undefined}
                    />
                    <div class="choices choices--columns">
                      {powiaty.map(([code, name], at) => (
                        <div class="choice" key={code}>
                          <input
                            class="choice__input"
                            type="checkbox"
                            id={at === 0 ? `f-group-${index}-powiaty` : `f-group-${index}-powiat-${code}`}
                            checked={group.powiaty.includes(code)}
                            onChange={(event) =>
                              set({
                                powiaty: event.currentTarget.checked
                                  ? [...group.powiaty, code]
                                  : group.powiaty.filter((item) => item !== code),
                              })
                            }
                          />
                          <label
                            class="choice__label"
                            for={at === 0 ? `f-group-${index}-powiaty` : `f-group-${index}-powiat-${code}`}
                          >
                            {name}
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </Group>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    setGroups((old) => old.filter((_, at) => at !== index));
                    document.getElementById('f-add-group')?.focus();
                  }}
                >
                  {texts.ranking.removeGroup(n)}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            id="f-add-group"
            class="button button--secondary"
            onClick={() => {
              const index = groups.length;
              setGroups((old) => [...old, { name: '', seats: '', powiaty: [] }]);
              // The new group's first field, once it is there.
              requestAnimationFrame(() => document.getElementById(`f-group-${index}-name`)?.focus());
            }}
          >
            {texts.ranking.addGroup}
          </button>
        </Group>
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
          {texts.ranking.saveSettings}
        </button>
      </form>
    </section>
  );
}

function Replacements(props: { ranking: TRankingResponse; onDecide: (deciding: Deciding) => void }) {
  const texts = useReviewTexts();
  const { replacements, ranked } = props.ranking;
  if (replacements.length === 0) return null;
  return (
    <section aria-labelledby="replacements-heading">
      <h2 id="replacements-heading">{texts.ranking.replacements}</h2>
      <ul class="review-replacements">
        {replacements.map((replacement) => {
          const candidate = replacement.candidate;
          const card = candidate && ranked.find((item) => item.teryt === candidate.teryt);
          return (
            <li key={replacement.resigned.teryt}>
              <p>
                {texts.ranking.resigned(replacement.resigned.gminaName)}{' '}
                {candidate ? texts.ranking.candidate(candidate.gminaName) : texts.ranking.noCandidate}
              </p>
              {candidate && card ? (
                <button
                  type="button"
                  class="button"
                  id={`decide-${candidate.teryt}-select`}
                  onClick={() =>
                    props.onDecide({
                      teryt: candidate.teryt,
                      gminaName: candidate.gminaName,
                      action: 'select',
                      status: card.status,
                      reason: texts.ranking.promoteReason(replacement.resigned.gminaName),
                    })
                  }
                >
                  {texts.ranking.promote(candidate.gminaName)}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function RankedList(props: { ranking: TRankingResponse; onDecide: (deciding: Deciding) => void }) {
  const texts = useReviewTexts();
  const { t } = useI18n();
  const { ranking } = props;
  const number = new Intl.NumberFormat(t.locale);
  const grouped = ranking.ranked.some((card) => card.group !== undefined);
  return (
    <section aria-labelledby="ranked-heading">
      <h2 id="ranked-heading">{texts.ranking.list}</h2>
      <p>{texts.ranking.unscored(ranking.unscored)}</p>
      {ranking.ranked.length === 0 ? (
        <p>{texts.ranking.empty}</p>
      ) : (
        <div class="table-scroll">
          <table class="table" aria-labelledby="ranked-heading">
            <thead>
              <tr>
                <th scope="col">{texts.ranking.position}</th>
                <th scope="col">{texts.ranking.gmina}</th>
                <th scope="col">{texts.ranking.powiat}</th>
                {grouped ? <th scope="col">{texts.ranking.groupCol}</th> : null}
                <th scope="col">{texts.ranking.points}</th>
                <th scope="col">{texts.ranking.proposal}</th>
                <th scope="col">{texts.ranking.status}</th>
                <th scope="col">{texts.ranking.decide}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.ranked.map((card) => {
                const actions = DECIDABLE.filter((action) => nextStatus(card.status as ReviewStatus, action));
                return (
                  <tr key={card.teryt}>
                    <td class="table__number">{card.position}</td>
                    <th scope="row">
                      <a href={`/admin/karty/${encodeURIComponent(ranking.callId)}/${card.teryt}`}>
                        {card.gminaName}
                      </a>
                    </th>
                    <td>{card.powiatName}</td>
                    {grouped ? <td lang="pl">{card.group ?? ''}</td> : null}
                    <td class="table__number">{number.format(card.scoreTotal)}</td>
                    <td>{card.proposal ? (texts.ranking.proposals[card.proposal] ?? card.proposal) : ''}</td>
                    <td>{texts.statuses[card.status as ReviewStatus] ?? card.status}</td>
                    <td>
                      <div class="review-actions">
                        {actions.map((action) => (
                          <button
                            type="button"
                            class="button button--secondary button--small"
                            key={action}
                            id={`decide-${card.teryt}-${action}`}
                            aria-label={texts.ranking.actionFor(
                              texts.card.decisionActions[action] ?? action,
                              card.gminaName,
                            )}
                            onClick={() =>
                              props.onDecide({
                                teryt: card.teryt,
                                gminaName: card.gminaName,
                                action,
                                status: card.status,
                                reason: texts.ranking.proposalReason(card.position),
                              })
                            }
                          >
                            {texts.card.decisionActions[action] ?? action}
                          </button>
                        ))}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * One decision from the ranking: the reason (the ranking's proposal offered), then the card's own decision
 * route with the card's revision — read just before, and refused as a conflict when the card no longer
 * stands where the ranking showed it.
 */
function DecisionForm(props: {
  callId: string;
  deciding: Deciding;
  onCancel: () => void;
  onDone: (status: string) => void;
  onReload: () => void;
}) {
  const texts = useReviewTexts();
  const { deciding } = props;
  const write = useWrite();
  const [reason, setReason] = useState(deciding.reason);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => headingRef.current?.focus(), []);
  const label = texts.ranking.actionFor(
    texts.card.decisionActions[deciding.action] ?? deciding.action,
    deciding.gminaName,
  );
  const submit = (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return write.refuse({ 'f-rank-reason': 'required' });
    write.send(
      async () => {
        const card = await getCard(props.callId, deciding.teryt);
        if (card.review.status !== deciding.status) throw new ApiError('CONFLICT');
        return decideCard(props.callId, deciding.teryt, {
          revision: card.review.revision,
          action: deciding.action,
          reason: reason.trim(),
        });
      },
      (result) => props.onDone(texts.statuses[result.status as ReviewStatus] ?? result.status),
      (path) => (path.startsWith('reason') ? 'f-rank-reason' : undefined),
    );
  };
  return (
    <section class="review-decision" aria-labelledby="rank-decision-heading">
      <h2 id="rank-decision-heading" tabIndex={-1} ref={headingRef}>
        {label}
      </h2>
      <form noValidate onSubmit={submit}>
        <FormErrors state={write.state} ids={['f-rank-reason']} />
        <WriteFailure
          failure={write.state.failure}
          onReload={props.onReload}
          onRetry={() => write.refuse({})}
        />
        <TextField
          id="f-rank-reason"
          name="reason"
          label={texts.ranking.reason}
          hint={texts.ranking.reasonHint}
          error={write.state.errors['f-rank-reason']}
          multiline
          rows={2}
          value={reason}
          onInput={setReason}
        />
        <p role="status" class="visually-hidden">
          {write.state.busy ? texts.saving : ''}
        </p>
        <div class="button-group">
          <button type="submit" class="button" aria-disabled={write.state.busy ? true : undefined}>
            {texts.ranking.confirm}
          </button>
          <button type="button" class="button button--secondary" onClick={props.onCancel}>
            {texts.ranking.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
