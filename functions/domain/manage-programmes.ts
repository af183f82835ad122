import type { TAdminUser } from '../../shared/schemas/admin.ts';
import {
  CARD_LINK_DAYS,
  retainUntilOf,
  type TMilestone,
  type TProgramme,
} from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import { type AuditRecord, auditPut } from '../repositories/audit-log.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  createProgramme,
  getProgramme,
  listProgrammes,
  programmeRevision,
  replaceProgramme,
} from '../repositories/programmes.ts';
import { requireLead, requireProgrammeLed } from './access.ts';

/**
 * The lead ROPS creates and edits the programmes it leads: name, description, voivodeships, dates, gmina
 * kinds and milestones. A programme is led by the ROPS of its lead voivodeship, so the lead voivodeship is
 * always the lead's own; and a voivodeship belongs to the programmes of one lead ROPS only (a macroregion),
 * or a lead could reach another's regions by naming them in a programme of its own. Changes are logged,
 * each milestone whose dates moved in an entry of its own (reminders read these dates).
 */
type Deps = { db: Db; now: () => Date };

export async function programmeForEditing(
  deps: Deps,
  user: TAdminUser,
  programmeId: string,
): Promise<TProgramme> {
  requireProgrammeLed(user, programmeId);
  const programme = await getProgramme(deps.db, programmeId);
  if (!programme) throw new AppError('NOT_FOUND');
  return programme;
}

/** FORBIDDEN (naming the field) unless the programme's lead voivodeship is the lead's own. */
function requireOwnLeadVoivodeship(user: TAdminUser, programme: TProgramme): void {
  if (!user.ownWojewodztwa?.includes(programme.leadWojewodztwo))
    throw new AppError('FORBIDDEN', { fields: { leadWojewodztwo: 'not_own' } });
}

/** A voivodeship of another lead ROPS's programme cannot be named: 403 naming `wojewodztwa`. */
async function requireNoOtherLeadsRegion(deps: Deps, programme: TProgramme): Promise<void> {
  const others = (await listProgrammes(deps.db)).filter(
    (other) => other.id !== programme.id && other.leadWojewodztwo !== programme.leadWojewodztwo,
  );
  if (others.some((other) => other.wojewodztwa.some((code) => programme.wojewodztwa.includes(code))))
    throw new AppError('FORBIDDEN', { fields: { wojewodztwa: 'other_lead' } });
}

export async function createLedProgramme(
  deps: Deps,
  user: TAdminUser,
  programme: TProgramme,
): Promise<TProgramme> {
  requireLead(user);
  // The panel's address of the new programme's form (/admin/programy/nowy) is no programme's.
  if (programme.id === 'nowy') throw new AppError('VALIDATION_FAILED', { fields: { id: 'reserved' } });
  requireOwnLeadVoivodeship(user, programme);
  await requireNoOtherLeadsRegion(deps, programme);
  const now = deps.now();
  try {
    await createProgramme(deps.db, programme, [
      auditPut(deps.db, {
        at: now,
        event: 'programme-created',
        actor: user.email,
        subject: programme.id,
        details: [`nazwa: ${programme.name}`, `województwa: ${programme.wojewodztwa.join(', ')}`],
        wojewodztwa: programme.wojewodztwa,
      }),
    ]);
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException')
      throw new AppError('CONFLICT', { fields: { id: 'taken' } });
    throw error;
  }
  return programme;
}

const milestoneLabel = (milestone: Pick<TMilestone, 'number'>) => `KM ${milestone.number}`;

/** What changed, as the audit log says it: the head's fields, and each milestone's name and dates. */
function changes(before: TProgramme, after: TProgramme): { fields: string[]; dates: string[][] } {
  const fields: string[] = [];
  const field = (name: string, from: string, to: string) => {
    if (from !== to) fields.push(`${name}: ${from} → ${to}`);
  };
  field('nazwa', before.name, after.name);
  if (before.description !== after.description) fields.push('opis: zmieniony');
  field('województwa', before.wojewodztwa.join(', '), after.wojewodztwa.join(', '));
  field('rodzaje gmin', before.gminaKinds.join(', '), after.gminaKinds.join(', '));
  field('początek', before.startsOn, after.startsOn);
  // Retention moves every card's TTL (apply-retention): logged as the date in effect, default or set.
  field('przechowywanie danych do', retainUntilOf(before), retainUntilOf(after));
  field(
    'odnośniki do kart (dni po zamknięciu)',
    String(before.cardLinkDays ?? CARD_LINK_DAYS),
    String(after.cardLinkDays ?? CARD_LINK_DAYS),
  );
  field('koniec', before.endsOn, after.endsOn);
  const dates: string[][] = [];
  for (const milestone of after.milestones) {
    const old = before.milestones.find((candidate) => candidate.number === milestone.number);
    if (!old) {
      fields.push(
        `${milestoneLabel(milestone)} dodany: ${milestone.name}, ${milestone.startsOn} – ${milestone.endsOn}`,
      );
      continue;
    }
    if (old.name !== milestone.name)
      fields.push(`${milestoneLabel(milestone)} nazwa: ${old.name} → ${milestone.name}`);
    const moved = [
      ...(old.startsOn !== milestone.startsOn
        ? [`${milestoneLabel(milestone)} początek: ${old.startsOn} → ${milestone.startsOn}`]
        : []),
      ...(old.endsOn !== milestone.endsOn
        ? [`${milestoneLabel(milestone)} koniec: ${old.endsOn} → ${milestone.endsOn}`]
        : []),
    ];
    if (moved.length > 0) dates.push(moved);
  }
  for (const old of before.milestones)
    if (!after.milestones.some((milestone) => milestone.number === old.number))
      fields.push(`${milestoneLabel(old)} usunięty: ${old.name}, ${old.startsOn} – ${old.endsOn}`);
  return { fields, dates };
}

export async function changeLedProgramme(
  deps: Deps,
  user: TAdminUser,
  programmeId: string,
  programme: TProgramme,
): Promise<TProgramme> {
  requireProgrammeLed(user, programmeId);
  if (programme.id !== programmeId)
    throw new AppError('VALIDATION_FAILED', { fields: { id: 'not_this_programme' } });
  requireOwnLeadVoivodeship(user, programme);
  const revision = await programmeRevision(deps.db, programmeId);
  const before = await getProgramme(deps.db, programmeId);
  if (revision === undefined || !before) throw new AppError('NOT_FOUND');
  await requireNoOtherLeadsRegion(deps, programme);
  const { fields, dates } = changes(before, programme);
  if (fields.length === 0 && dates.length === 0) return before;
  const now = deps.now();
  const entry = (record: Omit<AuditRecord, 'at' | 'actor' | 'subject' | 'wojewodztwa'>) =>
    auditPut(deps.db, {
      at: now,
      actor: user.email,
      subject: programmeId,
      wojewodztwa: [...new Set([...before.wojewodztwa, ...programme.wojewodztwa])],
      ...record,
    });
  const audit = [
    ...(fields.length > 0 ? [entry({ event: 'programme-changed', details: fields })] : []),
    ...dates.map((details) => entry({ event: 'milestone-dates-changed', details })),
  ];
  const removed = before.milestones
    .filter((old) => !programme.milestones.some((milestone) => milestone.number === old.number))
    .map((old) => old.number);
  const sorted = { ...programme, milestones: [...programme.milestones].sort((a, b) => a.number - b.number) };
  if ((await replaceProgramme(deps.db, sorted, revision, removed, audit)) === 'changed')
    throw new AppError('CONFLICT');
  return sorted;
}
