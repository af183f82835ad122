import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { GMINA_KIND_BY_RODZ } from '../../shared/gmina-kinds.ts';
import { effectiveStatus, type ReviewStatus } from '../../shared/review/statuses.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { CardChannel } from '../../shared/schemas/review-lists.ts';
import { warsawOffsetMinutes } from '../../shared/time.ts';
import { AppError } from '../lib/errors.ts';
import { securityLog } from '../lib/security-log.ts';
import { getCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';
import { type ListedCard, listCardsOfVoivodeship, logExport } from '../repositories/review-lists.ts';
import { requireVoivodeship, seenOf } from './access.ts';

/**
 * A call's cards with their scores as a CSV for a spreadsheet: UTF-8 with a BOM and semicolons, numbers
 * with a decimal comma and times as Warsaw wall-clock "YYYY-MM-DD HH:mm:ss" (what Excel in Polish reads
 * as numbers and dates), one column per criterion of the score. Each export is logged (who, when, which
 * voivodeships) before the file is handed over.
 */
type Deps = { db: Db; now: () => Date };

/** The procedure is Polish; so is the file. */
const STATUS_PL: Record<ReviewStatus, string> = {
  sent: 'wysłana',
  needs_correction: 'do uzupełnienia',
  formally_rejected: 'odrzucona formalnie',
  formal_passed: 'po ocenie formalnej',
  scored: 'oceniona',
  selected: 'wybrana',
  reserve: 'lista rezerwowa',
  not_selected: 'niewybrana',
  resigned: 'rezygnacja',
  withdrawn: 'wycofana',
};

const CHANNEL_PL: Record<CardChannel, string> = { online: 'przez stronę', post: 'pocztą', email: 'e-mailem' };

/** "2018-05-18 14:03:00": Warsaw wall-clock time, which Excel reads as a date and time. */
export function excelWarsawTime(instant: string): string {
  const at = new Date(instant);
  const wall = new Date(Math.floor(at.getTime() / 1000) * 1000 + warsawOffsetMinutes(at) * 60_000);
  return wall.toISOString().slice(0, 19).replace('T', ' ');
}

const decimal = (value: number | undefined) => (value === undefined ? '' : String(value).replace('.', ','));

/** Criteria in the order the score lists them; a call's cards share one rule set, so one order. */
function criterionColumns(cards: readonly ListedCard[]): { id: string; label: string }[] {
  const columns = new Map<string, string>();
  for (const card of cards)
    for (const criterion of card.score?.criteria ?? [])
      if (!columns.has(criterion.id)) columns.set(criterion.id, criterion.label);
  return [...columns].map(([id, label]) => ({ id, label }));
}

/** A filename safe in any browser's and OS's hands: ASCII letters, digits, dots and dashes. */
const asciiName = (text: string) => text.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 80);

export async function exportCallCards(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo?: string | undefined },
): Promise<{ filename: string; csv: string }> {
  if (input.wojewodztwo) requireVoivodeship(user, input.wojewodztwo);
  // Without a voivodeship, those of the call the user sees: the call's head is public, so reading it
  // first tells a refused user nothing.
  const call = await getCall(deps.db, input.callId);
  if (!call || (input.wojewodztwo && !call.wojewodztwa.includes(input.wojewodztwo)))
    throw new AppError('CALL_NOT_FOUND');
  const wojewodztwa = input.wojewodztwo ? [input.wojewodztwo] : seenOf(user, call.wojewodztwa);
  if (wojewodztwa.length === 0) throw new AppError('FORBIDDEN');
  const [parts, register] = await Promise.all([
    Promise.all(
      wojewodztwa.map((wojewodztwo) =>
        listCardsOfVoivodeship(deps.db, { callId: call.id, wojewodztwo, withScore: true }),
      ),
    ),
    import('../../shared/teryt/index.ts'),
  ]);
  const cards = parts.flat();
  const criteria = criterionColumns(cards);
  const header = [
    'TERYT',
    'Gmina',
    'Powiat',
    'Województwo',
    'Rodzaj gminy',
    'Numer zgłoszenia',
    'Data wysłania',
    'Kanał',
    'Status oceny',
    ...criteria.map((criterion) => criterion.label),
    'Suma punktów',
    'Ocena kompletna',
  ];
  const rows = cards.map((card) => {
    const points = new Map(card.score?.criteria.map((criterion) => [criterion.id, criterion.points]));
    return [
      card.teryt,
      card.gminaName,
      register.POWIATY.get(card.powiatCode) ?? card.powiatCode,
      register.WOJEWODZTWA[card.teryt.slice(0, 2)] ?? card.teryt.slice(0, 2),
      GMINA_KIND_BY_RODZ[card.teryt.slice(6)] ?? '',
      card.reference,
      excelWarsawTime(card.submittedAt),
      CHANNEL_PL[card.channel],
      STATUS_PL[effectiveStatus(card)],
      ...criteria.map((criterion) => decimal(points.get(criterion.id))),
      decimal(card.scoreTotal ?? card.score?.total),
      card.scoreComplete ? 'tak' : 'nie',
    ];
  });
  const csv = stringify([header, ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
  const at = deps.now();
  await logExport(deps.db, {
    callId: call.id,
    at: at.toISOString(),
    id: randomUUID(),
    by: user.email,
    wojewodztwa,
    cards: cards.length,
  });
  securityLog({ event: 'card-exported', actor: user.email, subject: `${call.id}/${wojewodztwa.join(',')}` });
  const scope =
    input.wojewodztwo ??
    (wojewodztwa.length === call.wojewodztwa.length ? 'wszystkie' : wojewodztwa.join('-'));
  return {
    filename: `${asciiName(`karty-${call.id}-${scope}-${excelWarsawTime(at.toISOString()).slice(0, 10)}`)}.csv`,
    csv,
  };
}
