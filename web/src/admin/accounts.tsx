import { useState } from 'preact/hooks';
import type { TAccount, TOwnAccountResponse } from '../../../shared/schemas/administration.ts';
import { formatWarsaw } from '../../../shared/time.ts';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n } from '../lib/i18n.ts';
import { useResource } from '../lib/use-resource.ts';
import {
  AdminNav,
  FormErrors,
  TextField,
  useFieldMessage,
  useSaving,
  VoivodeshipBoxes,
  wojewodztwaList,
} from './admin-nav.tsx';
import { addAccount, changeAccount, getOwnAccount, listAccounts, setAccountDisabled } from './api.ts';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';

type Loaded = { own: TOwnAccountResponse; accounts: TAccount[] };

async function load(signal: AbortSignal): Promise<Loaded> {
  const [own, list] = await Promise.all([getOwnAccount(signal), listAccounts(signal)]);
  return { own, accounts: list.accounts };
}

/** The page's frame while its data loads (or failed), then `children` with the data. */
function Loading(props: { title: string; resource: ReturnType<typeof useResource<Loaded>> }) {
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

/** /admin/konta — the lead's coordinators (state, last sign-in) and the form adding one. */
export function Accounts() {
  const texts = useAdminTexts().administration;
  const { t } = useI18n();
  const resource = useResource('admin:accounts', load);
  const [state, retry] = resource;
  const saving = useSaving();
  const message = useFieldMessage();
  const [added, setAdded] = useState<string | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);
  if (state.status !== 'ready') return <Loading title={texts.accounts} resource={resource} />;
  const { own, accounts } = state.data;
  const fields = saving.fields;
  return (
    <Titled title={texts.accounts}>
      <UserBar name={own.user.name} email={own.user.email} />
      <AdminNav current="accounts" lead />
      <h1>{texts.accounts}</h1>
      {added ? (
        <p class="notice" role="status">
          {texts.added(added)}
        </p>
      ) : null}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways at 320 px must take the keyboard's focus to be scrolled (axe: scrollable-region-focusable) */}
      <section class="table-scroll" aria-labelledby="accounts-caption" tabIndex={0}>
        <table class="table" aria-labelledby="accounts-caption">
          <caption id="accounts-caption" class="visually-hidden">
            {texts.accounts}
          </caption>
          <thead>
            <tr>
              <th scope="col">{texts.name}</th>
              <th scope="col">{texts.email}</th>
              <th scope="col">{texts.wojewodztwa}</th>
              <th scope="col">{texts.state}</th>
              <th scope="col">{texts.lastSignIn}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.email}>
                <th scope="row">
                  {account.email !== own.user.email ? (
                    <a href={`/admin/konta/${encodeURIComponent(account.email)}`}>
                      {account.role === 'lead' ? `${account.name} (${texts.roles.lead})` : account.name}
                      <span class="visually-hidden"> — {texts.edit(account.email)}</span>
                    </a>
                  ) : (
                    `${account.name} (${texts.roles.lead})`
                  )}
                </th>
                <td>{account.email}</td>
                <td>{wojewodztwaList(t, account.wojewodztwa)}</td>
                <td>{account.disabled ? texts.disabledState : texts.active}</td>
                <td>
                  {account.lastSignInAt ? (
                    <time dateTime={account.lastSignInAt}>
                      {formatWarsaw(account.lastSignInAt, t.locale)}
                    </time>
                  ) : (
                    texts.never
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <h2>{texts.addAccount}</h2>
      <p class="hint">{texts.addAccountHint}</p>
      <FormErrors
        error={saving.error}
        title={texts.errorSummary}
        anchor={(path) =>
          path.startsWith('wojewodztwa') ? `f-new-woj-${own.user.wojewodztwa[0]}` : `f-${path}`
        }
      />
      <form
        key={formKey}
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const lead = data.get('role') === 'lead';
          // A lead account is of this lead's own ROPS: its voivodeships are this lead's own.
          const input = {
            email: String(data.get('email') ?? ''),
            name: String(data.get('name') ?? ''),
            wojewodztwa: lead
              ? (own.user.ownWojewodztwa ?? own.user.wojewodztwa)
              : data.getAll('wojewodztwa').map(String),
            ...(lead ? { role: 'lead' as const } : {}),
          };
          const account = await saving.run(() => addAccount(input));
          if (account) {
            setAdded(account.email);
            setFormKey((n) => n + 1);
            retry();
          }
        }}
      >
        <TextField
          name="email"
          type="email"
          label={texts.email}
          error={fields.email && message(fields.email)}
        />
        <TextField name="name" label={texts.name} error={fields.name && message(fields.name)} />
        <fieldset class="form-group" aria-describedby="f-role-hint">
          <legend class="label">{texts.role}</legend>
          <p class="hint" id="f-role-hint">
            {texts.roleHint(wojewodztwaList(t, own.user.ownWojewodztwa ?? own.user.wojewodztwa))}
          </p>
          {(['coordinator', 'lead'] as const).map((role) => (
            <div class="choice choice--radio" key={role}>
              <input
                class="choice__input"
                type="radio"
                id={`f-role-${role}`}
                name="role"
                value={role}
                defaultChecked={role === 'coordinator'}
              />
              <label class="choice__label" for={`f-role-${role}`}>
                {texts.roles[role]}
              </label>
            </div>
          ))}
        </fieldset>
        <VoivodeshipBoxes
          legend={texts.wojewodztwa}
          name="wojewodztwa"
          codes={own.user.wojewodztwa}
          checked={[]}
          idPrefix="f-new-woj"
          error={
            Object.entries(fields).find(([path]) => path.startsWith('wojewodztwa'))?.[1] &&
            message(Object.entries(fields).find(([path]) => path.startsWith('wojewodztwa'))?.[1] as string)
          }
        />
        <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
          {saving.busy ? texts.saving : texts.add}
        </button>
      </form>
    </Titled>
  );
}

