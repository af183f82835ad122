import { type Config, config } from './lib/config.ts';
import { storeAndSiteDeps } from './wiring.ts';
import { withDocuments } from './wiring-documents.ts';

/**
 * What the agreements' handlers wire (see wiring-documents.ts for why this is apart from wiring.ts). The
 * PDF renderers and the seal are wired apart again (wiring-render.ts, wiring-seal.ts), so that pdf-lib,
 * fontkit and node-forge come only into the functions that render or seal: here a function that does
 * neither is given ones that refuse, should a change ever reach them.
 */

function refusing(what: string, wiring: string) {
  return async (..._args: unknown[]): Promise<Uint8Array> => {
    throw new Error(`This function does not ${what}: its handler needs the deps of ${wiring}`);
  };
}

/** Everything the agreements' use-cases take: table, clock, site address, documents (no renderer, no seal); no SES: mail goes by the outbox. */
export function agreementDeps(settings: Config = config()) {
  const deps = withDocuments(storeAndSiteDeps(settings), settings);
  if (!deps.documents) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  return {
    ...deps,
    documents: deps.documents,
    renderText: refusing('render an agreement', 'wiring-render.ts'),
    renderFinal: refusing('render a final record', "wiring-seal.ts (routes.ts documents: 'readWriteSeal')"),
    seal: refusing('seal', "wiring-seal.ts (routes.ts documents: 'readWriteSeal')"),
  };
}
