import { randomBytes } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';

/**
 * The platform's seal on a final agreement: a PAdES signature (adbe.pkcs7.detached) with the platform's own
 * certificate, so any PDF reader shows the document unchanged since. On AWS the certificate and its key come
 * from a Secrets Manager secret; locally a self-signed one is made on first need (functions/wiring.ts).
 */
export interface SealCertificate {
  /** PKCS#12 with the key and certificate. */
  p12: Uint8Array;
  passphrase: string;
}

export async function sealPdf(
  pdf: Uint8Array,
  certificate: SealCertificate,
  signedAt: Date,
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: 'Pieczęć platformy Kooperacja: dokument nie zmienił się od zakończenia podpisywania',
    contactInfo: 'Kooperacja',
    name: 'Kooperacja',
    location: 'Polska',
    signingTime: signedAt,
    signatureLength: 8192,
  });
  const withPlaceholder = await document.save({ useObjectStreams: false });
  const signer = new P12Signer(Buffer.from(certificate.p12), { passphrase: certificate.passphrase });
  return new Uint8Array(await new SignPdf().sign(Buffer.from(withPlaceholder), signer, signedAt));
}

/** A self-signed seal certificate (RSA 2048, ten years) for a machine without the cloud's secret. */
export function selfSignedSealCertificate(
  commonName = 'Kooperacja (lokalna pieczęć testowa)',
): SealCertificate {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const subject = [
    { shortName: 'CN', value: commonName, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: 'O', value: 'Kooperacja' },
    { shortName: 'C', value: 'PL' },
  ];
  cert.setSubject(subject as forge.pki.CertificateField[]);
  cert.setIssuer(subject as forge.pki.CertificateField[]);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const passphrase = randomBytes(16).toString('hex');
  const asn1 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], passphrase, { algorithm: '3des' });
  return { p12: new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')), passphrase };
}
