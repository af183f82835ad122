import { describe, expect, it } from 'vitest';
import { diffAnswers } from '../../shared/review/diff.ts';
import { nextFromReserve, rankCards } from '../../shared/review/ranking.ts';
import {
  LIDERZY_RULE_SET,
  manualPointsFit,
  type ScoringInput,
  scoreCard,
} from '../../shared/review/scoring.ts';
import { gminaMayWithdraw, nextStatus } from '../../shared/review/statuses.ts';
import { reviewWarnings } from '../../shared/review/warnings.ts';
import { ZFormalCheckRequest } from '../../shared/schemas/review.ts';

const input = (over: Partial<Record<keyof ScoringInput['criteria'], number>> = {}): ScoringInput => {
  const figure = (value: number) => ({ value, year: 2017 });
  const values = {
    population: 5_200,
    solectwa: 24,
    incomePerInhabitant: 3_120.5,
    longTermAssistancePersons: 130,
    assistanceFamilies: 210,
    assistancePersons: 560,
    familiesWithAssistant: 14,
    ...over,
  };
  return {
    criteria: Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, figure(value)]),
    ) as ScoringInput['criteria'],
    infrastructure: { items: ['ops', 'swietlica', 'ngo'], other: '' },
  };
};

describe('statuses', () => {
  it('lets each action follow only the statuses it applies to', () => {
    expect(nextStatus('sent', 'pass_formal')).toBe('formal_passed');
    expect(nextStatus('sent', 'select')).toBeUndefined();
    expect(nextStatus('formal_passed', 'score')).toBe('scored');
    expect(nextStatus('scored', 'select')).toBe('selected');
    expect(nextStatus('reserve', 'select')).toBe('selected');
    expect(nextStatus('selected', 'resign')).toBe('resigned');
    expect(nextStatus('selected', 'not_select')).toBeUndefined();
    expect(nextStatus('withdrawn', 'pass_formal')).toBeUndefined();
  });

  it('lets the gmina withdraw until a decision only', () => {
    expect(gminaMayWithdraw('scored')).toBe(true);
    expect(gminaMayWithdraw('needs_correction')).toBe(true);
    expect(gminaMayWithdraw('selected')).toBe(false);
    expect(gminaMayWithdraw('formally_rejected')).toBe(false);
  });
});

describe('scoring', () => {
  it('scores each criterion from the card with its input and rule', () => {
    const score = scoreCard(LIDERZY_RULE_SET, input(), {});
    const byId = Object.fromEntries(score.criteria.map((c) => [c.id, c]));
    expect(byId.population?.points).toBe(2);
    expect(byId.solectwa?.points).toBe(2);
    expect(byId.income?.points).toBe(4);
    expect(byId.income?.input).toEqual({
      value: 3120.5,
      unit: 'zł',
      year: 2017,
      source: expect.stringContaining('GUS'),
    });
    // 130 / 5200 = 25 ‰
    expect(byId['long-term-assistance']?.input?.value).toBe(25);
    expect(byId['long-term-assistance']?.points).toBe(4);
    expect(byId['long-term-assistance']?.rule).toBe('od 20 do poniżej 35 ‰ → 4 pkt');
    expect(byId.infrastructure?.points).toBe(2);
    expect(score.total).toBe(14);
    expect(score.missing).toEqual(['motivation', 'km1']);
  });

  it('counts band edges into the upper band', () => {
    const at = scoreCard(LIDERZY_RULE_SET, input({ incomePerInhabitant: 3000 }), {});
    const below = scoreCard(LIDERZY_RULE_SET, input({ incomePerInhabitant: 2999.99 }), {});
    expect(at.criteria.find((c) => c.id === 'income')?.points).toBe(4);
    expect(below.criteria.find((c) => c.id === 'income')?.points).toBe(6);
  });

  it('adds manual points with their justification, to a tenth', () => {
    const score = scoreCard(LIDERZY_RULE_SET, input(), {
      motivation: { points: 3.7, justification: 'Konkretne potrzeby' },
      km1: { points: 2, justification: 'Udział w KM I' },
    });
    expect(score.total).toBe(19.7);
    expect(score.missing).toEqual([]);
    expect(score.criteria.find((c) => c.id === 'motivation')?.justification).toBe('Konkretne potrzeby');
  });

  it('refuses manual points outside the band or between tenths', () => {
    const motivation = LIDERZY_RULE_SET.criteria.find((c) => c.id === 'motivation');
    const km1 = LIDERZY_RULE_SET.criteria.find((c) => c.id === 'km1');
    if (!motivation || !km1) throw new Error('rule set changed');
    expect(manualPointsFit(motivation, 5)).toBe(true);
    expect(manualPointsFit(motivation, 5.1)).toBe(false);
    expect(manualPointsFit(motivation, -1)).toBe(false);
    expect(manualPointsFit(motivation, 2.25)).toBe(false);
    expect(manualPointsFit(km1, 1)).toBe(false);
    expect(manualPointsFit(km1, 2)).toBe(true);
  });
});

