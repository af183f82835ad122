/**
 * The ranking of a call in one voivodeship: scored cards by total (ties: earlier sending, then TERYT), the
 * first `seats` proposed for selection — within each group of powiats' quota where the voivodeship splits
 * its region into subregions — then `reserveSize` on the reserve list. A proposal only: each decision is
 * a coordinator's, logged.
 */
export interface RankedInput {
  teryt: string;
  powiatCode: string;
  total: number;
  submittedAt: string;
}

export interface Quota {
  name: string;
  powiatCodes: string[];
  seats: number;
}

export interface RankingRules {
  seats: number;
  reserveSize: number;
  /** When present, every seat belongs to a group: a card counts only within its powiat's group. */
  quotas?: Quota[];
}

export type Proposal = 'selected' | 'reserve' | 'not_selected';

export interface RankedCard<T extends RankedInput> {
  card: T;
  position: number;
  group?: string;
  proposal: Proposal;
}

export function byRank(a: RankedInput, b: RankedInput): number {
  return b.total - a.total || a.submittedAt.localeCompare(b.submittedAt) || a.teryt.localeCompare(b.teryt);
}

export function rankCards<T extends RankedInput>(cards: readonly T[], rules: RankingRules): RankedCard<T>[] {
  const ordered = [...cards].sort(byRank);
  const groupOf = (card: T) => rules.quotas?.find((quota) => quota.powiatCodes.includes(card.powiatCode));
  const seatsLeft = new Map(rules.quotas?.map((quota) => [quota.name, quota.seats]));
  let free = rules.quotas ? 0 : rules.seats;
  let reserve = rules.reserveSize;
  return ordered.map((card, index) => {
    const group = groupOf(card);
    let proposal: Proposal = 'not_selected';
    if (rules.quotas) {
      const left = group ? (seatsLeft.get(group.name) ?? 0) : 0;
      if (group && left > 0) {
        seatsLeft.set(group.name, left - 1);
        proposal = 'selected';
      }
    } else if (free > 0) {
      free -= 1;
      proposal = 'selected';
    }
    if (proposal === 'not_selected' && reserve > 0 && (!rules.quotas || group)) {
      reserve -= 1;
      proposal = 'reserve';
    }
    return { card, position: index + 1, ...(group ? { group: group.name } : {}), proposal };
  });
}

/**
 * Who takes a freed seat: the best on the reserve list, from the same group of powiats when seats are
 * split by quota (a subregion's seat stays in the subregion).
 */
export function nextFromReserve<T extends RankedInput & { status: string }>(
  cards: readonly T[],
  freed: Pick<RankedInput, 'powiatCode'>,
  quotas?: readonly Quota[],
): T | undefined {
  const group = quotas?.find((quota) => quota.powiatCodes.includes(freed.powiatCode));
  return [...cards]
    .filter((card) => card.status === 'reserve')
    .filter((card) => !quotas || (group?.powiatCodes.includes(card.powiatCode) ?? false))
    .sort(byRank)[0];
}
