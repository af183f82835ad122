import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findGmina, GMINY, TERYT_STAN } from '../../shared/teryt/index.ts';
import { parseTercCsv } from '../../shared/teryt/parse.ts';
import registerJson from '../../shared/teryt/register.json' with { type: 'json' };

describe('the TERYT gmina register', () => {
  it('holds every gmina of 2024-01-01: 2,477, of which 1,464 rural, 711 urban-rural, 302 urban', () => {
    const byKind = Object.groupBy(GMINY, (gmina) => gmina.kind);

    expect(TERYT_STAN).toBe('2024-01-01');
    expect(GMINY).toHaveLength(2477);
    expect(byKind.wiejska).toHaveLength(1464);
    expect(byKind['miejsko-wiejska']).toHaveLength(711);
    expect(byKind.miejska).toHaveLength(302);
    expect(new Set(GMINY.map((gmina) => gmina.teryt)).size).toBe(2477);
  });

  it('knows Oksa as the rural gmina 2602052 in powiat jędrzejowski, świętokrzyskie', () => {
    expect(findGmina('2602052')).toEqual({
      teryt: '2602052',
      name: 'Oksa',
      kind: 'wiejska',
      powiatCode: '2602',
      powiat: 'jędrzejowski',
      wojewodztwoCode: '26',
      wojewodztwo: 'świętokrzyskie',
    });
  });

  it('has the 2024 kinds: Łopuszno became urban-rural after it took part as a rural gmina', () => {
    const lopuszno = GMINY.find((gmina) => gmina.name === 'Łopuszno');

    expect(lopuszno?.kind).toBe('miejsko-wiejska');
    expect(findGmina('2602053')).toBeUndefined();
  });

  it('keeps register.json equal to what the CSV says (regenerate with build-register.ts)', () => {
    const csv = readFileSync(
      new URL('../../shared/teryt/teryt-terc-2024-01-01.csv', import.meta.url),
      'utf8',
    );

    expect(parseTercCsv(csv)).toEqual(registerJson);
  });

  it('rejects a file that is not TERC', () => {
    expect(() => parseTercCsv('A;B\n1;2')).toThrow(/Unexpected TERC header/);
  });
});
