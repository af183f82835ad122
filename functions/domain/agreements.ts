import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type {
  AgreementKind,
  AgreementPdf,
  PartyRole,
  TAgreementView,
  TSignatory,
} from '../../shared/schemas/agreements.ts';
import { ROPS } from '../../shared/wojewodztwa.ts';
import {
  AGREEMENT_TEMPLATE_VERSION,
  fillAgreementTemplate,
  type PartyFacts,
} from '../documents/agreement-template.ts';
import { looksLikePdf } from '../documents/pdf-magic.ts';
import { AppError } from '../lib/errors.ts';
import {
  type AgreementEvent,
  type AgreementRecord,
  agreementKindSetting,
  createAgreement,
  getAgreement,
  getCardForAgreement,
  type PartyRecord,
} from '../repositories/agreements.ts';
import { getCall } from '../repositories/calls.ts';
import { putDocument, sha256Of } from '../repositories/documents.ts';
import { getProgramme } from '../repositories/programmes.ts';
import { requireCardOfGmina } from './access.ts';
import { checkedPdf, pdfLink } from './agreement-downloads.ts';
import {
  type AgreementDeps,
  advance,
  completeAndSave,
  documentKey,
  issueLink,
  MAX_UPLOAD_BYTES,
  newAgreementId,
  nextRevision,
  SIGNING_ORDER,
  save,
  storeTextDocument,
} from './agreement-flow.ts';
import { readAgreement } from './agreement-lists.ts';
import { agreementView, currentParty, partyOf } from './agreement-state.ts';

/**
 * The coordinators' side of agreements: generate from a selected card, edit the text, send for signing,
 * resend a link, change a signatory, confirm an uploaded signed PDF, record paper signing, cancel, list.
 * Every use-case decides access from the path (requireCardOfGmina) before it reads anything.
 */

interface CardPath {
  callId: string;
  teryt: string;
}

/** "zawarte w Kielcach": the ROPS cities in the locative. */
const CITY_LOCATIVE: Record<string, string> = {
  Rzeszów: 'Rzeszowie',
  Białystok: 'Białymstoku',
  Lublin: 'Lublinie',
  Kielce: 'Kielcach',
  Warszawa: 'Warszawie',
};

const HEAD_TITLE: Record<string, string> = {
  wojt: 'Wójt',
  burmistrz: 'Burmistrz',
  prezydent: 'Prezydent Miasta',
};

function capitalised(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toLocaleUpperCase('pl') + part.slice(1))
    .join('-');
}

/** "świętokrzyskie" → "Świętokrzyskiego", "jędrzejowski" → "Jędrzejowskiego": the adjective's genitive. */
function genitive(adjective: string): string {
  return capitalised(adjective.replace(/ie$/, 'iego').replace(/i$/, 'iego').replace(/y$/, 'ego'));
}

