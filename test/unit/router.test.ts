import { describe, expect, it } from 'vitest';
import { matchPath } from '../../web/src/lib/router.ts';

describe("the site's router", () => {
  it('takes required and optional parameters, decoded', () => {
    expect(matchPath('/nabory/:callId/zgloszenie/:step?', '/nabory/abc/zgloszenie')).toEqual({
      callId: 'abc',
      step: undefined,
    });
    expect(matchPath('/nabory/:callId/zgloszenie/:step?', '/nabory/abc/zgloszenie/sprawd%C5%BA')).toEqual({
      callId: 'abc',
      step: 'sprawdź',
    });
    expect(matchPath('/nabory/:callId', '/nabory')).toBeUndefined();
    expect(matchPath('/nabory/:callId', '/nabory/abc/def')).toBeUndefined();
  });

  it('matches nothing, rather than throwing while the page renders, for a broken escape', () => {
    expect(matchPath('/nabory/:callId', '/nabory/%E0%A4%A')).toBeUndefined();
    expect(matchPath('/karta/:action?', '/karta/%')).toBeUndefined();
  });
});
