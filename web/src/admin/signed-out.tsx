import { Titled } from './session.tsx';
import { useAdminTexts } from './texts.ts';

/** /admin/wylogowano — after signing out. */
export function SignedOut() {
  const texts = useAdminTexts();
  return (
    <Titled title={texts.signIn.signedOutTitle}>
      <h1>{texts.signIn.signedOutTitle}</h1>
      <p>{texts.signIn.signedOut}</p>
      <p>
        <a href="/admin/logowanie">{texts.signIn.signInAgain}</a>
      </p>
    </Titled>
  );
}
