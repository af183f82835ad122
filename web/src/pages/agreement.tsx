import '../pages.css';
import { errorsReady } from '../agreements/errors.ts';
import { SigningPage } from '../agreements/signing-page.tsx';
import { agreementTexts } from '../agreements/texts.ts';
import { VerificationPage } from '../agreements/verification-page.tsx';
import { DeliverablePage } from '../deliverables/upload-page.tsx';
import NotFoundPage from './not-found.tsx';

/** The route loader waits for the texts and the agreements' error messages in the current language. */
export const textsReady = () => Promise.all([agreementTexts.load(), errorsReady()]).then(() => {});

/**
 * /porozumienie (signing by the e-mailed link), /porozumienie/weryfikacja (the public check of a signed
 * agreement) and /porozumienie/dokument (a party's upload of a document a deadline asks for): one route, so
 * the site's first download carries a single entry for all.
 */
export default function AgreementPage(props: { section?: string }) {
  if (props.section === undefined) return <SigningPage />;
  if (props.section === 'weryfikacja') return <VerificationPage />;
  // Served by this route rather than one of its own, which would add bytes to every page's entry; in this
  // chunk, not one of its own: a lazy view here split lazy-view.tsx out of the card form's chunk (a file more).
  if (props.section === 'dokument') return <DeliverablePage />;
  return <NotFoundPage />;
}