/** From a card the assessment selected: the filled-in template, its PDF stored, the agreement in draft. */
export async function generateAgreement(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
  input: { kind?: AgreementKind | undefined },
): Promise<TAgreementView> {
  const wojewodztwo = requireCardOfGmina(user, path.teryt);
  const card = await getCardForAgreement(deps.db, path.callId, path.teryt);
  if (!card) throw new AppError('NOT_FOUND');
  if (card.reviewStatus !== 'selected' || card.status === 'withdrawn')
    throw new AppError('CARD_NOT_SELECTED');
  if (await getAgreement(deps.db, path.callId, path.teryt)) throw new AppError('CONFLICT');
  const call = await getCall(deps.db, path.callId);
  const programme = call ? await getProgramme(deps.db, call.programmeId) : undefined;
  if (!call || !programme) throw new AppError('CALL_NOT_FOUND');
  const kind = (await agreementKindSetting(deps.db, call.id, programme.id)) ?? input.kind;
  if (!kind) throw new AppError('VALIDATION_FAILED', { fields: { kind: 'required' } });

  const { office, contacts, partner } = card.answers;
  // The register (85 KB of JSON, parsed into every gmina) on first use, as elsewhere in the API: imported at
  // the top, every function of agreements.ts read and parsed it at start.
  const { POWIATY, WOJEWODZTWA } = await import('../../shared/teryt/index.ts');
  const wojName = WOJEWODZTWA[wojewodztwo] ?? '';
  const powiatName = POWIATY.get(partner.powiatCode) ?? partner.powiatCode;
  const rops = (ROPS as Record<string, { name: string; city: string }>)[wojewodztwo];
  const facts: (PartyFacts & { contactEmail: string })[] = [
    {
      role: 'gmina',
      name: `Gmina ${card.gminaName}`,
      address: `${office.address.street}, ${office.address.postalCode} ${office.address.city}`,
      representative: `${HEAD_TITLE[office.head.title] ?? 'Wójt'} Gminy ${card.gminaName} – ${office.head.name}`,
      institution: `${contacts.ops.name} (kierownik: ${contacts.ops.head})`,
      contactEmail: contacts.contact.email,
    },
    ...(kind === 'three-party'
      ? [
          {
            role: 'powiat' as const,
            name: `Powiat ${powiatName}`,
            address: 'siedziba: starostwo powiatowe (adres do uzupełnienia)',
            representative: `Zarząd Powiatu ${genitive(powiatName)}`,
            institution: `${partner.pcpr.name} (dyrektor: ${partner.pcpr.head})`,
            contactEmail: partner.pcpr.email,
          },
        ]
      : []),
    {
      role: 'wojewodztwo',
      name: `Województwo ${capitalised(wojName)}`,
      address: `siedziba: ${rops?.city ?? ''}`,
      representative: `Zarząd Województwa ${genitive(wojName)}`,
      institution: rops?.name ?? 'regionalny ośrodek polityki społecznej',
      contactEmail: user.email,
    },
  ];
  const text = fillAgreementTemplate({
    kind,
    programmeName: programme.name,
    callTitle: call.title,
    programmeStartsOn: programme.startsOn,
    programmeEndsOn: programme.endsOn,
    milestones: programme.milestones,
    parties: facts,
    place: CITY_LOCATIVE[rops?.city ?? ''] ?? rops?.city ?? '',
  });
  const at = deps.now().toISOString();
  const base = { id: newAgreementId(), callId: path.callId, teryt: path.teryt, gminaName: card.gminaName };
  const document = await storeTextDocument(deps, base, text, 1, at);
  const agreement: AgreementRecord = {
    ...base,
    wojewodztwo,
    kind,
    status: 'draft',
    templateVersion: AGREEMENT_TEMPLATE_VERSION,
    revision: 1,
    textVersion: 1,
    text,
    document,
    parties: facts.map(
      (party): PartyRecord => ({
        role: party.role,
        name: party.name,
        status: 'waiting',
        contactEmail: party.contactEmail,
      }),
    ),
    createdAt: at,
    updatedAt: at,
    coordinatorEmail: user.email,
  };
  const event: AgreementEvent = {
    at,
    type: 'generated',
    actor: user.email,
    hashAfter: document.sha256,
    note: `szablon ${AGREEMENT_TEMPLATE_VERSION}, ${kind === 'three-party' ? 'trzy strony' : 'dwie strony'}`,
  };
  if (!(await createAgreement(deps.db, agreement, [event]))) throw new AppError('CONFLICT');
  return agreementView(agreement, deps.now());
}

/**
 * A new text: a new version of the document. Signatures given over the old one are void, and if signing
 * had started it starts again from the first party (the others' links die with their hashes).
 */
