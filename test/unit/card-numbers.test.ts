import { describe, expect, it } from 'vitest';
import { numberText, toNumber } from '../../web/src/card/model.ts';

describe('numbers as clerks type them into the card', () => {
  it.each<[string, number | string | undefined]>([
    ['2100', 2100],
    ['12 345', 12_345],
    ['12\u00a0345', 12_345],
    // Thousands marked with a dot (Polish) or a comma (English): a count is never a fraction of a person.
    ['1.234', 1234],
    ['2,100', 2100],
    ['1.234.567', 1_234_567],
    ['1,234,567', 1_234_567],
    // Decimals with either mark, and both marks together: the last one is the decimal mark.
    ['4321,55', 4321.55],
    ['4321.55', 4321.55],
    ['4 321,55', 4321.55],
    ['1.234,56', 1234.56],
    ['4,321.55', 4321.55],
    ['0,125', 0.125],
    ['-5', -5],
    ['', undefined],
    ['  ', undefined],
    // Not numbers: kept as typed, so the field shows them again and the schema refuses them.
    ['dwieście', 'dwieście'],
    ['12 tys.', '12 tys.'],
    ['1.234.56', '1.234.56'],
    ['1,23,456', '1,23,456'],
    ['1.234,567.8', '1.234,567.8'],
  ])('reads %j as %j', (typed, read) => {
    expect(toNumber(typed)).toBe(read);
  });

  it('shows an amount back with the decimal mark of the language', () => {
    expect(numberText(4321.55, 'pl')).toBe('4321,55');
    expect(numberText(4321.55, 'en')).toBe('4321.55');
    expect(numberText('12 tys.', 'en')).toBe('12 tys.');
    expect(numberText(undefined, 'pl')).toBe('');
  });
});
