import { createHash } from 'node:crypto';
import forge from 'node-forge';

/**
 * Reading a PDF's signature (PAdES / adbe.pkcs7.detached): the /ByteRange says which bytes are signed, the
 * /Contents between them hold the PKCS#7 (CMS) SignedData. Used to check the platform's own seal and to show
 * a coordinator what an uploaded, qualified-signed PDF carries. Certificates are read by walking their ASN.1,
 * not with forge's certificate parser, which refuses the elliptic-curve keys most qualified certificates have.
 */

export interface PdfSignatureInfo {
  /** The PDF has a /ByteRange and a PKCS#7 signature that could be read. */
  signed: boolean;
  /** The signer's name (CN of the signing certificate), when there is one. */
  signerName?: string | undefined;
  /** The digest in the signature equals the digest of the bytes the /ByteRange names. */
  digestMatches?: boolean | undefined;
  /** The signature over the signed attributes verifies with the certificate's RSA key (checked for RSA only). */
  signatureVerifies?: boolean | undefined;
}

const latin1 = new TextDecoder('latin1');
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};

type Asn1 = forge.asn1.Asn1;

/** The last signature's byte range and its /Contents, if the PDF has one. */
function lastSignature(pdf: Uint8Array): { range: number[]; contents: string } | undefined {
  const text = latin1.decode(pdf);
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const match = matches.at(-1);
  if (!match) return undefined;
  const range = match.slice(1, 5).map(Number);
  const [start, length, next, rest] = range as [number, number, number, number];
  if (start !== 0 || start + length > next || next + rest > pdf.byteLength) return undefined;
  const between = text.slice(start + length, next);
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(between.trim())?.[1];
  if (!hex) return undefined;
  return { range, contents: hex };
}

function signedBytes(pdf: Uint8Array, range: number[]): Uint8Array {
  const [start, length, next, rest] = range as [number, number, number, number];
  const out = new Uint8Array(length + rest);
  out.set(pdf.subarray(start, start + length), 0);
  out.set(pdf.subarray(next, next + rest), length);
  return out;
}

function child(node: Asn1 | undefined, index: number): Asn1 | undefined {
  return Array.isArray(node?.value) ? (node.value[index] as Asn1 | undefined) : undefined;
}

function children(node: Asn1 | undefined): Asn1[] {
  return Array.isArray(node?.value) ? (node.value as Asn1[]) : [];
}

function commonName(name: Asn1): string | undefined {
  const attributes = (
    forge.pki as unknown as {
      RDNAttributesAsArray(rdn: Asn1): { shortName?: string; name?: string; value: string }[];
    }
  ).RDNAttributesAsArray(name);
  const cn = attributes.find((attribute) => attribute.shortName === 'CN')?.value;
  const named = [
    attributes.find((attribute) => attribute.name === 'givenName')?.value,
    attributes.find((attribute) => attribute.name === 'surname')?.value,
  ]
    .filter(Boolean)
    .join(' ');
  const value = cn ?? (named || undefined);
  // ASN.1 strings come as bytes in a JavaScript string; UTF8String names hold Polish letters.
  if (value === undefined) return undefined;
  try {
    return forge.util.decodeUtf8(value);
  } catch {
    return value;
  }
}

/** What the PDF's last signature says; never throws on a PDF that is merely unsigned or odd. */
export function inspectPdfSignature(pdf: Uint8Array): PdfSignatureInfo {
  const found = lastSignature(pdf);
  if (!found) return { signed: false };
  try {
    const der = forge.util.hexToBytes(found.contents);
    // Options as forge takes them (its types know only the older boolean): the hex is padded with zeros.
    const contentInfo = (forge.asn1.fromDer as unknown as (bytes: string, options: object) => Asn1)(der, {
      parseAllBytes: false,
      strict: false,
    });
    const signedData = child(child(contentInfo, 1), 0);
    const parts = children(signedData);
    const certificates = parts.find(
      (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
    );
    const signerInfos = parts.at(-1);
    const signer = child(signerInfos, 0);
    if (!signer) return { signed: false };
    const signerSerial = child(child(signer, 1), 1)?.value;
    const certs = children(certificates).map((cert) => {
      const tbs = child(cert, 0);
      const fields = children(tbs);
      const offset = fields[0]?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
      return {
        asn1: cert,
        serial: fields[offset]?.value,
        subject: fields[offset + 4],
        spki: fields[offset + 5],
      };
    });
    const cert = certs.find((candidate) => candidate.serial === signerSerial) ?? certs[0];
    const signerName = cert?.subject ? commonName(cert.subject) : undefined;

    const signerParts = children(signer);
    const digestOid = forge.asn1.derToOid(String(child(child(signer, 2), 0)?.value ?? ''));
    const attributes = signerParts.find(
      (part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0,
    );
    const signature = signerParts.find(
      (part) => part.tagClass === forge.asn1.Class.UNIVERSAL && part.type === forge.asn1.Type.OCTETSTRING,
    );
    const algorithm = DIGESTS[digestOid];
    if (!attributes || !signature || !algorithm) return { signed: true, signerName };

    const messageDigest = children(attributes)
      .filter((attribute) => forge.asn1.derToOid(String(child(attribute, 0)?.value)) === OID_MESSAGE_DIGEST)
      .map((attribute) => String(child(child(attribute, 1), 0)?.value ?? ''))[0];
    const actual = createHash(algorithm).update(signedBytes(pdf, found.range)).digest('binary');
    const digestMatches = messageDigest === actual;

    let signatureVerifies: boolean | undefined;
    try {
      const publicKey = cert?.spki ? forge.pki.publicKeyFromAsn1(cert.spki) : undefined;
      if (publicKey && 'verify' in publicKey) {
        // The signature covers the DER of the signed attributes as a SET (not their [0] tag).
        const set = forge.asn1.create(
          forge.asn1.Class.UNIVERSAL,
          forge.asn1.Type.SET,
          true,
          children(attributes),
        );
        const md = (forge.md as unknown as Record<string, { create(): forge.md.MessageDigest }>)[
          algorithm
        ]?.create();
        if (md) {
          md.update(forge.asn1.toDer(set).getBytes());
          signatureVerifies = (publicKey as forge.pki.rsa.PublicKey).verify(
            md.digest().getBytes(),
            String(signature.value),
          );
        }
      }
    } catch {
      // Not an RSA key (ECDSA, as many qualified certificates): the digest check still stands.
      signatureVerifies = undefined;
    }
    return { signed: true, signerName, digestMatches, signatureVerifies };
  } catch {
    return { signed: false };
  }
}

export { looksLikePdf } from './pdf-magic.ts';
