import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../functions/lib/crypto.ts';
import { isValidNip, isValidRegon, normalizeIdentifier } from '../../shared/identifiers.ts';

/*
 * Check digits worked out by hand from the GUS and tax-administration rules, so a wrong weight or
 * modulus in the code fails here (the property test compares the browser with the API, which share it).
 */
describe('NIP and REGON check digits', () => {
  it.each([
    ['5261040828', true],
    ['5261040829', false],
    ['1234563218', true],
    ['526104082', false],
    // Its check digit works out (0 mod 11 = 0), but no taxpayer has it: a placeholder typed to get past.
    ['0000000000', false],
  ])('NIP %s is valid: %s', (nip, valid) => {
    expect(isValidNip(nip)).toBe(valid);
  });

  it.each([
    // 1·8+2·9+3·2+4·3+5·4+6·5+7·6+8·7 = 192; 192 mod 11 = 5
    ['123456785', true],
    ['123456786', false],
    // 2+8+24+20+0+54+49+24+30+1+4+12+32 = 260; 260 mod 11 = 7; and its first nine are a valid REGON
    ['12345678512347', true],
    ['12345678512348', false],
    // The 14-digit check digit is right (266 mod 11 = 2), but the first nine are not a REGON.
    ['12345678612342', false],
    ['12345678', false],
    // Check digits that work out for a placeholder.
    ['000000000', false],
    ['00000000000000', false],
  ])('REGON %s is valid: %s', (regon, valid) => {
    expect(isValidRegon(regon)).toBe(valid);
  });

  it('takes the spaces and dashes people type', () => {
    expect(normalizeIdentifier('526-104-08-28')).toBe('5261040828');
    expect(normalizeIdentifier('123 456 785')).toBe('123456785');
  });
});

describe('the canonical JSON a receipt hashes', () => {
  it('is the same whatever the order of keys, at every level, and drops undefined', () => {
    const one = canonicalJson({ b: 1, a: { d: [2, { f: 'ż', e: null }], c: 'x' }, z: undefined });
    const other = canonicalJson({ a: { c: 'x', d: [2, { e: null, f: 'ż' }] }, b: 1 });

    expect(one).toBe(other);
    expect(one).toBe('{"a":{"c":"x","d":[2,{"e":null,"f":"ż"}]},"b":1}');
  });

  it('keeps the order of arrays, which is part of the answer', () => {
    expect(canonicalJson(['b', 'a'])).not.toBe(canonicalJson(['a', 'b']));
  });
});
