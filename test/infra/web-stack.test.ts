import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_HEADERS as API_SECURITY_HEADERS } from '../../functions/lib/http.ts';
import { DEV_STYLE_NONCE, localSecurityHeaders, SITE_SECURITY_HEADERS } from '../../web/security-headers.ts';
import { resourcesOf, synthesize } from './support.ts';

interface ViewerRequest {
  request: { uri: string };
}

interface PolicyConfig {
  SecurityHeadersConfig: {
    ContentSecurityPolicy?: { ContentSecurityPolicy: string; Override: boolean };
    StrictTransportSecurity?: {
      AccessControlMaxAgeSec: number;
      IncludeSubdomains: boolean;
      Preload: boolean;
      Override: boolean;
    };
    ContentTypeOptions?: { Override: boolean };
    FrameOptions?: { FrameOption: string; Override: boolean };
    ReferrerPolicy?: { ReferrerPolicy: string; Override: boolean };
  };
  CustomHeadersConfig?: { Items: { Header: string; Value: string; Override: boolean }[] };
}

/** The response headers policy of the distribution's default behaviour, or of its (one) /api/* behaviour. */
function responseHeadersPolicy(template: Template, behaviour: 'DefaultCacheBehavior' | 'CacheBehaviors') {
  const [distribution] = Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'));
  const config = distribution?.Properties.DistributionConfig as Record<string, unknown>;
  const [chosen] = [config[behaviour]].flat() as { ResponseHeadersPolicyId: { Ref: string } }[];
  const policies = resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy');
  return policies[chosen?.ResponseHeadersPolicyId.Ref ?? '']?.Properties
    .ResponseHeadersPolicyConfig as PolicyConfig;
}

/** The headers a policy makes CloudFront send, named and written as browsers receive them. */
function headersSentBy(policy: PolicyConfig): Record<string, string> {
  const {
    ContentSecurityPolicy,
    StrictTransportSecurity,
    ContentTypeOptions,
    FrameOptions,
    ReferrerPolicy,
    ...rest
  } = policy.SecurityHeadersConfig;
  expect(rest).toEqual({});
  const hsts = StrictTransportSecurity;
  return {
    ...(ContentSecurityPolicy
      ? { 'content-security-policy': ContentSecurityPolicy.ContentSecurityPolicy }
      : {}),
    ...(hsts
      ? {
          'strict-transport-security': [
            `max-age=${hsts.AccessControlMaxAgeSec}`,
            ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
            ...(hsts.Preload ? ['preload'] : []),
          ].join('; '),
        }
      : {}),
    ...(ContentTypeOptions ? { 'x-content-type-options': 'nosniff' } : {}),
    ...(FrameOptions ? { 'x-frame-options': FrameOptions.FrameOption } : {}),
    ...(ReferrerPolicy ? { 'referrer-policy': ReferrerPolicy.ReferrerPolicy } : {}),
    ...Object.fromEntries(
      (policy.CustomHeadersConfig?.Items ?? []).map((item) => [item.Header.toLowerCase(), item.Value]),
    ),
  };
}

/** Whether each header of the policy replaces one the origin sent, as a set: [true] means all do. */
function overrides(policy: PolicyConfig): boolean[] {
  const settings = [
    ...Object.values(policy.SecurityHeadersConfig),
    ...(policy.CustomHeadersConfig?.Items ?? []),
  ] as { Override: boolean }[];
  return [...new Set(settings.map((setting) => setting.Override))];
}

