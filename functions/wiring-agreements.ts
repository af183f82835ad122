import { type Config, config } from './lib/config.ts';
import { storeAndSiteDeps } from './wiring.ts';
import { withDocuments } from './wiring-documents.ts';

/**
 * What the agreements' handlers wire (see wiring-documents.ts for why this is apart from wiring.ts). The
 * seal is wired apart again (wiring-seal.ts): here a function that cannot complete an agreement is given
 * one that refuses, should a change ever reach it.
 */

/** Everything the agreements' use-cases take: table, clock, site address, documents (no seal); no SES: mail goes by the outbox. */
export function agreementDeps(settings: Config = config()) {
  const deps = withDocuments(storeAndSiteDeps(settings), settings);
  if (!deps.documents) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  return {
    ...deps,
    documents: deps.documents,
    seal: async (_pdf: Uint8Array, _at: Date): Promise<Uint8Array> => {
      throw new Error(
        "This function does not seal: its record in routes.ts needs documents: 'readWriteSeal'",
      );
    },
  };
}
