import '../pages.css';
import { reviewTexts } from '../admin/review-texts.ts';
import { adminTexts } from '../admin/texts.ts';

/** The route loader waits for the panel's texts in the current language, so the page never shows a mix. */
export const textsReady = () => Promise.all([adminTexts.load(), reviewTexts.load()]).then(() => {});
export { AdminPanel as default } from '../admin/panel.tsx';
