import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './admin.css';
import type { ApiError } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useI18n } from '../lib/i18n.ts';
import { useLocation } from '../lib/router.ts';
import { signOut } from './api.ts';
import { useAdminTexts } from './texts.ts';

/**
 * A panel page the coordinator may come back to after signing in: only the panel's own pages, so a
 * crafted `powrot` cannot send anyone to another site (`//host`, `/\host`) or round to the sign-in page.
 */
export function returnPath(path: string | null | undefined): string | undefined {
  if (!path || !/^\/admin(?:[/?][^\\\s]*)?$/.test(path) || path.includes('//')) return undefined;
  return path.startsWith('/admin/logowanie') || path.startsWith('/admin/wylogowano') ? undefined : path;
}

/*
 * The page asked for before signing in. The e-mailed link opens a new tab, whose address knows nothing of
 * it, so the sign-in form leaves it in this browser's storage for the tab that takes the link.
 */
const RETURN_KEY = 'kooperacja:admin-return';

export function rememberReturn(path: string | undefined): void {
  try {
    if (path) localStorage.setItem(RETURN_KEY, path);
    else localStorage.removeItem(RETURN_KEY);
  } catch {
    // Storage may be off (a private window's settings): the coordinator then starts at the list.
  }
}

export function takeReturn(): string | undefined {
  try {
    const path = localStorage.getItem(RETURN_KEY);
    localStorage.removeItem(RETURN_KEY);
    return returnPath(path);
  } catch {
    return undefined;
  }
}

/**
 * A page that found the session gone sends the coordinator to sign in, replacing itself in history and
 * saying where to come back to; the sign-in page tells them why they are there.
 */
export function useSignInWhenSignedOut(error: ApiError | undefined): boolean {
  const { route, url } = useLocation();
  const signedOut = error?.code === 'SESSION_REQUIRED';
  useEffect(() => {
    if (signedOut) route(`/admin/logowanie?${new URLSearchParams({ powrot: url })}`, true);
  }, [signedOut]);
  return signedOut;
}

/** Who is signed in, and the way out (the session ends on the server, the cookie is cleared). */
export function UserBar(props: { name?: string; email?: string }) {
  const texts = useAdminTexts();
  const { t } = useI18n();
  const { route } = useLocation();
  const [state, setState] = useState<'idle' | 'busy' | ApiError>('idle');
  const leave = () => {
    if (state === 'busy') return;
    setState('busy');
    // Only a confirmed sign-out says "signed out": on a shared office computer, a session left open
    // behind that message is worse than an error asking to try again.
    signOut().then(
      () => route('/admin/wylogowano', true),
      (error: ApiError) => setState(error),
    );
  };
  return (
    <div class="admin-user">
      {props.name && props.email ? (
        <p class="admin-user__name">{texts.panel.signedInAs(props.name, props.email)}</p>
      ) : null}
      {typeof state === 'object' ? (
        // The button below stays where the focus is; pressing it again is the retry.
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{texts.panel.signOutFailed}</p>
          <p>{t.errors[state.code]}</p>
        </div>
      ) : null}
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={state === 'busy' ? true : undefined}
        onClick={leave}
      >
        {texts.panel.signOut}
      </button>
    </div>
  );
}

// A copy of components/titled.tsx: imported here, that module split the card form's chunk (a file more
// and +0.14 KB gzipped on the form's route).
export function Titled(props: { title: string; children: ComponentChildren }) {
  useDocumentTitle(props.title);
  return <>{props.children}</>;
}
