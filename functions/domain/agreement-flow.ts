import { randomInt } from 'node:crypto';
import { REFERENCE_ALPHABET } from '../../shared/identifiers.ts';
import type { PartyRole } from '../../shared/schemas/agreements.ts';
import type { DocumentMeta, FinalRecordInput, SignatureEntry } from '../documents/agreement-render.ts';
import { newLinkToken, sha256Hex } from '../lib/crypto.ts';
import { AppError } from '../lib/errors.ts';
import type { CompletedMailData, SigningLinkMailData } from '../mail/agreement-templates.ts';
import {
  type AgreementEvent,
  type AgreementRecord,
  listAgreementEvents,
  type NewSigningLink,
  type PartyRecord,
  saveAgreement,
} from '../repositories/agreements.ts';
import { type DocumentStore, putDocument, sha256Of } from '../repositories/documents.ts';
import type { Db } from '../repositories/dynamo.ts';
import type { OutgoingMail } from '../repositories/outbox.ts';
import { signingDeadlineWrites } from './agreement-deadline.ts';
import { currentParty, FINAL_DOWNLOAD_DAYS, partyOf } from './agreement-state.ts';
import type { ReadDocument } from './deliver-mail.ts';

/**
 * What every agreement use-case shares: the signing order, links, documents, the final record. The
 * coordinators' use-cases are in agreements.ts, the signatories' in agreement-signing.ts.
 */