/** /admin/konta/<e-mail> — one coordinator's name and voivodeships; disabling or enabling the account. */
export function AccountDetail(props: { email: string }) {
  const texts = useAdminTexts().administration;
  const resource = useResource(`admin:accounts:${props.email}`, load);
  const [state, retry] = resource;
  const saving = useSaving();
  const message = useFieldMessage();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  if (state.status !== 'ready') return <Loading title={texts.editTitle} resource={resource} />;
  const { own, accounts } = state.data;
  // Coordinators, and other lead accounts of this lead's ROPS (the API decides which it manages).
  const account = accounts.find((item) => item.email === props.email && item.email !== own.user.email);
  const fields = saving.fields;
  const wojError = Object.entries(fields).find(([path]) => path.startsWith('wojewodztwa'))?.[1];
  return (
    <Titled title={texts.editTitle}>
      <UserBar name={own.user.name} email={own.user.email} />
      <AdminNav current="accounts" lead />
      <h1>{texts.editTitle}</h1>
      <p>
        <a href="/admin/konta">{texts.backToAccounts}</a>
      </p>
      {!account ? (
        <p>{texts.noAccount}</p>
      ) : (
        <>
          <p>
            {account.email} — {account.disabled ? texts.disabledState : texts.active}
          </p>
          {notice ? (
            <p class="notice" role="status">
              {notice}
            </p>
          ) : null}
          <FormErrors
            error={saving.error}
            title={texts.errorSummary}
            anchor={(path) =>
              path.startsWith('wojewodztwa') ? `f-edit-woj-${own.user.wojewodztwa[0]}` : `f-${path}`
            }
          />
          <form
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              const changed = await saving.run(() =>
                changeAccount(account.email, {
                  name: String(data.get('name') ?? ''),
                  wojewodztwa: data.getAll('wojewodztwa').map(String),
                }),
              );
              if (changed) {
                setNotice(texts.saved);
                retry();
              }
            }}
          >
            <TextField
              name="name"
              label={texts.name}
              value={account.name}
              error={fields.name && message(fields.name)}
            />
            <VoivodeshipBoxes
              legend={texts.wojewodztwa}
              name="wojewodztwa"
              codes={[...new Set([...own.user.wojewodztwa, ...account.wojewodztwa])]}
              checked={account.wojewodztwa}
              idPrefix="f-edit-woj"
              error={wojError && message(wojError)}
            />
            <button type="submit" class="button" aria-disabled={saving.busy ? true : undefined}>
              {saving.busy ? texts.saving : texts.save}
            </button>
          </form>
          <p>
            <button
              type="button"
              class="button button--secondary"
              aria-disabled={saving.busy ? true : undefined}
              onClick={async () => {
                const result = await saving.run(() => setAccountDisabled(account.email, !account.disabled));
                if (result) {
                  setNotice(
                    result.disabled ? texts.disabledNotice(result.sessionsEnded ?? 0) : texts.enabledNotice,
                  );
                  retry();
                }
              }}
            >
              {account.disabled ? texts.enable : texts.disable}
            </button>
          </p>
        </>
      )}
    </Titled>
  );
}