export async function editAgreementText(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
  input: { text: string; revision: number },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.revision !== input.revision) throw new AppError('CONFLICT');
  if (agreement.status === 'completed' || agreement.status === 'cancelled')
    throw new AppError('AGREEMENT_STATE');
  if (input.text === agreement.text) return agreementView(agreement, deps.now());
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  next.textVersion += 1;
  next.text = input.text;
  next.document = await storeTextDocument(deps, next, input.text, next.textVersion, at);
  const events: AgreementEvent[] = [
    {
      at,
      type: 'text-edited',
      actor: user.email,
      hashBefore: agreement.document.sha256,
      hashAfter: next.document.sha256,
      note: `wersja treści ${next.textVersion}`,
    },
  ];
  const anySigned = agreement.parties.some(
    (party) => party.status === 'signed' || party.status === 'uploaded',
  );
  if (anySigned)
    events.push({ at, type: 'signatures-voided', actor: user.email, hashBefore: agreement.document.sha256 });
  for (const party of next.parties) {
    party.status = 'waiting';
    party.linkSha256 = undefined;
    party.signedAt = undefined;
    party.method = undefined;
    party.evidence = undefined;
    party.upload = undefined;
    party.declineReason = undefined;
  }
  if (agreement.status === 'signing' || agreement.status === 'declined') {
    next.status = 'signing';
    const first = next.parties[0] as PartyRecord;
    first.status = 'pending';
    const { link, mail } = issueLink(deps, next, first, anySigned ? 'restarted' : 'resent', at);
    events.push({ at, type: 'link-sent', actor: 'system', party: first.role, note: first.signatory?.email });
    await save(deps, { agreement: next, events, links: [link], mail: [mail] });
  } else await save(deps, { agreement: next, events });
  return agreementView(next, deps.now());
}

/** Names the signatories and the deadline, and sends the first party (the gmina) its link. */
export async function sendForSigning(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
  input: {
    signatories: { gmina: TSignatory; powiat?: TSignatory | undefined; wojewodztwo: TSignatory };
    deadline: string;
    revision: number;
  },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.revision !== input.revision) throw new AppError('CONFLICT');
  if (agreement.status !== 'draft' && agreement.status !== 'declined') throw new AppError('AGREEMENT_STATE');
  const now = deps.now();
  if (Date.parse(input.deadline) <= now.getTime())
    throw new AppError('VALIDATION_FAILED', { fields: { deadline: 'past' } });
  const roles = agreement.parties.map((party) => party.role);
  if (roles.includes('powiat') !== (input.signatories.powiat !== undefined))
    throw new AppError('VALIDATION_FAILED', { fields: { 'signatories.powiat': 'required' } });
  const at = now.toISOString();
  const next = nextRevision(agreement, at);
  next.status = 'signing';
  next.deadline = new Date(input.deadline).toISOString();
  next.coordinatorEmail = user.email;
  for (const party of next.parties) {
    party.signatory = input.signatories[party.role];
    party.status = 'waiting';
    party.linkSha256 = undefined;
    party.declineReason = undefined;
  }
  const first = next.parties[0] as PartyRecord;
  first.status = 'pending';
  const { link, mail } = issueLink(deps, next, first, 'turn', at);
  const events: AgreementEvent[] = [
    {
      at,
      type: 'sent-for-signing',
      actor: user.email,
      hashBefore: next.document.sha256,
      note: `termin ${next.deadline}; ${next.parties.map((party) => `${party.name}: ${party.signatory?.name}`).join('; ')}`,
    },
    { at, type: 'link-sent', actor: 'system', party: first.role, note: first.signatory?.email },
  ];
  await save(deps, { agreement: next, events, links: [link], mail: [mail] });
  return agreementView(next, now);
}

function partyForChange(agreement: AgreementRecord, role: string): PartyRecord {
  if (agreement.status !== 'signing') throw new AppError('AGREEMENT_STATE');
  const party = partyOf(agreement, role);
  if (party.status === 'signed') throw new AppError('ALREADY_SIGNED');
  return party;
}

/** A new link for a party (the old one dies); a party whose turn has not come may read, not sign. */
export async function resendSigningLink(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath & { role: string },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  partyForChange(agreement, path.role);
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const party = partyOf(next, path.role);
  const { link, mail } = issueLink(deps, next, party, 'resent', at);
  await save(deps, {
    agreement: next,
    events: [{ at, type: 'link-resent', actor: user.email, party: party.role, note: party.signatory?.email }],
    links: [link],
    mail: [mail],
  });
  return agreementView(next, deps.now());
}

