import * as z from 'zod/mini';
import { AGREEMENT_FILE_MAX_PARTS } from '../agreement-uploads.ts';
import { keyed } from '../validation.ts';
import { line, paragraphs } from './text.ts';

/**
 * The contracts of agreements (porozumienia): the coordinators' routes (session) and the signatories' page
 * (the e-mailed signing link, or the public verification). Routes and callers are in functions/routes.ts.
 */

/** Two parties (województwo + gmina, as podlaskie signed) or three (+ powiat, as świętokrzyskie). */
export const AGREEMENT_KINDS = ['two-party', 'three-party'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** The signing order: the gmina first, then the powiat, and the województwo countersigns. */
export const PARTY_ROLES = ['gmina', 'powiat', 'wojewodztwo'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const AGREEMENT_STATUSES = ['draft', 'signing', 'declined', 'completed', 'cancelled'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * A party's step: waiting for its turn, its turn (link sent), signed online or on paper, an uploaded
 * qualified-signed PDF the coordinator has not yet confirmed, or declined.
 */
export const PARTY_STATUSES = ['waiting', 'pending', 'uploaded', 'signed', 'declined'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

const ZEmail = z.string(keyed('invalid')).check(z.trim(), z.maxLength(254, 'too_long'), z.email('email'));
const ZSha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const ZDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const ZSignatory = z.strictObject({ name: line(150), role: line(150), email: ZEmail });
export type TSignatory = z.infer<typeof ZSignatory>;

/** Generating from a selected card: the kind is the call's or programme's when set, else the coordinator's. */
export const ZGenerateAgreementRequest = z.strictObject({ kind: z.optional(z.enum(AGREEMENT_KINDS)) });

/** The filled-in text edited before sending; `revision` is the one the coordinator read (else CONFLICT). */
export const ZEditAgreementTextRequest = z.strictObject({
  text: paragraphs(60_000),
  revision: z.int().check(z.minimum(1)),
});

export const ZStartSigningRequest = z.strictObject({
  signatories: z.strictObject({
    gmina: ZSignatory,
    powiat: z.optional(ZSignatory),
    wojewodztwo: ZSignatory,
  }),
  /** The last instant a link works. */
  deadline: z.iso.datetime(),
  revision: z.int().check(z.minimum(1)),
});

export const ZPartyPath = z.enum(PARTY_ROLES);

export const ZChangeSignatoryRequest = z.strictObject({ signatory: ZSignatory });

/** Signing: the full name typed, the consent ticked, and the hash of the document the page showed. */
export const ZSignRequest = z.strictObject({
  fullName: line(150),
  consent: z.boolean(),
  documentSha256: ZSha256,
});

export const ZDeclineRequest = z.strictObject({ reason: paragraphs(2000), documentSha256: ZSha256 });

/** Paper signing recorded by the coordinator after the scan is uploaded: who signed for each party, when. */
export const ZPaperSignaturesRequest = z.strictObject({
  scanSha256: ZSha256,
  parties: z.array(z.strictObject({ role: ZPartyPath, signedBy: line(150), signedOn: ZDate })),
});

/**
 * A PDF whose parts were sent (PUT …/{uploadId}/{part}, raw bytes, see shared/agreement-uploads.ts), taken
 * as one file: a signatory's signed copy (POST /api/signing/current/upload) or the coordinator's scan of
 * the paper (POST /api/admin/agreements/{callId}/{teryt}/scan).
 */
export const ZUploadedPdfRequest = z.strictObject({
  uploadId: z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)),
  parts: z.int().check(z.minimum(1), z.maximum(AGREEMENT_FILE_MAX_PARTS)),
});
export type TUploadedPdfRequest = z.infer<typeof ZUploadedPdfRequest>;

export const ZVerifyQuery = z.strictObject({ sha256: ZSha256 });

/**
 * Which of an agreement's PDFs the coordinator downloads: the document to sign, the sealed final record,
 * the paper's scan, or a party's uploaded signed copy (`party` names whose; only with `upload`).
 */
export const AGREEMENT_PDFS = ['document', 'final', 'scan', 'upload'] as const;
export type AgreementPdf = (typeof AGREEMENT_PDFS)[number];
export const ZAgreementPdfQuery = z.strictObject({
  which: z.optional(z.enum(AGREEMENT_PDFS)),
  party: z.optional(ZPartyPath),
});

export const ZPartyView = z.strictObject({
  role: z.enum(PARTY_ROLES),
  name: z.string(),
  status: z.enum(PARTY_STATUSES),
  signatory: z.optional(z.strictObject({ name: z.string(), role: z.string(), email: z.string() })),
  signedAt: z.optional(z.string()),
  method: z.optional(z.enum(['online', 'qualified-upload', 'paper'])),
  /** For an uploaded PDF: whether it carries a signature and the signer's name from its certificate. */
  upload: z.optional(
    z.strictObject({ sha256: z.string(), signed: z.boolean(), signerName: z.optional(z.string()) }),
  ),
  declineReason: z.optional(z.string()),
  overdue: z.boolean(),
});

export const ZAgreementView = z.strictObject({
  id: z.string(),
  callId: z.string(),
  teryt: z.string(),
  gminaName: z.string(),
  kind: z.enum(AGREEMENT_KINDS),
  status: z.enum(AGREEMENT_STATUSES),
  templateVersion: z.string(),
  revision: z.int(),
  textVersion: z.int(),
  text: z.string(),
  documentSha256: z.string(),
  deadline: z.optional(z.string()),
  parties: z.array(ZPartyView),
  /** Signed on paper: the scan's SHA-256, shown beside its download. */
  scan: z.optional(z.strictObject({ sha256: z.string() })),
  final: z.optional(z.strictObject({ sha256: z.string(), completedAt: z.string() })),
});
export type TAgreementView = z.infer<typeof ZAgreementView>;

/** What the signing page shows the holder of a link. */
export const ZSigningPageView = z.strictObject({
  agreementId: z.string(),
  title: z.string(),
  html: z.string(),
  documentSha256: z.string(),
  status: z.enum(AGREEMENT_STATUSES),
  you: z.strictObject({ role: z.enum(PARTY_ROLES), name: z.string(), signatoryName: z.string() }),
  yourTurn: z.boolean(),
  deadline: z.string(),
  parties: z.array(
    z.strictObject({
      role: z.enum(PARTY_ROLES),
      name: z.string(),
      status: z.enum(PARTY_STATUSES),
      signedAt: z.optional(z.string()),
    }),
  ),
});
export type TSigningPageView = z.infer<typeof ZSigningPageView>;

export const ZVerifyResponse = z.strictObject({
  valid: z.boolean(),
  agreementId: z.string(),
  completedAt: z.optional(z.string()),
  parties: z.optional(z.array(z.strictObject({ name: z.string(), signedAt: z.string() }))),
});
export type TVerifyResponse = z.infer<typeof ZVerifyResponse>;

/**
 * A signatory's download of the sealed final record (GET /api/signing/current/final): a link to the bucket
 * signed for 60 s, which the page navigates to, the file's SHA-256 (checked before signing) and size.
 */
export const ZSignedAgreementLink = z.strictObject({
  url: z.string(),
  sha256: z.string(),
  size: z.number(),
  filename: z.string(),
});
export type TSignedAgreementLink = z.infer<typeof ZSignedAgreementLink>;
