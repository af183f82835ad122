import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../functions/lib/request-headers.ts';
import { httpEvent } from '../support/http.ts';

describe('the client address used for rate limits', () => {
  it.each([
    ['an IPv4 viewer', '203.0.113.9:50123', '203.0.113.9'],
    ['an IPv6 viewer', '2001:db8::1:443', '2001:db8::1'],
  ])('takes %s from CloudFront-Viewer-Address, without the port', (_, header, address) => {
    const event = httpEvent({ method: 'POST', path: '/x', headers: { 'cloudfront-viewer-address': header } });

    expect(clientAddress(event)).toBe(address);
  });

  it("falls back to the connection's address without CloudFront, or with a header that has no port", () => {
    expect(clientAddress(httpEvent({ method: 'POST', path: '/x' }))).toBe('127.0.0.1');
    expect(
      clientAddress(httpEvent({ method: 'POST', path: '/x', headers: { 'cloudfront-viewer-address': 'x' } })),
    ).toBe('127.0.0.1');
  });
});
