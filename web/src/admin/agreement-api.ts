import type {
  AgreementKind,
  AgreementPdf,
  PartyRole,
  TAgreementView,
  TSignatory,
} from '../../../shared/schemas/agreements.ts';
import { ApiError, type ApiErrorCode, requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/*
 * The coordinators' agreement routes (functions/routes.ts from 'list-agreements' on): here rather than in
 * api.ts, beside the screens that use them. Every change answers with the agreement as it now stands.
 */

const signatoryShape = { name: 'string', role: 'string', email: 'string' } as const;
const agreementShape = {
  id: 'string',
  callId: 'string',
  teryt: 'string',
  gminaName: 'string',
  kind: 'string',
  status: 'string',
  templateVersion: 'string',
  revision: 'number',
  textVersion: 'number',
  text: 'string',
  documentSha256: 'string',
  'deadline?': 'string',
  parties: [
    {
      role: 'string',
      name: 'string',
      status: 'string',
      'signatory?': signatoryShape,
      'signedAt?': 'string',
      'method?': 'string',
      'upload?': { sha256: 'string', signed: 'boolean', 'signerName?': 'string' },
      'declineReason?': 'string',
      overdue: 'boolean',
    },
  ],
  'scan?': { sha256: 'string' },
  'final?': { sha256: 'string', completedAt: 'string' },
} as const;

export type Agreement = TAgreementView;
export type AgreementParty = Agreement['parties'][number];

/** One entry of the agreement's trail, as stored: who, when, from where, the document's hash around it. */
export interface AgreementEvent {
  at: string;
  type: string;
  actor: string;
  party?: PartyRole;
  ip?: string;
  userAgent?: string;
  hashBefore?: string;
  hashAfter?: string;
  note?: string;
}

export interface AgreementPage {
  agreement: Agreement;
  events: AgreementEvent[];
  /** The text as the signatories' page shows it: escaped by the API, headings and paragraphs only. */
  html: string;
}

export interface CallAgreements {
  agreements: Agreement[];
  /** The number of parties the call or its programme sets; absent, the coordinator chooses it. */
  kind?: AgreementKind;
}

const readAgreement = reader<Agreement>(agreementShape);
const readPage = reader<AgreementPage>({
  agreement: agreementShape,
  events: [
    {
      at: 'string',
      type: 'string',
      actor: 'string',
      'party?': 'string',
      'ip?': 'string',
      'userAgent?': 'string',
      'hashBefore?': 'string',
      'hashAfter?': 'string',
      'note?': 'string',
    },
  ],
  html: 'string',
});
const readList = reader<CallAgreements>({ agreements: [agreementShape], 'kind?': 'string' });
const readScan = reader<{ sha256: string }>({ sha256: 'string' });
const agreementPath = (callId: string, teryt: string) =>
  `/api/admin/agreements/${encodeURIComponent(callId)}/${encodeURIComponent(teryt)}`;

export function listAgreements(
  callId: string,
  wojewodztwo: string,
  signal?: AbortSignal,
): Promise<CallAgreements> {
  return requestJson(
    `/api/admin/calls/${encodeURIComponent(callId)}/agreements?${new URLSearchParams({ wojewodztwo })}`,
    readList,
    { signal },
  );
}

export function getAgreement(callId: string, teryt: string, signal?: AbortSignal): Promise<AgreementPage> {
  return requestJson(agreementPath(callId, teryt), readPage, { signal });
}

/** Without a kind the call's or programme's applies; with neither set, VALIDATION_FAILED names `kind`. */
export function generateAgreement(callId: string, teryt: string, kind?: AgreementKind): Promise<Agreement> {
  return requestJson(agreementPath(callId, teryt), readAgreement, {
    method: 'POST',
    body: kind ? { kind } : {},
  });
}

export function editAgreementText(
  callId: string,
  teryt: string,
  text: string,
  revision: number,
): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/text`, readAgreement, {
    method: 'PUT',
    body: { text, revision },
  });
}

export function sendForSigning(
  callId: string,
  teryt: string,
  request: {
    signatories: Partial<Record<PartyRole, TSignatory>>;
    deadline: string;
    revision: number;
  },
): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/signing`, readAgreement, {
    method: 'POST',
    body: request,
  });
}