/** Another person signs for the party: the old link dies; the new one is sent if it is the party's turn. */
export async function changeSignatory(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath & { role: string },
  input: { signatory: TSignatory },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  const old = partyForChange(agreement, path.role);
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const party = partyOf(next, path.role);
  party.signatory = input.signatory;
  party.linkSha256 = undefined;
  if (party.status === 'uploaded') {
    party.status = 'pending';
    party.upload = undefined;
  }
  const events: AgreementEvent[] = [
    {
      at,
      type: 'signatory-changed',
      actor: user.email,
      party: party.role,
      note: `${old.signatory?.name ?? '—'} → ${input.signatory.name} (${input.signatory.role}, ${input.signatory.email})`,
    },
  ];
  if (currentParty(next)?.role === party.role) {
    const { link, mail } = issueLink(deps, next, party, 'turn', at);
    events.push({ at, type: 'link-sent', actor: 'system', party: party.role, note: input.signatory.email });
    await save(deps, { agreement: next, events, links: [link], mail: [mail] });
  } else await save(deps, { agreement: next, events });
  return agreementView(next, deps.now());
}

/** An uploaded qualified-signed PDF counts as the party's signature once the coordinator confirms it. */
export async function confirmSignedUpload(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath & { role: string },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.status !== 'signing') throw new AppError('AGREEMENT_STATE');
  if (partyOf(agreement, path.role).status !== 'uploaded') throw new AppError('AGREEMENT_STATE');
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  const party = partyOf(next, path.role);
  party.status = 'signed';
  party.method = 'qualified-upload';
  party.signedAt = at;
  party.linkSha256 = undefined;
  const events: AgreementEvent[] = [
    {
      at,
      type: 'upload-confirmed',
      actor: user.email,
      party: party.role,
      hashBefore: next.document.sha256,
      hashAfter: party.upload?.sha256,
      note: party.upload?.signerName
        ? `podpisujący według certyfikatu: ${party.upload.signerName}`
        : undefined,
    },
  ];
  await advance(deps, next, events, at);
  return agreementView((await getAgreement(deps.db, path.callId, path.teryt)) ?? next, deps.now());
}

export async function cancelAgreement(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.status === 'completed' || agreement.status === 'cancelled')
    throw new AppError('AGREEMENT_STATE');
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  next.status = 'cancelled';
  for (const party of next.parties) party.linkSha256 = undefined;
  await save(deps, { agreement: next, events: [{ at, type: 'cancelled', actor: user.email }] });
  return agreementView(next, deps.now());
}

/** Reads an uploaded file's bytes: a PDF of at most 10 MB, or the clear error. */
export function uploadedPdf(body: Uint8Array | undefined): Uint8Array {
  if (!body || body.byteLength === 0) throw new AppError('NOT_A_PDF');
  if (body.byteLength > MAX_UPLOAD_BYTES) throw new AppError('FILE_TOO_LARGE');
  if (!looksLikePdf(body)) throw new AppError('NOT_A_PDF');
  return body;
}

/** The scan of an agreement signed on paper, kept with its hash (the paper signatures name it). */
export async function uploadAgreementScan(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
  body: Uint8Array | undefined,
): Promise<{ sha256: string }> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.status === 'completed' || agreement.status === 'cancelled')
    throw new AppError('AGREEMENT_STATE');
  const pdf = uploadedPdf(body);
  const sha256 = sha256Of(pdf);
  const stored = await putDocument(
    deps.documents,
    documentKey(agreement, `scan-${sha256}.pdf`),
    pdf,
    'application/pdf',
  );
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  next.scan = { key: stored.key, sha256, size: stored.size };
  await save(deps, {
    agreement: next,
    events: [
      {
        at,
        type: 'scan-uploaded',
        actor: user.email,
        hashBefore: agreement.document.sha256,
        hashAfter: sha256,
      },
    ],
  });
  return { sha256 };
}

