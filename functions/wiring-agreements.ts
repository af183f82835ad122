import type { SealCertificate } from './documents/seal.ts';
import { localSealCertificate, secretSealCertificate } from './documents/seal-certificate.ts';
import { type Config, config } from './lib/config.ts';
import { storeAndMailDeps } from './wiring.ts';
import { withDocuments } from './wiring-documents.ts';

/** What the agreements' handlers wire (see wiring-documents.ts for why this is apart from wiring.ts). */

/** The seal's certificate, fetched once (on the first final agreement) and kept; a failure is retried. */
function sealSource(settings: Config): () => Promise<SealCertificate> {
  let seal: Promise<SealCertificate> | undefined;
  return () => {
    seal ??= settings.SEAL_SECRET_ARN
      ? secretSealCertificate(settings.SEAL_SECRET_ARN)
      : Promise.resolve().then(() => {
          if (!settings.SEAL_P12_PATH)
            throw new Error('Invalid configuration: SEAL_SECRET_ARN is required here');
          return localSealCertificate(settings.SEAL_P12_PATH);
        });
    seal.catch(() => {
      seal = undefined;
    });
    return seal;
  };
}

/** Everything the agreements' use-cases take: table, clock, mail, site address, documents and seal. */
export function agreementDeps(settings: Config = config()) {
  const deps = withDocuments(storeAndMailDeps(settings), settings);
  if (!deps.documents) throw new Error('Invalid configuration: DOCUMENTS_BUCKET is required here');
  return { ...deps, documents: deps.documents, seal: sealSource(settings) };
}