export interface AgreementDeps {
  db: Db;
  now: () => Date;
  siteUrl: string;
  documents: DocumentStore;
  /**
   * Renders the text as the PDF signatories sign (documents/agreement-render.ts). Only the functions that
   * generate or edit the text are given it (wiring-render.ts): the rest bundle neither pdf-lib nor fontkit.
   */
  renderText: (text: string, meta: DocumentMeta) => Promise<Uint8Array>;
  /** Renders the final record, unsealed; given with the seal, to the functions that can complete one. */
  renderFinal: (input: FinalRecordInput) => Promise<Uint8Array>;
  /**
   * Seals a final record (PAdES, the platform's certificate). Only the functions that can complete an
   * agreement are given one (wiring-seal.ts), so the rest bundle neither the seal nor node-forge.
   */
  seal: (pdf: Uint8Array, at: Date) => Promise<Uint8Array>;
  readDocument?: ReadDocument | undefined;
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** "PZ-7QXM-2HPA": 40 random bits in the reference alphabet (no look-alikes). */
export function newAgreementId(): string {
  const pick = () =>
    Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('');
  return `PZ-${pick()}-${pick()}`;
}

export function documentKey(agreement: Pick<AgreementRecord, 'callId' | 'teryt'>, name: string): string {
  return `agreements/${agreement.callId}/${agreement.teryt}/${name}`;
}

/** Renders the text as the PDF signatories sign, stores it by its digest and returns where. */
export async function storeTextDocument(
  deps: Pick<AgreementDeps, 'documents' | 'renderText'>,
  agreement: Pick<AgreementRecord, 'id' | 'callId' | 'teryt' | 'gminaName'>,
  text: string,
  textVersion: number,
  at: string,
): Promise<AgreementRecord['document']> {
  const pdf = await deps.renderText(text, {
    agreementId: agreement.id,
    textVersion,
    createdAt: at,
    title: `Porozumienie o współpracy — ${agreement.gminaName}`,
  });
  const sha256 = sha256Of(pdf);
  const stored = await putDocument(
    deps.documents,
    documentKey(agreement, `text-v${textVersion}-${sha256}.pdf`),
    pdf,
    'application/pdf',
  );
  return { key: stored.key, sha256: stored.sha256, size: stored.size };
}

/** A new link for the party's signatory: the token goes only into the e-mail, its hash onto the party. */
export function issueLink(
  deps: Pick<AgreementDeps, 'siteUrl'>,
  agreement: AgreementRecord,
  party: PartyRecord,
  why: SigningLinkMailData['why'],
  queuedAt: string,
): { link: NewSigningLink; mail: OutgoingMail } {
  if (!party.signatory || !agreement.deadline) throw new AppError('AGREEMENT_STATE');
  const token = newLinkToken();
  const tokenSha256 = sha256Hex(token);
  party.linkSha256 = tokenSha256;
  const deadline = new Date(agreement.deadline);
  return {
    link: { tokenSha256, role: party.role, expiresAt: deadline },
    mail: {
      name: `agreement-link-${party.role}-${tokenSha256.slice(0, 16)}`,
      to: [party.signatory.email],
      queuedAt,
      keepUntil: new Date(deadline.getTime() + 30 * 24 * 3600_000),
      mail: {
        template: 'agreement-signing-link',
        wojewodztwo: agreement.teryt.slice(0, 2),
        data: {
          agreementId: agreement.id,
          gminaName: agreement.gminaName,
          partyName: party.name,
          signatoryName: party.signatory.name,
          deadline: agreement.deadline,
          signUrl: `${deps.siteUrl}/porozumienie#t=${token}`,
          why,
        },
      },
    },
  };
}

/** Where the e-mails of a party go: its signatory, or (signed on paper with none named) its contact. */
export function partyAddress(party: PartyRecord & { contactEmail?: string | undefined }): string | undefined {
  return party.signatory?.email ?? party.contactEmail;
}

/**
 * Saves a change over the revision read, its e-mails as outbox items in the same transaction (the mail
 * pipeline sends them); CONFLICT if someone else changed the agreement meanwhile.
 */
export async function save(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  change: Parameters<typeof saveAgreement>[1],
): Promise<void> {
  // The signing deadline follows the agreement in the same transaction: written while it is being
  // signed, gone once it is complete, cancelled or declined.
  const also = signingDeadlineWrites(deps.db, change.agreement, deps.now());
  const result = await saveAgreement(deps.db, { ...change, also });
  if (result.outcome === 'conflict') throw new AppError('CONFLICT');
}

/** The agreement for the next revision: the caller changes this copy and saves it. */
export function nextRevision(agreement: AgreementRecord, at: string): AgreementRecord {
  const next = structuredClone(agreement);
  next.revision = agreement.revision + 1;
  next.updatedAt = at;
  return next;
}

const METHOD_LABEL = {
  online: 'podpis na platformie (imię i nazwisko wpisane, zgoda zaznaczona)',
  'qualified-upload': 'plik PDF z podpisem kwalifikowanym lub zaufanym, potwierdzony przez koordynatora',
  paper: 'podpis własnoręczny na papierze (skan w aktach), zapisany przez koordynatora',
} as const;

const EVENT_LABEL: Record<string, string> = {
  generated: 'Przygotowano porozumienie',
  'text-edited': 'Zmieniono treść',
  'signatures-voided': 'Podpisy unieważnione po zmianie treści',
  'sent-for-signing': 'Wysłano do podpisu',
  'link-sent': 'Wysłano odnośnik do podpisu',
  'link-resent': 'Wysłano nowy odnośnik',
  'signatory-changed': 'Zmieniono osobę podpisującą',
  signed: 'Podpisano',
  declined: 'Odmowa podpisu',
  'signed-upload': 'Przesłano plik z podpisem kwalifikowanym',
  'upload-confirmed': 'Koordynator potwierdził podpisany plik',
  'scan-uploaded': 'Przesłano skan porozumienia podpisanego na papierze',
  'paper-signed': 'Zapisano podpis na papierze',
  cancelled: 'Anulowano',
  completed: 'Podpisywanie zakończone, egzemplarz końcowy opieczętowany',
};

/**
 * All have signed: the final PDF (the signed document, a signature page, the audit trail with this change's
 * events), sealed, stored, and e-mailed to every party (attached when small enough, always with a link
 * of the party's own to download it) and to the coordinator — saved with the change.
 */
export async function completeAndSave(
  deps: AgreementDeps,
  next: AgreementRecord,
  events: AgreementEvent[],
  extra: { links?: NewSigningLink[]; mail?: OutgoingMail[] } = {},
): Promise<void> {
  const at = deps.now().toISOString();
  const stored = await listAgreementEvents(deps.db, next.callId, next.teryt);
  const document = await deps.readDocument?.(next.document.key, next.document.sha256);
  if (!document) throw new Error(`the agreement's document ${next.document.key} could not be read`);
  const scan = next.scan ? await deps.readDocument?.(next.scan.key, next.scan.sha256) : undefined;
  const completed: AgreementEvent = {
    at,
    type: 'completed',
    actor: 'system',
    hashBefore: next.document.sha256,
  };
  const trail = [...stored, ...events, completed].map((event) => ({
    ...event,
    type: `${EVENT_LABEL[event.type] ?? event.type}${event.party ? ` (${partyOf(next, event.party).name})` : ''}`,
  }));
  const signatures: SignatureEntry[] = next.parties.map((party) => ({
    party: party.name,
    signatory:
      party.paper?.signedBy ??
      party.evidence?.fullName ??
      party.upload?.signerName ??
      party.signatory?.name ??
      '',
    role: party.signatory?.role,
    method: `${METHOD_LABEL[party.method ?? 'online']}${party.paper ? `, dnia ${party.paper.signedOn}` : ''}`,
    signedAt: party.signedAt ?? at,
    documentSha256:
      party.evidence?.documentSha256 ?? party.upload?.sha256 ?? next.scan?.sha256 ?? next.document.sha256,
    ip: party.evidence?.ip,
  }));
  const verifyUrl = `${deps.siteUrl}/porozumienie/weryfikacja?id=${encodeURIComponent(next.id)}`;
  const unsealed = await deps.renderFinal({
    document,
    documentSha256: next.document.sha256,
    ...(scan ? { scan } : {}),
    meta: {
      agreementId: next.id,
      textVersion: next.textVersion,
      createdAt: at,
      title: `Porozumienie ${next.id}`,
    },
    completedAt: at,
    signatures,
    trail,
    verifyUrl,
  });
  const sealed = await deps.seal(unsealed, new Date(at));
  const sha256 = sha256Of(sealed);
  const file = await putDocument(
    deps.documents,
    documentKey(next, `final-${sha256}.pdf`),
    sealed,
    'application/pdf',
  );
  completed.hashAfter = sha256;
  next.status = 'completed';
  next.final = { key: file.key, sha256, size: file.size, completedAt: at };
  // Each party gets its own message with a link of its own to the signing page, where the final record
  // can be downloaded (the only way to it when it is too large to attach); the coordinator has the panel.
  const downloadUntil = new Date(Date.parse(at) + FINAL_DOWNLOAD_DAYS * 24 * 3600_000);
  const links: NewSigningLink[] = [];
  const completedMail: OutgoingMail[] = [];
  const data = {
    agreementId: next.id,
    gminaName: next.gminaName,
    finalSha256: sha256,
    verifyUrl: `${verifyUrl}&sha256=${sha256}`,
    attachment: { key: file.key, sha256, filename: `porozumienie-${next.id}.pdf` },
  };
  const mailOf = (name: string, to: string, extra: Partial<CompletedMailData> = {}): OutgoingMail => ({
    name: `agreement-completed-${name}-${sha256.slice(0, 16)}`,
    to: [to],
    queuedAt: at,
    keepUntil: new Date(downloadUntil.getTime() + 30 * 24 * 3600_000),
    mail: {
      template: 'agreement-completed',
      wojewodztwo: next.teryt.slice(0, 2),
      data: { ...data, ...extra },
    },
  });
  for (const party of next.parties) {
    const address = partyAddress(party);
    if (!address) continue;
    const token = newLinkToken();
    links.push({ tokenSha256: sha256Hex(token), role: party.role, expiresAt: downloadUntil });
    completedMail.push(
      mailOf(party.role, address, {
        downloadUrl: `${deps.siteUrl}/porozumienie#t=${token}`,
        downloadUntil: downloadUntil.toISOString(),
      }),
    );
  }
  if (!completedMail.some((mail) => mail.to[0] === next.coordinatorEmail))
    completedMail.push(mailOf('coordinator', next.coordinatorEmail));
  await save(deps, {
    agreement: next,
    events: [...events, completed],
    links: [...(extra.links ?? []), ...links],
    mail: [...(extra.mail ?? []), ...completedMail],
  });
}

/**
 * After a party's signature counts: the next party's link, or — when it was the last — the final record.
 */
export async function advance(
  deps: AgreementDeps,
  next: AgreementRecord,
  events: AgreementEvent[],
  at: string,
): Promise<void> {
  const following = currentParty(next);
  if (!following) {
    await completeAndSave(deps, next, events);
    return;
  }
  following.status = 'pending';
  const { link, mail } = issueLink(deps, next, following, 'turn', at);
  events.push({
    at,
    type: 'link-sent',
    actor: 'system',
    party: following.role,
    note: following.signatory?.email,
  });
  await save(deps, { agreement: next, events, links: [link], mail: [mail] });
}

export const SIGNING_ORDER: readonly PartyRole[] = ['gmina', 'powiat', 'wojewodztwo'];
