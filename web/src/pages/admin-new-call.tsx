import '../pages.css';
import { adminTexts } from '../admin/texts.ts';

/** The route loader waits for the panel's texts in the current language, so the page never shows a mix. */
export const textsReady = adminTexts.load;
export { NewCall as default } from '../admin/new-call.tsx';
