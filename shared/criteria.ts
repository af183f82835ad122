/*
 * What is computed from the card's criteria data. Kept apart from the card's schema (schemas/card.ts) so
 * that code showing a card (its e-mails) does not load every zod schema with it.
 */

/** Long-term assistance relative to population, in per cent, to two decimals: computed, never typed. */
export function longTermAssistanceRatio(
  criteria: Record<'population' | 'longTermAssistancePersons', { value: number }>,
): number {
  if (criteria.population.value <= 0) return 0;
  return Math.round((criteria.longTermAssistancePersons.value / criteria.population.value) * 10_000) / 100;
}
