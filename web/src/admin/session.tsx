import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../lib/api.ts';
import { useDocumentTitle } from '../lib/document-title.ts';
import { useLocation } from '../lib/router.ts';
import { signOut } from './api.ts';
import { useAdminTexts } from './texts.ts';

/** A page that found the session gone sends the coordinator to sign in, replacing itself in history. */
export function useSignInWhenSignedOut(error: ApiError | undefined): boolean {
  const { route } = useLocation();
  const signedOut = error?.code === 'SESSION_REQUIRED';
  useEffect(() => {
    if (signedOut) route('/admin/logowanie', true);
  }, [signedOut]);
  return signedOut;
}

/** Who is signed in, and the way out (the session ends on the server, the cookie is cleared). */
export function UserBar(props: { name?: string; email?: string }) {
  const texts = useAdminTexts();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  return (
    <div class="admin-user">
      {props.name && props.email ? (
        <p class="admin-user__name">{texts.panel.signedInAs(props.name, props.email)}</p>
      ) : null}
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={busy ? true : undefined}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          // Whatever the answer, this tab forgets the panel: a failed sign-out is retried from the next page.
          signOut().finally(() => route('/admin/wylogowano', true));
        }}
      >
        {texts.panel.signOut}
      </button>
    </div>
  );
}

/**
 * A page state with its own document title, as components/titled.tsx does for the site; that module
 * shares a chunk with the card form's code, which importing it here would split (more files to fetch).
 */
export function Titled(props: { title: string; children: ComponentChildren }) {
  useDocumentTitle(props.title);
  return <>{props.children}</>;
}
