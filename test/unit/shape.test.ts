import { describe, expect, it } from 'vitest';
import { reader } from '../../web/src/lib/shape.ts';

/** The site's reader of our own API's JSON: what it keeps, drops and refuses. */
describe('reading JSON by shape', () => {
  const readCalls = reader<{ calls: { id: string; 'note?': string }[] }>({
    calls: [{ id: 'string', 'note?': 'string' }],
  });

  it('drops keys the shape does not name, in every item, and keeps optional ones when present', () => {
    const read = readCalls({
      calls: [{ id: 'a' }, { id: 'b', note: 'x', extra: 1 }, { id: 'c', extra: 2 }],
      version: 2,
    });

    expect(read).toEqual({ calls: [{ id: 'a' }, { id: 'b', note: 'x' }, { id: 'c' }] });
  });

  it('refuses a value of the wrong type anywhere', () => {
    expect(readCalls({ calls: [{ id: 'a' }, { id: 2 }] })).toBeUndefined();
    expect(readCalls({ calls: 'a' })).toBeUndefined();
    expect(readCalls({ calls: [{ id: 'a', note: 3 }] })).toBeUndefined();
  });

  it('checks an array of plain values without rebuilding it', () => {
    const rows = [
      ['2602052', 'Oksa'],
      ['2604083', 'Łopuszno'],
    ];
    const read = reader<{ gminy: string[][] }>({ gminy: [['string']] })({ gminy: rows });

    expect(read?.gminy).toBe(rows);
    expect(reader({ gminy: [['string']] })({ gminy: [['2602052', 7]] })).toBeUndefined();
  });
});
