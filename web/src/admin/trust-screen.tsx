import type { ComponentChildren } from 'preact';
import type { TOwnAccountResponse } from '../../../shared/schemas/administration.ts';
import { ErrorNotice } from '../components/error-notice.tsx';
import { LoadingOrFailed } from '../components/loading-or-failed.tsx';
import { useI18n, wojewodztwoName } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import type { Resource } from '../lib/use-resource.ts';
import { AdminNav } from './admin-nav.tsx';
import { Titled, UserBar, useSignInWhenSignedOut } from './session.tsx';
import { useAdminTexts } from './texts.ts';
import { useTrustTexts } from './trust-texts.ts';

/**
 * What the voivodeship screens of issue 13 (held mail, gmina offices) share: the frame while loading or
 * failed, and, signed in, the user bar, the navigation and the choice of one of the user's voivodeships.
 */
export function TrustFrame<T>(props: {
  title: string;
  resource: Resource<T>;
  /** What was read last: shown while the data is read again after a write. */
  shown: T | undefined;
  retry: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const admin = useAdminTexts();
  const { resource } = props;
  const signingIn = useSignInWhenSignedOut(resource.status === 'error' ? resource.error : undefined);
  if (props.shown === undefined)
    return (
      <Titled title={props.title}>
        <LoadingOrFailed
          heading={props.title}
          loading={admin.panel.loading}
          failed={admin.panel.loadFailed}
          error={resource.status === 'error' ? resource.error : undefined}
          onRetry={props.retry}
          waiting={signingIn}
        />
      </Titled>
    );
  // Read again after a write and failed: what was read before stays, and the screen says it is not fresh.
  return (
    <>
      {resource.status === 'error' && !signingIn ? (
        <ErrorNotice title={admin.panel.rereadFailed} error={resource.error} onRetry={props.retry} />
      ) : null}
      {props.children(props.shown)}
    </>
  );
}

export function TrustHeader(props: {
  own: TOwnAccountResponse;
  current: 'mail' | 'offices' | 'erasure';
  title: string;
}) {
  return (
    <>
      <UserBar name={props.own.user.name} email={props.own.user.email} />
      <AdminNav current={props.current} lead={props.own.user.role === 'lead'} />
      <h1>{props.title}</h1>
    </>
  );
}

/** A GET form choosing one of the user's voivodeships (shown when there is more than one). */
export function VoivodeshipChoice(props: { codes: readonly string[]; current: string; path: string }) {
  const texts = useTrustTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  if (props.codes.length < 2) return null;
  return (
    <form
      class="admin-choose"
      method="get"
      action={props.path}
      onSubmit={(event) => {
        event.preventDefault();
        const chosen = String(new FormData(event.currentTarget).get('woj') ?? '');
        route(`${props.path}?${new URLSearchParams({ woj: chosen })}`);
      }}
    >
      <div class="form-group">
        <label class="label" for="f-woj">
          {texts.wojewodztwo}
        </label>
        <select class="select" id="f-woj" name="woj" defaultValue={props.current}>
          {props.codes.map((code) => (
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
  );
}
