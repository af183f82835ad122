import type { TAdminUser } from '../../shared/schemas/admin.ts';
import {
  type TOffice,
  type TOfficeChangeRequest,
  type TOfficesImportReport,
  type TOfficesResponse,
  ZEpuap,
  ZOfficeEmail,
} from '../../shared/schemas/offices.ts';
import { line } from '../../shared/schemas/text.ts';
import { AppError } from '../lib/errors.ts';
import type { Db } from '../repositories/dynamo.ts';
import {
  getOffice,
  listOffices,
  OFFICES_PER_TRANSACTION,
  type OfficeRecord,
  saveOffices,
} from '../repositories/offices.ts';
import { maySee, requireCardOfGmina, requireVoivodeship } from './access.ts';

/**
 * The directory of gmina offices' official addresses (issue 13): a coordinator lists, imports (CSV) and
 * edits those of their voivodeships, the lead those of its programmes'. Access is decided from the path, the
 * query or each row's TERYT code before anything is read; every change is logged in the panel's audit log.
 */
type Deps = { db: Db; now: () => Date };

const TERYT = /^\d{6}[123]$/;

async function register() {
  return import('../../shared/teryt/index.ts');
}

export async function listOfficesOf(
  deps: Deps,
  user: TAdminUser,
  wojewodztwo: string,
): Promise<TOfficesResponse> {
  requireVoivodeship(user, wojewodztwo);
  const [{ GMINY }, offices] = await Promise.all([register(), listOffices(deps.db, wojewodztwo)]);
  const byTeryt = new Map(offices.map((office) => [office.teryt, office]));
  return {
    wojewodztwo,
    gminas: GMINY.filter((gmina) => gmina.wojewodztwoCode === wojewodztwo).map((gmina) => {
      const office = byTeryt.get(gmina.teryt);
      return { teryt: gmina.teryt, gminaName: gmina.name, ...(office ? { office } : {}) };
    }),
  };
}

function describe(office: Pick<TOffice, 'email' | 'epuap' | 'name'> | undefined): string {
  if (!office) return '—';
  return [office.email, office.epuap, office.name].filter(Boolean).join(' | ');
}

const same = (a: OfficeRecord | undefined, b: Pick<TOffice, 'email' | 'epuap' | 'name'>) =>
  a !== undefined && a.email === b.email && a.epuap === b.epuap && a.name === b.name;

/** One gmina's addresses, as a coordinator of its voivodeship types them; logged with what they were. */
export async function changeOffice(
  deps: Deps,
  user: TAdminUser,
  input: { teryt: string; request: TOfficeChangeRequest },
): Promise<TOffice> {
  if (!TERYT.test(input.teryt)) throw new AppError('NOT_FOUND');
  const wojewodztwo = requireCardOfGmina(user, input.teryt);
  const gmina = (await register()).findGmina(input.teryt);
  if (!gmina) throw new AppError('NOT_FOUND');
  const before = await getOffice(deps.db, input.teryt);
  const { email, epuap, name } = input.request;
  const wanted = { email, ...(epuap ? { epuap } : {}), ...(name ? { name } : {}) };
  if (before && same(before, wanted)) return before;
  const at = deps.now();
  const office: OfficeRecord = {
    teryt: gmina.teryt,
    gminaName: gmina.name,
    ...wanted,
    source: 'manual',
    changedAt: at.toISOString(),
    changedBy: user.email,
  };
  const saved = await saveOffices(deps.db, {
    offices: [{ office, expected: before?.changedAt }],
    audit: {
      at,
      event: 'office-changed',
      actor: user.email,
      subject: `${gmina.teryt} ${gmina.name}`,
      details: [`${describe(before)} → ${describe(office)}`],
      wojewodztwa: [wojewodztwo],
    },
  });
  // Someone changed it since it was read: read again, then decide.
  if (!saved) throw new AppError('CONFLICT');
  return office;
}

type Row = { line: number; cells: string[] };

/** Splits CSV text into rows of cells: RFC 4180 quotes ("" inside a quoted cell), CRLF or LF. */
export function parseCsv(text: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((value) => value.trim() !== '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else cell += char;
  }
  endRow();
  return rows;
}

const COLUMNS = ['teryt', 'email', 'name', 'epuap'] as const;
type Column = (typeof COLUMNS)[number];
type Problem = TOfficesImportReport['rejected'][number]['problem'];

/** The header's columns, if the first row is a header (its first cell is no TERYT code). */
function headerColumns(row: Row | undefined): Column[] | undefined {
  if (!row || /^\d/.test(row.cells[0]?.trim() ?? '')) return undefined;
  const names = row.cells.map((cell) =>
    cell
      .trim()
      .toLowerCase()
      .replace(/^e-mail$/, 'email'),
  );
  if (!names.every((name): name is Column => (COLUMNS as readonly string[]).includes(name))) return undefined;
  if (!names.includes('teryt') || !names.includes('email') || new Set(names).size !== names.length)
    return undefined;
  return names;
}

const ZName = line(200);

