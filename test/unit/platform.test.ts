import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { readConfig } from '../../functions/lib/config.ts';
import { HTTP_STATUS } from '../../functions/lib/errors.ts';
import { keyAttributeNames, TABLE_DESIGN } from '../../functions/repositories/table-design.ts';
import { matchRoute, ROUTES } from '../../functions/routes.ts';
import { ERROR_CODES, ERROR_MESSAGES, FIELD_MESSAGES } from '../../shared/errors.ts';
import { issuesToFieldErrors } from '../../shared/validation.ts';

describe('routes', () => {
  it('matches path parameters and tells a wrong method from an unknown address', () => {
    expect(matchRoute('GET', '/api/calls/abc')).toEqual({
      kind: 'route',
      route: { method: 'GET', path: '/api/calls/{callId}', handler: 'get-call' },
      params: { callId: 'abc' },
    });
    expect(matchRoute('PUT', '/api/calls/abc')).toEqual({ kind: 'wrong-method', allowed: ['GET'] });
    expect(matchRoute('GET', '/api/calls/abc/def')).toEqual({ kind: 'none' });
    expect(matchRoute('GET', '/api/calls/')).toEqual({ kind: 'none' });
  });

  it('decodes escaped path parameters, and matches no route with a broken escape instead of throwing', () => {
    expect(matchRoute('GET', '/api/calls/nab%C3%B3r')).toMatchObject({ params: { callId: 'nabór' } });
    expect(matchRoute('GET', '/api/calls/%E0%A4%A')).toEqual({ kind: 'none' });
    expect(matchRoute('PATCH', '/api/calls/%E0%A4%A')).toEqual({ kind: 'none' });
  });

  it('has one handler module name per route, in kebab case', () => {
    for (const route of ROUTES) expect(route.handler).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(new Set(ROUTES.map((route) => `${route.method} ${route.path}`)).size).toBe(ROUTES.length);
  });
});

describe('errors', () => {
  it('has a status and a message in both languages for every code', () => {
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_MESSAGES.pl[code]).toBeTruthy();
      expect(ERROR_MESSAGES.en[code]).toBeTruthy();
    }
    expect(Object.keys(FIELD_MESSAGES.en).sort()).toEqual(Object.keys(FIELD_MESSAGES.pl).sort());
  });

  it('reduces zod issues to stable field keys', () => {
    const schema = z.strictObject({ name: z.string(), age: z.number().check(z.minimum(0, 'too_small')) });
    const result = schema.safeParse({ age: -1, extra: 1 });

    expect(result.success).toBe(false);
    expect(issuesToFieldErrors(result.error?.issues ?? [])).toEqual({
      name: 'required',
      age: 'too_small',
      extra: 'unknown_field',
    });
  });
});

describe('configuration', () => {
  const valid = {
    TABLE_NAME: 't',
    MAIL_FROM: 'a@b.pl',
    SITE_URL: 'https://kooperacja.example',
    ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:origin-AbCdEf',
  };

  it('fills defaults and freezes the result', () => {
    const config = readConfig(valid);

    expect(config).toMatchObject({ STAGE: 'local', AWS_REGION: 'eu-central-1', TABLE_NAME: 't' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every missing or malformed setting', () => {
    expect(() => readConfig({ MAIL_FROM: 'not-an-address', SITE_URL: valid.SITE_URL })).toThrow(
      /Invalid configuration: TABLE_NAME: .*; MAIL_FROM: /,
    );
  });

  it('needs the origin secret: its ARN on AWS or its value locally, not both', () => {
    const { ORIGIN_SECRET_ARN: _, ...withoutSecret } = valid;
    expect(() => readConfig(withoutSecret)).toThrow(/ORIGIN_SECRET_ARN and ORIGIN_SECRET/);
    expect(() => readConfig({ ...valid, ORIGIN_SECRET: 'a'.repeat(32) })).toThrow(/exactly one/);
    expect(readConfig({ ...withoutSecret, ORIGIN_SECRET: 'a'.repeat(32) }).ORIGIN_SECRET).toBe(
      'a'.repeat(32),
    );
  });
});

describe('table design', () => {
  it('declares every key attribute once, with a TTL attribute', () => {
    expect(keyAttributeNames()).toEqual([
      'pk',
      'sk',
      'gsi1pk',
      'gsi1sk',
      'gsi2pk',
      'gsi2sk',
      'gsi3pk',
      'gsi3sk',
    ]);
    expect(TABLE_DESIGN.timeToLiveAttribute).toBe('expiresAt');
  });
});