export function resendLink(callId: string, teryt: string, role: PartyRole): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/parties/${role}/link`, readAgreement, {
    method: 'POST',
    body: {},
  });
}

export function changeSignatory(
  callId: string,
  teryt: string,
  role: PartyRole,
  signatory: TSignatory,
): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/parties/${role}/signatory`, readAgreement, {
    method: 'PUT',
    body: { signatory },
  });
}

export function confirmUpload(callId: string, teryt: string, role: PartyRole): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/parties/${role}/confirmation`, readAgreement, {
    method: 'POST',
    body: {},
  });
}

export function cancelAgreement(callId: string, teryt: string): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/cancellation`, readAgreement, {
    method: 'POST',
    body: {},
  });
}

/**
 * The largest part of an upload: shared/agreement-uploads.ts's AGREEMENT_FILE_PART_BYTES, copied, as is the
 * sending below (web/src/agreements/file-parts.ts does the same for the signing page): a module the panel
 * and the signing page both imported would become a chunk of its own, named in the site's entry, +21 bytes
 * gzipped on the card form's cold visit (measured).
 */
const PART_BYTES = 4 * 1024 * 1024;

/** A refusal as an ApiError with the API's code as it is (the agreements' codes are not in the panel's list). */
async function refusal(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as
    | { error?: { code?: unknown; fields?: Record<string, string> }; requestId?: string }
    | undefined;
  const code = body?.error?.code;
  return new ApiError(
    typeof code === 'string'
      ? (code as ApiErrorCode)
      : response.status === 413
        ? 'FILE_TOO_LARGE'
        : 'BAD_RESPONSE',
    {
      status: response.status,
      ...(body?.error?.fields ? { fields: body.error.fields } : {}),
      ...(body?.requestId ? { requestId: body.requestId } : {}),
    },
  );
}

/**
 * The scan of the paper agreement (a PDF of at most 10 MB): in parts of 4 MiB, each a request of raw bytes
 * (one request cannot carry 10 MB to a function), then the request that takes them as the scan.
 */
export async function uploadScan(callId: string, teryt: string, file: Blob): Promise<{ sha256: string }> {
  const path = `${agreementPath(callId, teryt)}/scan`;
  const uploadId = crypto.randomUUID();
  const parts = Math.max(1, Math.ceil(file.size / PART_BYTES));
  const send = async (url: string, init: RequestInit) => {
    try {
      return await fetch(url, { ...init, credentials: 'same-origin' });
    } catch (cause) {
      throw new ApiError('NETWORK', { cause });
    }
  };
  for (let part = 1; part <= parts; part += 1) {
    const response = await send(`${path}/${uploadId}/${part}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
      body: file.slice((part - 1) * PART_BYTES, part * PART_BYTES),
    });
    if (!response.ok) throw await refusal(response);
  }
  const response = await send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ uploadId, parts }),
  });
  if (!response.ok) throw await refusal(response);
  const read = readScan(await response.json().catch(() => undefined));
  if (!read) throw new ApiError('BAD_RESPONSE', { status: response.status });
  return read;
}

export function recordPaperSignatures(
  callId: string,
  teryt: string,
  request: { scanSha256: string; parties: { role: PartyRole; signedBy: string; signedOn: string }[] },
): Promise<Agreement> {
  return requestJson(`${agreementPath(callId, teryt)}/paper-signatures`, readAgreement, {
    method: 'POST',
    body: request,
  });
}

/**
 * The address of one of the agreement's PDFs, for a plain link: the browser downloads it with the session
 * cookie. The API decides access and checks the file's SHA-256 before it answers: up to 4 MiB with the file,
 * larger with a 303 to a link signed for a minute, from which the browser takes it from the bucket (as a
 * card's scan). The page shows each file's SHA-256 beside its link.
 */
export function agreementPdfHref(
  callId: string,
  teryt: string,
  which: AgreementPdf,
  party?: PartyRole,
): string {
  return `${agreementPath(callId, teryt)}/pdf?${new URLSearchParams({ which, ...(party ? { party } : {}) })}`;
}
