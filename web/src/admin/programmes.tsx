import { useState } from 'preact/hooks';
import { GMINA_KINDS, type GminaKind } from '../../../shared/gmina-kinds.ts';
import type { TMilestone, TProgramme } from '../../../shared/schemas/programme.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import {
  AdminNav,
  FieldError,
  FormErrors,
  TextField,
  useFieldMessage,
  useSaving,
  VoivodeshipBoxes,
} from './admin-nav.tsx';
import { getAdminProgramme, getOwnAccount, listProgrammes, saveProgramme } from './api.ts';
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

function ProgrammeForm(props: { programme: TProgramme }) {
  const all = useAdminTexts();
  const texts = all.administration;
  const { t } = useI18n();
  const message = useFieldMessage();
  const saving = useSaving();
  const [saved, setSaved] = useState(false);
  const [milestones, setMilestones] = useState<TMilestone[]>(props.programme.milestones);
  const { programme } = props;
  const fields = saving.fields;
  const error = (path: string) => (fields[path] ? message(fields[path] as string) : undefined);
  const groupError = (prefix: string) => {
    const key = Object.entries(fields).find(
      ([path]) => path === prefix || path.startsWith(`${prefix}.`),
    )?.[1];
    return key ? message(key) : undefined;
  };
  const anchor = (path: string) => {
    if (path.startsWith('wojewodztwa')) return `f-prog-woj-${programme.wojewodztwa[0]}`;
    if (path.startsWith('gminaKinds')) return `f-kind-${GMINA_KINDS[0]}`;
    return `f-${path.replace(/\./g, '-')}`;
  };
  return (
    <Titled title={`${texts.programmeTitle}: ${programme.name}`}>
      <UserBar />
      <AdminNav current="programmes" lead />
      <h1>{programme.name}</h1>
      <p>
        <a href="/admin/programy">{texts.backToProgrammes}</a>
      </p>
      {saved ? (
        <p class="notice" role="status">
          {texts.saved}
        </p>
      ) : null}
      <FormErrors error={saving.error} title={texts.errorSummary} anchor={anchor} />
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setSaved(false);
          const data = new FormData(event.currentTarget);
          const text = (name: string) => String(data.get(name) ?? '');
          const next: TProgramme = {
            id: programme.id,
            name: text('name'),
            description: text('description'),
            leadWojewodztwo: programme.leadWojewodztwo,
            wojewodztwa: data.getAll('wojewodztwa').map(String),
            gminaKinds: data.getAll('gminaKinds').map(String) as GminaKind[],
            startsOn: text('startsOn'),
            endsOn: text('endsOn'),
            milestones: milestones.map((milestone, index) => ({
              number: milestone.number,
              name: text(`milestones.${index}.name`),
              startsOn: text(`milestones.${index}.startsOn`),
              endsOn: text(`milestones.${index}.endsOn`),
            })),
          };
          const result = await saving.run(() => saveProgramme(next));
          if (result) setSaved(true);
        }}
      >
        <TextField name="name" label={texts.name} value={programme.name} error={error('name')} />
        <TextField
          name="description"
          label={texts.description}
          value={programme.description}
          error={error('description')}
          multiline
        />
        <p>
          {texts.leadWojewodztwo}: {wojewodztwoName(t, programme.leadWojewodztwo)}
        </p>
        <VoivodeshipBoxes
          legend={texts.wojewodztwa}
          name="wojewodztwa"
          codes={programme.wojewodztwa}
          checked={programme.wojewodztwa}
          idPrefix="f-prog-woj"
          error={groupError('wojewodztwa')}
        />
        <fieldset class="form-group">
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
                defaultChecked={programme.gminaKinds.includes(kind)}
              />
              <label class="choice__label" for={`f-kind-${kind}`}>
                {all.kinds[kind]}
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          name="startsOn"
          type="date"
          label={texts.startsOn}
          value={programme.startsOn}
          error={error('startsOn')}
        />
        <TextField
          name="endsOn"
          type="date"
          label={texts.endsOn}
          value={programme.endsOn}
          error={error('endsOn')}
        />
        <h2>{texts.milestones}</h2>
        <p class="hint">{texts.milestonesHint}</p>
        {milestones.map((milestone, index) => (
          <fieldset class="form-group" key={milestone.number}>
            <legend class="label">{texts.milestone(milestone.number)}</legend>
            <TextField
              name={`milestones.${index}.name`}
              label={texts.milestoneName}
              value={milestone.name}
              error={error(`milestones.${index}.name`)}
            />
            <TextField
              name={`milestones.${index}.startsOn`}
              type="date"
              label={texts.startsOn}
              value={milestone.startsOn}
              error={error(`milestones.${index}.startsOn`)}
            />
            <TextField
              name={`milestones.${index}.endsOn`}
              type="date"
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
            class="button button--secondary"
            onClick={() => {
              const number = Math.max(0, ...milestones.map((milestone) => milestone.number)) + 1;
              setMilestones([
                ...milestones,
                { number, name: '', startsOn: programme.endsOn, endsOn: programme.endsOn },
              ]);
            }}
          >
            {texts.addMilestone}
          </button>
        </p>
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : texts.save}
        </button>
      </form>
    </Titled>
  );
}
