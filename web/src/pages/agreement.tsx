import '../pages.css';
import { errorsReady } from '../agreements/errors.ts';
import { SigningPage } from '../agreements/signing-page.tsx';
import { agreementTexts } from '../agreements/texts.ts';
import { VerificationPage } from '../agreements/verification-page.tsx';
import NotFoundPage from './not-found.tsx';

/** The route loader waits for the texts and the agreements' error messages in the current language. */
export const textsReady = () => Promise.all([agreementTexts.load(), errorsReady()]).then(() => {});

/**
 * /porozumienie (signing by the e-mailed link) and /porozumienie/weryfikacja (the public check of a signed
 * agreement): one route, one chunk, so the site's first download carries a single entry for both.
 */
export default function AgreementPage(props: { section?: string }) {
  if (props.section === undefined) return <SigningPage />;
  if (props.section === 'weryfikacja') return <VerificationPage />;
  return <NotFoundPage />;
}