describe('ranking', () => {
  const card = (teryt: string, total: number, submittedAt: string, powiatCode = '2001') => ({
    teryt,
    total,
    submittedAt,
    powiatCode,
  });

  it('orders by total, then earlier sending, and proposes seats then reserve', () => {
    const ranked = rankCards(
      [
        card('a', 10, '2018-05-02'),
        card('b', 12, '2018-05-03'),
        card('c', 10, '2018-05-01'),
        card('d', 3, '2018-05-01'),
      ],
      { seats: 2, reserveSize: 1 },
    );
    expect(ranked.map((r) => [r.card.teryt, r.position, r.proposal])).toEqual([
      ['b', 1, 'selected'],
      ['c', 2, 'selected'],
      ['a', 3, 'reserve'],
      ['d', 4, 'not_selected'],
    ]);
  });

  it('fills each subregion up to its quota', () => {
    const quotas = [
      { name: 'ełcki', powiatCodes: ['2818'], seats: 1 },
      { name: 'olsztyński', powiatCodes: ['2814', '2815'], seats: 2 },
    ];
    const ranked = rankCards(
      [
        card('x', 20, '1', '2814'),
        card('y', 19, '1', '2814'),
        card('z', 18, '1', '2814'),
        card('e', 5, '1', '2818'),
      ],
      { seats: 3, reserveSize: 2, quotas },
    );
    expect(ranked.map((r) => [r.card.teryt, r.proposal])).toEqual([
      ['x', 'selected'],
      ['y', 'selected'],
      ['z', 'reserve'],
      ['e', 'selected'],
    ]);
    const next = nextFromReserve(
      ranked.map((r) => ({ ...r.card, status: r.proposal === 'reserve' ? 'reserve' : r.proposal })),
      { powiatCode: '2815' },
      quotas,
    );
    expect(next?.teryt).toBe('z');
    expect(
      nextFromReserve([{ ...card('z', 18, '1', '2814'), status: 'reserve' }], { powiatCode: '2818' }, quotas),
    ).toBeUndefined();
  });
});

describe('version changes', () => {
  it('names each changed field by its path', () => {
    expect(
      diffAnswers(
        { criteria: { population: { value: 5200, year: 2017 } }, infrastructure: { items: ['ops'] } },
        { criteria: { population: { value: 5300, year: 2017 } }, infrastructure: { items: ['ops', 'cis'] } },
      ),
    ).toEqual([
      { path: 'criteria.population.value', before: 5200, after: 5300 },
      { path: 'infrastructure.items', before: ['ops'], after: ['ops', 'cis'] },
    ]);
  });
});

describe('formal check request', () => {
  it('needs a reason for a failed item and agreement between items and outcome', () => {
    const failed = { revision: 1, outcome: 'pass', items: [{ id: 'declarations', ok: false }] };
    const result = ZFormalCheckRequest.safeParse(failed);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).sort()).toEqual([
      'checklist_failed',
      'reason_required',
    ]);
    expect(
      ZFormalCheckRequest.safeParse({
        revision: 1,
        outcome: 'reject',
        items: [{ id: 'declarations', ok: false, reason: 'Brak podpisu' }],
      }).success,
    ).toBe(true);
  });
});

describe('warnings', () => {
  const narewka = { teryt: '2005062', gminaName: 'Narewka', nip: '6030042740', regon: '050659141' };
  const base = {
    ...narewka,
    wojewodztwo: '20',
    postalCode: '17-220',
    figures: { population: 3_700, incomePerInhabitant: 3_400, solectwa: 28 },
  };

  it('says nothing of an ordinary card', () => {
    expect(reviewWarnings(base, [narewka])).toEqual([]);
  });

  it('names another card with the same NIP or REGON, a postal district elsewhere and odd figures', () => {
    const warnings = reviewWarnings(
      {
        ...base,
        postalCode: '60-001',
        figures: { population: 900_000, incomePerInhabitant: 300, solectwa: 28 },
      },
      [{ teryt: '2005011', gminaName: 'Bielsk Podlaski', nip: base.nip, regon: base.regon }],
    );
    expect(warnings.map((w) => w.code)).toEqual([
      'same_nip',
      'same_regon',
      'postal_code_region',
      'implausible_figure',
      'implausible_figure',
    ]);
    expect(warnings[0]?.message).toContain('Bielsk Podlaski');
  });
});
