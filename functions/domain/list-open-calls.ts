import type { TOpenCallsQuery, TOpenCallsResponse } from '../../shared/schemas/programme.ts';
import { listCallsOpenAt, programmeNames } from '../repositories/calls.ts';
import type { Db } from '../repositories/dynamo.ts';

/** The calls a gmina can apply to right now, soonest deadline first. The server's clock decides. */
export async function listOpenCalls(
  deps: { db: Db; now: () => Date },
  query: TOpenCallsQuery,
): Promise<TOpenCallsResponse> {
  const calls = await listCallsOpenAt(deps.db, deps.now(), {
    wojewodztwo: query.wojewodztwo,
    programmeId: query.programme,
  });
  const names = await programmeNames(
    deps.db,
    calls.map((call) => call.programmeId),
  );
  return {
    calls: calls
      .map((call) => ({ ...call, programmeName: names.get(call.programmeId) ?? '' }))
      .sort((a, b) => a.closesAt.localeCompare(b.closesAt) || a.id.localeCompare(b.id)),
  };
}