/**
 * Imports offices from a CSV (UTF-8, with or without a BOM, `;` or `,`): each row is checked alone — a known
 * gmina of a voivodeship the user reaches, a valid e-mail (and ePUAP address and name, if given) — and
 * either stored whole or rejected with its reason; rows that change nothing are not written again, so
 * importing the same file twice changes nothing the second time. Stored in transactions of
 * OFFICES_PER_TRANSACTION rows, each with the audit entry listing its changes.
 */
export async function importOffices(
  deps: Deps,
  user: TAdminUser,
  csv: string,
): Promise<TOfficesImportReport> {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = parseCsv(text, delimiter);
  const header = headerColumns(rows[0]);
  const data = header ? rows.slice(1) : rows;
  const columns: readonly Column[] = header ?? ['teryt', 'email', 'name'];
  const { findGmina } = await register();

  const rejected: TOfficesImportReport['rejected'] = [];
  const reject = (row: Row, problem: Problem, teryt?: string) =>
    rejected.push({ line: row.line, ...(teryt ? { teryt } : {}), problem });
  const accepted = new Map<
    string,
    { row: Row; gminaName: string; wanted: Pick<TOffice, 'email' | 'epuap' | 'name'> }
  >();
  const seen = new Set<string>();
  for (const row of data) {
    if (row.cells.length < 2 || row.cells.length > columns.length) {
      reject(row, 'columns');
      continue;
    }
    const value = (column: Column) => {
      const at = columns.indexOf(column);
      return at < 0 ? '' : (row.cells[at] ?? '').trim();
    };
    const teryt = value('teryt');
    if (!TERYT.test(teryt)) {
      reject(row, 'teryt');
      continue;
    }
    if (seen.has(teryt)) {
      reject(row, 'duplicate', teryt);
      accepted.delete(teryt);
      continue;
    }
    seen.add(teryt);
    // Reach first, from the code alone: a row of another voivodeship says nothing about that gmina.
    if (!maySee(user, teryt.slice(0, 2))) {
      reject(row, 'other_wojewodztwo', teryt);
      continue;
    }
    const gmina = findGmina(teryt);
    if (!gmina) {
      reject(row, 'unknown_teryt', teryt);
      continue;
    }
    const email = ZOfficeEmail.safeParse(value('email'));
    if (!email.success) {
      reject(row, 'email', teryt);
      continue;
    }
    const epuapText = value('epuap');
    const epuap = epuapText ? ZEpuap.safeParse(epuapText) : undefined;
    if (epuap && !epuap.success) {
      reject(row, 'epuap', teryt);
      continue;
    }
    const nameText = value('name');
    const name = nameText ? ZName.safeParse(nameText) : undefined;
    if (name && !name.success) {
      reject(row, 'name', teryt);
      continue;
    }
    accepted.set(teryt, {
      row,
      gminaName: gmina.name,
      wanted: {
        email: email.data,
        ...(epuap?.success ? { epuap: epuap.data } : {}),
        ...(name?.success ? { name: name.data } : {}),
      },
    });
  }
  // A TERYT code twice in one file: neither row is taken (which one is right is the coordinator's call).
  for (const rejection of rejected) {
    if (rejection.problem !== 'duplicate' || !rejection.teryt) continue;
    const first = data.find((row) => row.cells[columns.indexOf('teryt')]?.trim() === rejection.teryt);
    if (first && !rejected.some((other) => other.line === first.line))
      rejected.push({ line: first.line, teryt: rejection.teryt, problem: 'duplicate' });
  }

  const wojewodztwa = [...new Set([...accepted.keys()].map((teryt) => teryt.slice(0, 2)))];
  const existing = new Map(
    (await Promise.all(wojewodztwa.map((code) => listOffices(deps.db, code))))
      .flat()
      .map((office) => [office.teryt, office]),
  );
  const at = deps.now();
  const changes: { office: OfficeRecord; expected: string | undefined; before: OfficeRecord | undefined }[] =
    [];
  let unchanged = 0;
  for (const [teryt, { gminaName, wanted }] of accepted) {
    const before = existing.get(teryt);
    if (same(before, wanted)) {
      unchanged += 1;
      continue;
    }
    changes.push({
      office: {
        teryt,
        gminaName,
        ...wanted,
        source: 'import',
        changedAt: at.toISOString(),
        changedBy: user.email,
      },
      expected: before?.changedAt,
      before,
    });
  }
  for (let start = 0; start < changes.length; start += OFFICES_PER_TRANSACTION) {
    const chunk = changes.slice(start, start + OFFICES_PER_TRANSACTION);
    const saved = await saveOffices(deps.db, {
      offices: chunk,
      audit: {
        at,
        event: 'offices-imported',
        actor: user.email,
        subject: `${chunk.length} urzędów gmin (CSV)`,
        details: chunk.map(
          ({ office, before }) => `${office.teryt}: ${describe(before)} → ${describe(office)}`,
        ),
        wojewodztwa: [...new Set(chunk.map(({ office }) => office.teryt.slice(0, 2)))],
      },
    });
    // An office edited while the file was read: the chunks before stay (each whole); this one and the
    // rest are not written, and importing the file again finishes it.
    if (!saved) throw new AppError('CONFLICT');
  }
  const created = changes.filter((change) => change.before === undefined).length;
  return {
    rows: data.length,
    created,
    changed: changes.length - created,
    unchanged,
    rejected: rejected.sort((a, b) => a.line - b.line),
  };
}