describe('web stack', () => {
  let template: Template;

  beforeAll(() => {
    template = Template.fromStack(synthesize().stacks.web);
  });

  it('serves a private bucket through CloudFront with Origin Access Control only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.anyValue(),
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'site-bucket/' }),
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: Match.arrayWith([
          Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] } }),
        ]),
      }),
    });
  });

  it('redirects to HTTPS, serves index.html at the root, uses price class 100 and logs', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        PriceClass: 'PriceClass_100',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('routes /api/* uncached, with every method and the viewer headers, to the HTTP API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
            OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
            ViewerProtocolPolicy: 'https-only',
            FunctionAssociations: Match.absent(),
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('\\.execute-api\\.')])] },
            CustomOriginConfig: Match.objectLike({ OriginProtocolPolicy: 'https-only' }),
          }),
        ]),
      }),
    });
  });

  it("forwards cookies to the API, so the coordinators' session reaches it, and caches no answer", () => {
    // AllViewerExceptHostHeader is AWS-managed, so its settings are not in the template; AWS defines it as
    // every viewer header except Host, all cookies and all query strings. Its id is what can be pinned.
    const allViewerExceptHost = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId;
    expect(allViewerExceptHost).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');

    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            OriginRequestPolicyId: allViewerExceptHost,
            CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
          }),
        ],
      }),
    });
    template.resourceCountIs('AWS::CloudFront::OriginRequestPolicy', 0);
  });

  it('sends with the site exactly the security headers of web/security-headers.ts, over any from the origin', () => {
    // Act
    const site = responseHeadersPolicy(template, 'DefaultCacheBehavior');

    // Assess
    expect(headersSentBy(site)).toEqual(SITE_SECURITY_HEADERS);
    expect(overrides(site)).toEqual([true]);
  });

  it("sends the API's own headers with answers from API Gateway alone, leaving the functions' in place", () => {
    // Act
    const api = responseHeadersPolicy(template, 'CacheBehaviors');

    // Assess
    expect(headersSentBy(api)).toEqual({
      ...SITE_SECURITY_HEADERS,
      'content-security-policy': API_SECURITY_HEADERS['content-security-policy'],
    });
    expect(overrides(api)).toEqual([false]);
  });

  it('keeps the site CSP strict: same origin only, no inline or eval, no framing, no base or form elsewhere', () => {
    // Prepare: the directives a weakening would touch, and what each may hold at most.
    const directives = new Map(
      (SITE_SECURITY_HEADERS['content-security-policy'] ?? '')
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    const atMost: Record<string, string[]> = {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': [],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    };

    // Assess: default-src and the directives that do not fall back to it are there; nothing allows more.
    for (const name of ['default-src', 'frame-ancestors', 'base-uri', 'form-action'])
      expect(directives.has(name), name).toBe(true);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      expect(Object.keys(atMost), `unexpected directive ${name}`).toContain(name);
      for (const value of values)
        expect([...(atMost[name as string] ?? []), "'none'"], `${name} ${value}`).toContain(value);
    }
    expect(SITE_SECURITY_HEADERS['strict-transport-security']).toBe(
      'max-age=63072000; includeSubDomains; preload',
    );
    expect(SITE_SECURITY_HEADERS['x-content-type-options']).toBe('nosniff');
    expect(SITE_SECURITY_HEADERS['x-frame-options']).toBe('DENY');
    expect(SITE_SECURITY_HEADERS['referrer-policy']).toBe('no-referrer');
    expect(SITE_SECURITY_HEADERS['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
  });

  it('sends the same headers from the Vite preview, without HSTS on localhost, and relaxes dev only for HMR', () => {
    // Act
    const { 'strict-transport-security': _hsts, ...withoutHsts } = SITE_SECURITY_HEADERS;
    const dev = localSecurityHeaders('dev');

    // Assess
    expect(localSecurityHeaders('preview')).toEqual(withoutHsts);
    expect({ ...dev, 'content-security-policy': withoutHsts['content-security-policy'] }).toEqual(
      withoutHsts,
    );
    expect(dev['content-security-policy']).toBe(
      (withoutHsts['content-security-policy'] ?? '')
        .replace("style-src 'self'", `style-src 'self' 'nonce-${DEV_STYLE_NONCE}'`)
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
    );
  });

  it('answers the single-page app routes with index.html and leaves files alone', () => {
    // Prepare
    const [edgeFunction] = Object.values(resourcesOf(template, 'AWS::CloudFront::Function'));
    const code = edgeFunction?.Properties.FunctionCode as string;
    const handler = new Function(`${code}; return handler;`)() as (
      event: ViewerRequest,
    ) => ViewerRequest['request'];
    const rewrite = (uri: string) => handler({ request: { uri } }).uri;

    // Act
    const rewritten = ['/', '/calls', '/calls/42', '/assets/index-3f2a.js', '/favicon.ico'].map(rewrite);

    // Assess
    expect(rewritten).toEqual([
      '/index.html',
      '/index.html',
      '/index.html',
      '/assets/index-3f2a.js',
      '/favicon.ico',
    ]);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })],
        }),
      }),
    });
  });

  it('uploads the site and invalidates the distribution', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: Match.anyValue() },
      DistributionId: { Ref: Match.anyValue() },
      DistributionPaths: ['/*'],
      Exclude: ['assets/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
  });

  it('lets browsers keep the content-hashed assets for a year, and never prunes them', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
  });

  it('serves a custom domain with its certificate and TLS 1.2 at least', () => {
    // Act
    const custom = Template.fromStack(
      synthesize({
        customDomain: {
          name: 'kooperacja.example.com',
          certificateArn:
            'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        },
      }).stacks.web,
    );

    // Assess
    custom.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['kooperacja.example.com'],
        ViewerCertificate: Match.objectLike({
          MinimumProtocolVersion: 'TLSv1.2_2021',
          SslSupportMethod: 'sni-only',
        }),
      }),
    });
  });
});
