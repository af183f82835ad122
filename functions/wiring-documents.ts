import { type Config, config } from './lib/config.ts';
import { createDocumentStore, getDocument } from './repositories/documents.ts';

/*
 * More of wiring.ts, for the functions that keep documents, in modules of their own: the S3 client here, and
 * pdf-lib with the seal's libraries in wiring-agreements.ts, would otherwise be bundled into every function
 * that imports wiring.ts (measured: the health check grew from 209 KB to 927 KB, the sweeper to 1 MB).
 */

/** The documents bucket, where the function has one (the outbox sweeper attaches final agreements from it). */
export function withDocuments<T extends object>(deps: T, settings: Config = config()) {
  const documents = settings.DOCUMENTS_BUCKET ? createDocumentStore(settings) : undefined;
  return {
    ...deps,
    documents,
    readDocument: documents
      ? async (key: string, sha256: string) => (await getDocument(documents, key, sha256))?.body
      : undefined,
  };
}
