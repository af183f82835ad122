import { agreementPdf } from './documents/agreement-render.ts';
import { type Config, config } from './lib/config.ts';
import { agreementDeps } from './wiring-agreements.ts';

/**
 * The agreements' deps with the renderer of the text, for the two functions that make a new version of the
 * document (generate, edit the text). Apart from wiring-agreements.ts, so that the agreement functions that
 * only change state, send links or list bundle neither pdf-lib nor fontkit (≈ 1.1 MB minified).
 */
export function renderingAgreementDeps(settings: Config = config()) {
  return { ...agreementDeps(settings), renderText: agreementPdf };
}
