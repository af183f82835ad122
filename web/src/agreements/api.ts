import { AGREEMENT_FILE_MAX_BYTES } from '../../../shared/agreement-uploads.ts';
import type {
  PartyRole,
  TSignedAgreementLink,
  TSigningPageView,
  TVerifyResponse,
} from '../../../shared/schemas/agreements.ts';
import { requestJson, TIMEOUT_MS } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';
import './errors.ts';
import { sendInParts } from './file-parts.ts';

/*
 * The signatories' routes (the e-mailed link's token as a Bearer header) and the public verification
 * (shared/schemas/agreements.ts). Answers are read leniently, as elsewhere on the site (lib/shape.ts); the
 * type checks at the end keep each contract readable by its reader. Importing errors.ts first makes the
 * agreements' error codes known to lib/api.ts, so a refusal arrives as its code, not as a bad response.
 */

export interface SigningParty {
  role: PartyRole;
  name: string;
  status: string;
  signedAt?: string | undefined;
}
export interface SigningView {
  agreementId: string;
  title: string;
  html: string;
  documentSha256: string;
  status: string;
  you: { role: PartyRole; name: string; signatoryName: string };
  yourTurn: boolean;
  deadline: string;
  parties: SigningParty[];
}
export interface UploadAnswer extends SigningView {
  upload: { sha256: string; signed: boolean; signerName?: string | undefined };
}
export interface SigningPdf {
  filename: string;
  sha256: string;
  base64: string;
}
export interface SignedAgreementLink {
  url: string;
  sha256: string;
  size: number;
  filename: string;
}
export interface Verification {
  valid: boolean;
  agreementId: string;
  completedAt?: string | undefined;
  parties?: { name: string; signedAt: string }[] | undefined;
}

const viewShape = {
  agreementId: 'string',
  title: 'string',
  html: 'string',
  documentSha256: 'string',
  status: 'string',
  you: { role: 'string', name: 'string', signatoryName: 'string' },
  yourTurn: 'boolean',
  deadline: 'string',
  parties: [{ role: 'string', name: 'string', status: 'string', 'signedAt?': 'string' }],
} as const;
const readView = reader<SigningView>(viewShape);
const readUpload = reader<UploadAnswer>({
  ...viewShape,
  upload: { sha256: 'string', signed: 'boolean', 'signerName?': 'string' },
});
const readPdf = reader<SigningPdf>({ filename: 'string', sha256: 'string', base64: 'string' });
const readSignedLink = reader<SignedAgreementLink>({
  url: 'string',
  sha256: 'string',
  size: 'number',
  filename: 'string',
});
const readVerification = reader<Verification>({
  valid: 'boolean',
  agreementId: 'string',
  'completedAt?': 'string',
  'parties?': [{ name: 'string', signedAt: 'string' }],
});

// Compile-time only: what the API promises must be something these readers accept.
type Reads<Reader, Contract extends Reader> = Contract;
export type ContractsRead = [
  Reads<SigningView, TSigningPageView>,
  Reads<Verification, TVerifyResponse>,
  Reads<SignedAgreementLink, TSignedAgreementLink>,
];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export function getSigningPage(token: string, signal?: AbortSignal): Promise<SigningView> {
  return requestJson('/api/signing/current', readView, { headers: bearer(token), signal });
}

/** The PDF the page shows as text: base64 in JSON, checked against the hash the page shows. */
export function getSigningPdf(token: string): Promise<SigningPdf> {
  return requestJson('/api/signing/current/pdf', readPdf, { headers: bearer(token) });
}

/** The signed final record: a link to the bucket for a minute, which the page then navigates to. */
export function getSignedAgreementLink(token: string): Promise<SignedAgreementLink> {
  return requestJson('/api/signing/current/final', readSignedLink, { headers: bearer(token) });
}

export function signAgreement(
  token: string,
  input: { fullName: string; consent: boolean; documentSha256: string },
): Promise<SigningView> {
  return requestJson('/api/signing/current/signature', readView, {
    method: 'POST',
    body: input,
    headers: bearer(token),
  });
}

export function declineAgreement(
  token: string,
  input: { reason: string; documentSha256: string },
): Promise<SigningView> {
  return requestJson('/api/signing/current/refusal', readView, {
    method: 'POST',
    body: input,
    headers: bearer(token),
  });
}

/** The largest upload the API takes (10 MB); a bigger file is refused here without sending it. */
export const MAX_UPLOAD_BYTES = AGREEMENT_FILE_MAX_BYTES;

/**
 * A PDF signed with a qualified signature or Profil Zaufany: its parts (file-parts.ts), then the request
 * that takes them as the party's signed copy. Failures are ApiErrors, the API's code first.
 */
export async function uploadSignedPdf(token: string, file: Blob): Promise<UploadAnswer> {
  const sent = await sendInParts('/api/signing/current/upload', file, bearer(token));
  return requestJson('/api/signing/current/upload', readUpload, {
    method: 'POST',
    body: sent,
    headers: bearer(token),
    // The server reads the parts back, checks and stores up to 10 MB before it answers.
    timeoutMs: TIMEOUT_MS * 2,
  });
}

export function verifyAgreement(
  input: { agreementId: string; sha256: string },
  signal?: AbortSignal,
): Promise<Verification> {
  return requestJson(
    `/api/agreements/${encodeURIComponent(input.agreementId)}/verification?sha256=${encodeURIComponent(input.sha256)}`,
    readVerification,
    { signal },
  );
}
