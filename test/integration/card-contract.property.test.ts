import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/submit-card.ts';
import { CARD_SECTIONS } from '../../shared/schemas/card.ts';
import { type Answers, validateCard } from '../../web/src/card/model.ts';
import { validAnswers } from '../support/cards.ts';
import { httpEvent, lambdaContext } from '../support/http.ts';

/**
 * The site checks a card with its own code (web/src/card/model.ts: step by step, then `validateCard` before
 * sending what it returns); the API checks the body in its middy stack. Property: for any answers, the
 * site sends a card exactly when the API accepts it, and what it sends is what the API accepts. The API is
 * the real submit-card handler; a call id that does not exist stops an accepted card right after
 * validation (404 CALL_NOT_FOUND), before anything is stored.
 */
function browserCard(answers: Record<string, unknown>): unknown {
  // The form holds the card section by section; nothing else can reach the request.
  const sections = Object.fromEntries(
    Object.keys(CARD_SECTIONS).map((section) => [section, answers[section]]),
  );
  return validateCard(sections as Answers).card;
}

async function apiAccepts(answers: unknown): Promise<boolean> {
  const response = (await handler(
    httpEvent({
      method: 'POST',
      path: '/api/calls/no-such-call/cards',
      body: JSON.stringify({ answers }),
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  const { error } = JSON.parse(response.body ?? '{}') as { error?: { code: string } };
  if (error?.code === 'CALL_NOT_FOUND') return true;
  if (error?.code === 'VALIDATION_FAILED') return false;
  throw new Error(`unexpected answer ${response.statusCode}: ${response.body}`);
}

/** Every leaf of a valid card, as a path, plus a few places where nothing belongs. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}
const PATHS = [
  ...leafPaths(validAnswers()),
  ['extra'],
  ['office', 'fax'],
  ['criteria', 'population'],
  ['declarations'],
];

const VALUES = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.stringMatching(/^\d{9,14}$/),
  fc.stringMatching(/^\d{2}-\d{3}$/),
  fc.emailAddress(),
  fc.integer({ min: -5, max: 2_100_000 }),
  fc.integer({ min: 1990, max: 2110 }),
  fc.double({ min: -1, max: 200_000, noNaN: true }),
  fc.boolean(),
  fc.constant(undefined),
  fc.constant(null),
  fc.constant('x'.repeat(3001)),
  fc.array(fc.constantFrom('ops', 'pcpr', 'sds', 'cis', 'nope'), { maxLength: 4 }),
);

const MUTATIONS = fc.array(fc.tuple(fc.constantFrom(...PATHS), VALUES), { minLength: 0, maxLength: 3 });

function mutate(mutations: [string[], unknown][]): unknown {
  const answers = structuredClone(validAnswers()) as Record<string, unknown>;
  for (const [path, value] of mutations) {
    let target = answers;
    for (const key of path.slice(0, -1)) {
      if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    const last = path.at(-1) as string;
    if (value === undefined) delete target[last];
    else target[last] = value;
  }
  return answers;
}

describe('one contract for the browser and the API', () => {
  it('accepts exactly the same cards (1,000 generated cases)', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(MUTATIONS, async (mutations) => {
        const answers = mutate(mutations) as Record<string, unknown>;
        const card = browserCard(answers);
        if (card) {
          expect(await apiAccepts(card)).toBe(true);
          accepted += 1;
        } else {
          expect(await apiAccepts(answers)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
    // Both outcomes must be well represented, or the property says little.
    expect(accepted).toBeGreaterThan(50);
    expect(accepted).toBeLessThan(950);
  }, 120_000);
});
