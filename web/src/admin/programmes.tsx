import { useState } from 'preact/hooks';
import { GMINA_KINDS, type GminaKind } from '../../../shared/gmina-kinds.ts';
import type { TMilestone, TProgramme } from '../../../shared/schemas/programme.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { useResource } from '../lib/use-resource.ts';
import {
  AdminNav,
  FieldError,
  TextField,
  useFieldMessage,
  useSaving,
  VoivodeshipBoxes,
} from './admin-nav.tsx';
import { createProgramme, getAdminProgramme, getOwnAccount, listProgrammes, saveProgramme } from './api.ts';
import { ErrorSummary } from './error-summary.tsx';
import { polishDay, polishDayText } from './polish-date.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

function Frame(props: { title: string; resource: ReturnType<typeof useResource<unknown>> }) {
  const all = useAdminTexts();
  const [resource, retry] = props.resource;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  return (
    <Titled title={props.title}>
      <LoadingOrFailed
        heading={props.title}
        loading={all.panel.loading}
        failed={all.panel.loadFailed}
        error={resource.status === 'error' ? resource.error : undefined}
        onRetry={retry}
        waiting={signingIn}
      />
    </Titled>
  );
}

/** /admin/programy — the programmes the lead leads, each a link to its form. */
export function Programmes() {
  const texts = useAdminTexts().administration;
  const resource = useResource('admin:led-programmes', async (signal) => {
    const [own, programmes] = await Promise.all([getOwnAccount(signal), listProgrammes(signal)]);
    const led = own.user.programmes ?? [];
    return { user: own.user, programmes: programmes.filter((programme) => led.includes(programme.id)) };
  });
  const [state] = resource;
  if (state.status !== 'ready')
    return <Frame title={texts.programmes} resource={resource as ReturnType<typeof useResource<unknown>>} />;
  const { user, programmes } = state.data;
  return (
    <Titled title={texts.programmes}>
      <UserBar name={user.name} email={user.email} />
      <AdminNav current="programmes" lead />
      <h1>{texts.programmes}</h1>
      <p>
        <a class="button" href="/admin/programy/nowy">
          {texts.addProgramme}
        </a>
      </p>
      {programmes.length === 0 ? (
        <p>{texts.noProgrammes}</p>
      ) : (
        <ul>
          {programmes.map((programme) => (
            <li key={programme.id}>
              <a
                href={`/admin/programy/${encodeURIComponent(programme.id)}`}
                aria-label={texts.editProgramme(programme.name)}
              >
                {programme.name}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Titled>
  );
}

/** The name of a programme the form has just created, said once on the programme's page it goes to. */
let justCreated: string | undefined;

/**
 * A programme's id from its name, as a call's is from its title (no slug to invent): Polish letters folded,
 * anything else a hyphen. "nowy" is this screen's own address, so never an id.
 */
function programmeIdOf(name: string): string {
  // shared/teryt/search.ts's foldPolish, copied: imported here it became a chunk of its own (394 B) that
  // the card form's route then fetched as one more file, over the form's budget.
  const slug = name
    .toLocaleLowerCase('pl')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return slug.length >= 3 && slug !== 'nowy' ? slug : `program-${slug}`.replace(/-+$/, '');
}

/** /admin/programy/nowy — the lead's form for a new programme, led by its own voivodeship's ROPS. */
export function NewProgramme() {
  const texts = useAdminTexts().administration;
  const resource = useResource('admin:own-for-programme', (signal) => getOwnAccount(signal));
  const [state] = resource;
  if (state.status !== 'ready')
    return (
      <Frame title={texts.newProgramme} resource={resource as ReturnType<typeof useResource<unknown>>} />
    );
  const { user } = state.data;
  if (user.role !== 'lead')
    return (
      <Titled title={texts.newProgramme}>
        <UserBar name={user.name} email={user.email} />
        <AdminNav current="programmes" lead={false} />
        <h1>{texts.newProgramme}</h1>
        <p>{texts.onlyLead}</p>
      </Titled>
    );
  return <ProgrammeForm leadChoices={user.ownWojewodztwa ?? user.wojewodztwa} />;
}

/** /admin/programy/<id> — a programme's facts, gmina kinds and milestones, saved whole. */
export function ProgrammeDetail(props: { id: string }) {
  const texts = useAdminTexts().administration;
  const resource = useResource(`admin:programme:${props.id}`, (signal) =>
    getAdminProgramme(props.id, signal),
  );
  const [state] = resource;
  if (state.status !== 'ready')
    return (
      <Frame title={texts.programmeTitle} resource={resource as ReturnType<typeof useResource<unknown>>} />
    );
  // The form stays as saved (what was typed is what is stored), its notice with it.
  return <ProgrammeForm programme={state.data} />;
}

/** A date typed the Polish way (15.03.2027), `f-<path>`; the stored day is shown the same way. */
function DateField(props: { name: string; label: string; value: string; error: string | undefined }) {
  const texts = useAdminTexts().administration;
  const id = `f-${props.name.replace(/\./g, '-')}`;
  return (
    <div class={`form-group${props.error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {props.label} <span class="hint">({texts.dateHint})</span>
      </label>
      <FieldError id={`${id}-error`} message={props.error} />
      <input
        class={`input deadline-date${props.error ? ' input--error' : ''}`}
        id={id}
        name={props.name}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        defaultValue={polishDayText(props.value)}
        aria-describedby={props.error ? `${id}-error` : undefined}
        aria-invalid={props.error ? true : undefined}
      />
    </div>
  );
}

const BLANK = { name: '', startsOn: '', endsOn: '' };

/** The form of a programme: a new one (`leadChoices`: the lead's own voivodeships) or `programme` to edit. */
function ProgrammeForm(props: { programme?: TProgramme; leadChoices?: readonly string[] }) {
  const all = useAdminTexts();
  const texts = all.administration;
  const { t } = useI18n();
  const { route } = useLocation();
  const message = useFieldMessage();
  const saving = useSaving();
  const { programme } = props;
  const [saved, setSaved] = useState<string | undefined>(
    programme && justCreated === programme.id ? texts.created(programme.name) : undefined,
  );
  if (programme && justCreated === programme.id) justCreated = undefined;
  const [milestones, setMilestones] = useState<TMilestone[]>(programme?.milestones ?? []);
  const leadChoices = props.leadChoices ?? [];
  const leadWojewodztwo = programme?.leadWojewodztwo ?? leadChoices[0] ?? '';
  // Every voivodeship for a new programme (the API refuses another lead's); its own ones for an edit.
  const allCodes = Object.keys(t.wojewodztwa).sort();
  const codes = programme ? [...new Set([...programme.wojewodztwa, ...allCodes])].sort() : allCodes;
  const checked = programme?.wojewodztwa ?? [leadWojewodztwo];
  const fields = saving.fields;
  const messageAt = (path: string, key: string) => {
    if (path === 'id') return key === 'taken' ? texts.programmeTaken : texts.programmeIdInvalid;
    if (/(^|\.)(startsOn|endsOn)$/.test(path) && (key === 'invalid' || key === 'required'))
      return texts.errors.date_format as string;
    return message(key);
  };
  const error = (path: string) => (fields[path] ? messageAt(path, fields[path] as string) : undefined);
  const groupError = (prefix: string) => {
    const entry = Object.entries(fields).find(([path]) => path === prefix || path.startsWith(`${prefix}.`));
    return entry ? messageAt(entry[0], entry[1]) : undefined;
  };
  const anchor = (path: string) => {
    if (path === 'id') return 'f-name';
    if (path.startsWith('wojewodztwa')) return `f-prog-woj-${codes[0]}`;
    if (path.startsWith('gminaKinds')) return `f-kind-${GMINA_KINDS[0]}`;
    if (path === 'leadWojewodztwo')
      return leadChoices.length > 1 ? 'f-leadWojewodztwo' : `f-prog-woj-${codes[0]}`;
    if (path === 'milestones') return milestones.length > 0 ? 'f-milestones-0-name' : 'f-add-milestone';
    return `f-${path.replace(/\./g, '-')}`;
  };
  const { error: failed } = saving;
  const summary = failed
    ? Object.keys(fields).length > 0
      ? Object.entries(fields).map(([path, key]) => ({
          href: `#${anchor(path)}`,
          text: messageAt(path, key),
        }))
      : [
          {
            href: '#main',
            text:
              failed.code === 'FORBIDDEN'
                ? message('forbidden')
                : failed.code === 'CONFLICT'
                  ? message('conflict')
                  : t.errors[failed.code],
          },
        ]
    : [];
  const title = programme ? `${texts.programmeTitle}: ${programme.name}` : texts.newProgramme;
  return (
    <Titled title={failed ? `${all.errorPrefix} ${title}` : title}>
      <UserBar />
      <AdminNav current="programmes" lead />
      <h1>{programme?.name ?? texts.newProgramme}</h1>
      <p>
        <a href="/admin/programy">{texts.backToProgrammes}</a>
      </p>
      {saved ? (
        <p class="notice" role="status">
          {saved}
        </p>
      ) : null}
      <ErrorSummary title={texts.errorSummary} errors={summary} verdict={failed} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(undefined);
          const data = new FormData(event.currentTarget);
          const text = (name: string) => String(data.get(name) ?? '');
          const name = text('name');
          const next: TProgramme = {
            // What the form does not show (retention, links' days) stays as it was.
            ...programme,
            id: programme?.id ?? programmeIdOf(name),
            name,
            description: text('description'),
            leadWojewodztwo: programme ? programme.leadWojewodztwo : text('leadWojewodztwo'),
            wojewodztwa: data.getAll('wojewodztwa').map(String),
            gminaKinds: data.getAll('gminaKinds').map(String) as GminaKind[],
            startsOn: polishDay(text('startsOn')),
            endsOn: polishDay(text('endsOn')),
            milestones: milestones.map((milestone, index) => ({
              number: milestone.number,
              name: text(`milestones.${index}.name`),
              startsOn: polishDay(text(`milestones.${index}.startsOn`)),
              endsOn: polishDay(text(`milestones.${index}.endsOn`)),
            })),
          };
          if (!programme) {
            const created = await saving.run(() => createProgramme(next));
            if (created) {
              justCreated = created.id;
              route(`/admin/programy/${encodeURIComponent(created.id)}`);
            }
            return;
          }
          const result = await saving.run(() => saveProgramme(next));
          if (result) setSaved(texts.saved);
        }}
      >
        <TextField
          name="name"
          label={texts.programmeName}
          value={programme?.name}
          hint={programme ? undefined : texts.programmeNameHint}
          error={error('name') ?? error('id')}
        />
        <TextField
          name="description"
          label={texts.description}
          value={programme?.description}
          error={error('description')}
          multiline
        />
        {programme || leadChoices.length <= 1 ? (
          <p>
            {texts.leadWojewodztwo}: {wojewodztwoName(t, leadWojewodztwo)}
            <input type="hidden" name="leadWojewodztwo" value={leadWojewodztwo} />
          </p>
        ) : (
          <div class={`form-group${error('leadWojewodztwo') ? ' form-group--error' : ''}`}>
            <label class="label" for="f-leadWojewodztwo">
              {texts.leadWojewodztwo}
            </label>
            <FieldError id="f-leadWojewodztwo-error" message={error('leadWojewodztwo')} />
            <select class="select" id="f-leadWojewodztwo" name="leadWojewodztwo">
              {leadChoices.map((code) => (
                <option key={code} value={code}>
                  {wojewodztwoName(t, code)}
                </option>
              ))}
            </select>
          </div>
        )}
        <VoivodeshipBoxes
          legend={texts.wojewodztwa}
          name="wojewodztwa"
          codes={codes}
          checked={checked}
          idPrefix="f-prog-woj"
          error={groupError('wojewodztwa') ?? (programme ? undefined : error('leadWojewodztwo'))}
        />
        <fieldset class="form-group" aria-describedby={groupError('gminaKinds') ? 'f-kind-error' : undefined}>
          <legend class="label">{texts.gminaKinds}</legend>
          <FieldError id="f-kind-error" message={groupError('gminaKinds')} />
          {GMINA_KINDS.map((kind) => (
            <div class="choice" key={kind}>
              <input
                class="choice__input"
                type="checkbox"
                id={`f-kind-${kind}`}
                name="gminaKinds"
                value={kind}
                defaultChecked={programme?.gminaKinds.includes(kind) ?? false}
              />
              <label class="choice__label" for={`f-kind-${kind}`}>
                {all.kinds[kind]}
              </label>
            </div>
          ))}
        </fieldset>
        <DateField
          name="startsOn"
          label={texts.startsOn}
          value={programme?.startsOn ?? ''}
          error={error('startsOn')}
        />
        <DateField
          name="endsOn"
          label={texts.endsOn}
          value={programme?.endsOn ?? ''}
          error={error('endsOn')}
        />
        <h2>{texts.milestones}</h2>
        <p class="hint">{texts.milestonesHint}</p>
        {groupError('milestones') && !milestones.some((_, index) => error(`milestones.${index}.name`)) ? (
          <FieldError id="f-milestones-error" message={error('milestones')} />
        ) : null}
        {milestones.map((milestone, index) => (
          <fieldset class="form-group" key={milestone.number}>
            <legend class="label">{texts.milestone(milestone.number)}</legend>
            <TextField
              name={`milestones.${index}.name`}
              label={texts.milestoneName}
              value={milestone.name}
              error={error(`milestones.${index}.name`)}
            />
            <DateField
              name={`milestones.${index}.startsOn`}
              label={texts.startsOn}
              value={milestone.startsOn}
              error={error(`milestones.${index}.startsOn`)}
            />
            <DateField
              name={`milestones.${index}.endsOn`}
              label={texts.endsOn}
              value={milestone.endsOn}
              error={error(`milestones.${index}.endsOn`)}
            />
            <button
              type="button"
              class="button button--secondary"
              onClick={() => setMilestones(milestones.filter((_, at) => at !== index))}
            >
              {texts.removeMilestone(milestone.number)}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            id="f-add-milestone"
            class="button button--secondary"
            onClick={() => {
              const number = Math.max(0, ...milestones.map((milestone) => milestone.number)) + 1;
              setMilestones([...milestones, { number, ...BLANK }]);
            }}
          >
            {texts.addMilestone}
          </button>
        </p>
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : programme ? texts.save : texts.createProgramme}
        </button>
      </form>
    </Titled>
  );
}
