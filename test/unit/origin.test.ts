import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../functions/lib/config.ts';
import { originSecrets, REFRESH_MS, resetOriginSecrets } from '../../functions/lib/origin.ts';

const settings = readConfig({
  TABLE_NAME: 't',
  MAIL_FROM: 'a@b.pl',
  SITE_URL: 'https://kooperacja.example',
  AWS_REGION: 'eu-central-1',
  ORIGIN_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:origin-AbCdEf',
});

/** A stand-in for Secrets Manager: the versions it holds by stage, and the requests it was sent. */
function secretsManager(versions: Record<string, string | undefined>) {
  const requests: {
    url: string;
    headers: Record<string, string>;
    body: { SecretId: string; VersionStage: string };
  }[] = [];
  const fetch = vi.fn(async (url: string, init: { headers: Record<string, string>; body: string }) => {
    const body = JSON.parse(init.body) as { SecretId: string; VersionStage: string };
    requests.push({ url, headers: init.headers, body });
    const value = versions[body.VersionStage];
    return value === undefined
      ? new Response(JSON.stringify({ __type: 'ResourceNotFoundException' }), { status: 400 })
      : new Response(JSON.stringify({ SecretString: value }));
  });
  vi.stubGlobal('fetch', fetch);
  return { requests, fetch };
}

describe('the origin secret on AWS', () => {
  afterEach(() => {
    resetOriginSecrets();
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('reads the current and previous versions with a signed GetSecretValue, once per five minutes', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const { requests } = secretsManager({ AWSCURRENT: 'new-value', AWSPREVIOUS: 'old-value' });

    expect(await originSecrets(settings, 1_000)).toEqual(['new-value', 'old-value']);
    expect(await originSecrets(settings, 1_000 + REFRESH_MS - 1)).toEqual(['new-value', 'old-value']);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.url).toBe('https://secretsmanager.eu-central-1.amazonaws.com/');
    expect(requests[0]?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(requests[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/secretsmanager\/aws4_request/,
    );
    expect(requests.map((request) => request.body.VersionStage).sort()).toEqual([
      'AWSCURRENT',
      'AWSPREVIOUS',
    ]);

    // After the refresh interval a rotation shows: the new value and the one before it.
    secretsManager({ AWSCURRENT: 'newer-value', AWSPREVIOUS: 'new-value' });
    expect(await originSecrets(settings, 1_000 + REFRESH_MS)).toEqual(['newer-value', 'new-value']);
  });

  it('accepts the current value alone before the first rotation, and fails closed when it cannot read', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    secretsManager({ AWSCURRENT: 'only-value' });
    expect(await originSecrets(settings, 0)).toEqual(['only-value']);

    resetOriginSecrets();
    secretsManager({});
    await expect(originSecrets(settings, 0)).rejects.toThrow(/AWSCURRENT/);
  });
});
