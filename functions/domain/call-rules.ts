import { KOOPERACJA_RULE_SET, LIDERZY_RULE_SET, type RuleSet } from '../../shared/review/scoring.ts';
import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TCall } from '../../shared/schemas/programme.ts';
import type { TCallRules, TPutRulesRequest } from '../../shared/schemas/review.ts';
import { AppError } from '../lib/errors.ts';
import { getCall } from '../repositories/calls.ts';
import { newEntryId } from '../repositories/card-review.ts';
import type { Db } from '../repositories/dynamo.ts';
import { getLatestRules, saveRulesVersion } from '../repositories/rules.ts';
import { requireVoivodeship } from './access.ts';

type Deps = { db: Db; now: () => Date };

/** The programme "Liderzy kooperacji" (its id in functions/local/demo-data.ts); every other uses Kooperacja's. */
const LIDERZY_PROGRAMME_ID = 'liderzy-kooperacji';

export function defaultRules(call: Pick<TCall, 'programmeId'>): RuleSet {
  return call.programmeId === LIDERZY_PROGRAMME_ID ? LIDERZY_RULE_SET : KOOPERACJA_RULE_SET;
}

export interface CurrentRules {
  rules: RuleSet;
  /** A card was scored with this version. */
  frozen: boolean;
  stored: boolean;
}

/** The rules a card of the call is scored with now: the latest stored version, else the programme's default. */
export async function currentRules(db: Db, call: TCall): Promise<CurrentRules> {
  const stored = await getLatestRules(db, call.id);
  return stored
    ? { rules: stored.rules, frozen: stored.frozenAt !== undefined, stored: true }
    : { rules: defaultRules(call), frozen: false, stored: false };
}

/**
 * Rules are per call, for all its voivodeships; a coordinator reaches them through one of their
 * voivodeships that the call covers (decided from the query, then the call's head, before the rules).
 */
async function callOfVoivodeship(deps: Deps, user: TAdminUser, callId: string, wojewodztwo: string) {
  requireVoivodeship(user, wojewodztwo);
  const call = await getCall(deps.db, callId);
  if (!call?.wojewodztwa.includes(wojewodztwo)) throw new AppError('CALL_NOT_FOUND');
  return call;
}

function view(callId: string, current: CurrentRules): TCallRules {
  return { callId, rules: current.rules, frozen: current.frozen, stored: current.stored };
}

export async function getCallRules(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string },
): Promise<TCallRules> {
  const call = await callOfVoivodeship(deps, user, input.callId, input.wojewodztwo);
  return view(call.id, await currentRules(deps.db, call));
}

/**
 * Replaces the call's rules with the next version, if `replaces` is still the latest (else 409 CONFLICT).
 * A version no card was scored with is dropped; a used one is kept beside the new one.
 */
export async function putCallRules(
  deps: Deps,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string; request: TPutRulesRequest },
): Promise<TCallRules> {
  const call = await callOfVoivodeship(deps, user, input.callId, input.wojewodztwo);
  const current = await currentRules(deps.db, call);
  if (input.request.replaces !== current.rules.version) throw new AppError('CONFLICT');
  const version = current.rules.version + 1;
  const rules: RuleSet = { version, ...input.request.rules } as RuleSet;
  const at = deps.now().toISOString();
  const outcome = await saveRulesVersion(deps.db, {
    callId: call.id,
    rules,
    previous: { stored: current.stored, frozen: current.frozen },
    audit: {
      entry: {
        at,
        by: user.email,
        action: current.frozen ? 'rules_new_version' : 'rules_replaced',
        reason: `wersja ${current.rules.version} → ${version}`,
      },
      id: newEntryId(),
    },
  });
  if (outcome === 'stale') throw new AppError('CONFLICT');
  return view(call.id, { rules, frozen: false, stored: true });
}
