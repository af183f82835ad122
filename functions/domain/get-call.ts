import { callContacts } from '../../shared/rops-contacts.ts';
import type { TCallResponse } from '../../shared/schemas/programme.ts';
import { AppError } from '../lib/errors.ts';
import { programmeNames, getCall as readCall } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';

export async function getCall(deps: { db: Db }, callId: string): Promise<TCallResponse> {
  const call = await readCall(deps.db, callId);
  if (!call) throw new AppError('NOT_FOUND');
  const names = await programmeNames(deps.db, [call.programmeId]);
  return {
    call: { ...call, programmeName: names.get(call.programmeId) ?? '' },
    contacts: callContacts(call.wojewodztwa),
  };
}