/** Paper signing: each party marked signed with who signed and when; then the same final record. */
export async function recordPaperSignatures(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath,
  input: { scanSha256: string; parties: { role: PartyRole; signedBy: string; signedOn: string }[] },
): Promise<TAgreementView> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  if (agreement.status === 'completed' || agreement.status === 'cancelled')
    throw new AppError('AGREEMENT_STATE');
  if (!agreement.scan) throw new AppError('AGREEMENT_STATE');
  if (agreement.scan.sha256 !== input.scanSha256) throw new AppError('DOCUMENT_CHANGED');
  const roles = agreement.parties.map((party) => party.role).sort();
  const given = input.parties.map((party) => party.role).sort();
  if (roles.join() !== given.join())
    throw new AppError('VALIDATION_FAILED', { fields: { parties: 'every_party_once' } });
  const at = deps.now().toISOString();
  const next = nextRevision(agreement, at);
  next.status = 'signing';
  const events: AgreementEvent[] = [];
  for (const role of SIGNING_ORDER) {
    const entry = input.parties.find((party) => party.role === role);
    if (!entry) continue;
    const party = partyOf(next, role);
    party.status = 'signed';
    party.method = 'paper';
    party.paper = { signedBy: entry.signedBy, signedOn: entry.signedOn };
    party.signedAt = `${entry.signedOn}T12:00:00.000Z`;
    party.linkSha256 = undefined;
    events.push({
      at,
      type: 'paper-signed',
      actor: user.email,
      party: role,
      hashBefore: next.document.sha256,
      hashAfter: agreement.scan.sha256,
      note: `${entry.signedBy}, ${entry.signedOn}`,
    });
  }
  await completeAndSave(deps, next, events);
  return agreementView((await getAgreement(deps.db, path.callId, path.teryt)) ?? next, deps.now());
}

/**
 * Files up to this size come from this origin; larger ones (a scan or a signed copy of up to 10 MB, a final
 * record with the scan's pages) by a link signed for a minute: Lambda answers at most 6 MB, base64 counted.
 */
const STREAMED_MAX_BYTES = 4 * 1024 * 1024;

/**
 * One of the agreement's PDFs for a coordinator of the gmina's voivodeship (decided from the path before
 * anything is read): the document to sign, the sealed final record, the paper's scan or a party's signed
 * upload; up to 4 MiB its bytes, larger a presigned link, either only after its SHA-256 is checked.
 */
export async function agreementPdfForCoordinator(
  deps: AgreementDeps,
  user: TAdminUser,
  path: CardPath & { which: AgreementPdf; party?: PartyRole | undefined },
): Promise<
  | { kind: 'file'; filename: string; sha256: string; body: Uint8Array }
  | { kind: 'redirect'; filename: string; sha256: string; location: string }
> {
  requireCardOfGmina(user, path.teryt);
  if (path.which === 'upload' && !path.party)
    throw new AppError('VALIDATION_FAILED', { fields: { party: 'required' } });
  const agreement = await readAgreement(deps, path);
  const file =
    path.which === 'final'
      ? agreement.final
      : path.which === 'scan'
        ? agreement.scan
        : path.which === 'upload'
          ? agreement.parties.find((party) => party.role === path.party)?.upload
          : agreement.document;
  if (!file) throw new AppError('NOT_FOUND');
  const suffix =
    path.which === 'document'
      ? `-v${agreement.textVersion}`
      : path.which === 'upload'
        ? `-podpisane-${path.party}`
        : `-${path.which}`;
  const filename = `porozumienie-${agreement.id}${suffix}.pdf`;
  // Read and checked against its SHA-256 first, whichever way it then goes (agreement-downloads.ts).
  const body = await checkedPdf(deps.documents, file);
  if (body.byteLength <= STREAMED_MAX_BYTES) return { kind: 'file', filename, sha256: file.sha256, body };
  return {
    kind: 'redirect',
    filename,
    sha256: file.sha256,
    location: await pdfLink(deps.documents, file, filename, deps.now()),
  };
}
