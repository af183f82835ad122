import type { TProgramme } from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getProgramme as readProgramme } from '../repositories/programmes.ts';

/** A programme with its kamienie milowe, in order: what a gmina commits to by applying. */
export async function getProgramme(deps: { db: Db }, programmeId: string): Promise<TProgramme> {
  const programme = /^[a-z0-9-]{3,64}$/.test(programmeId)
    ? await readProgramme(deps.db, programmeId)
    : undefined;
  if (!programme) throw new AppError('NOT_FOUND');
  return programme;
}
