import { finalAgreementPdf } from './documents/agreement-render.ts';
import { type SealCertificate, sealPdf } from './documents/seal.ts';
import { localSealCertificate, secretSealCertificate } from './documents/seal-certificate.ts';
import type { Config } from './lib/config.ts';
import { config } from './lib/config.ts';
import { agreementDeps } from './wiring-agreements.ts';

/**
 * The agreements' deps with the final record's renderer and the seal, for the three functions whose change
 * can complete an agreement (routes.ts `documents: 'readWriteSeal'`: the last signature, a confirmed upload,
 * paper signing). Apart from wiring-agreements.ts, so that the other agreement functions bundle neither
 * pdf-lib nor @signpdf and node-forge.
 */

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

export function sealingAgreementDeps(settings: Config = config()) {
  const certificate = sealSource(settings);
  return {
    ...agreementDeps(settings),
    renderFinal: finalAgreementPdf,
    seal: async (pdf: Uint8Array, at: Date) => sealPdf(pdf, await certificate(), at),
  };
}
