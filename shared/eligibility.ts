import type { GminaKind } from './gmina-kinds.ts';

/** Why a gmina cannot apply to a call; the picker says it, and the API checks it again. */
export type Ineligibility = 'unknown_gmina' | 'wrong_wojewodztwo' | 'wrong_kind';

export interface GminaFacts {
  teryt: string;
  kind: GminaKind;
  wojewodztwoCode: string;
}

export interface CallRules {
  wojewodztwa: readonly string[];
  gminaKinds: readonly GminaKind[];
}

export function gminaIneligibility(
  call: CallRules,
  gmina: GminaFacts | undefined,
): Ineligibility | undefined {
  if (!gmina) return 'unknown_gmina';
  if (!call.wojewodztwa.includes(gmina.wojewodztwoCode)) return 'wrong_wojewodztwo';
  if (!call.gminaKinds.includes(gmina.kind)) return 'wrong_kind';
  return undefined;
}
