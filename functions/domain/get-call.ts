import type { TCall } from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import { getCall as readCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';

export async function getCall(deps: { db: Db }, callId: string): Promise<TCall> {
  const call = await readCall(deps.db, callId);
  if (!call) throw new AppError('NOT_FOUND');
  return call;
}
