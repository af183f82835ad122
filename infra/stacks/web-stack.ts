import { CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ORIGIN_HEADER } from '../../functions/lib/origin.ts';
import { API_CSP } from '../../functions/lib/security-headers.ts';
import { SITE_SECURITY_HEADERS } from '../../web/security-headers.ts';
import { LogBucket } from '../constructs/log-bucket.ts';
import { SiteDeployment } from '../constructs/site-deployment.ts';

/**
 * The single-page app routes in the browser: a path without a file extension (/calls/42) is one of its
 * pages, so the viewer gets index.html. Only the default behaviour runs this, so /api/* is untouched.
 */
const SPA_ROUTING = `function handler(event) {
  var request = event.request;
  if (!/\\.[A-Za-z0-9]+$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

export interface CustomDomain {
  name: string;
  /** An ACM certificate for the name, in us-east-1 as CloudFront requires. */
  certificateArn: string;
}

export interface WebStackProps extends StackProps {
  httpApi: IHttpApi;
  /** The WAF web ACL (waf-stack.ts, in us-east-1) in front of the distribution. */
  webAclArn: string;
  /** The secret the API requires in the origin header, which only this distribution adds. */
  originSecret: ISecret;
  /**
   * Changed after the secret was rotated (README, Security): CloudFormation reads the secret into the
   * origin's header only when the distribution changes, and this puts the change in its comment.
   */
  originSecretRotation?: string;
  /** The built site (Vite's output), uploaded as it is. */
  siteDir: string;
  customDomain?: CustomDomain;
}

/** `permissions-policy` as CloudFront's custom headers spell them: `Permissions-Policy`. */
function headerCase(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());
}

/**
 * A response headers policy sending exactly `headers`. CloudFront takes the security headers as settings of
 * their own (it refuses them as custom headers), so their values are translated, and refused if they cannot be.
 */
function securityHeaders(
  scope: Construct,
  id: string,
  headers: Readonly<Record<string, string>>,
  override: boolean,
): ResponseHeadersPolicy {
  const {
    'content-security-policy': contentSecurityPolicy,
    'strict-transport-security': hsts,
    'x-content-type-options': contentTypeOptions,
    'x-frame-options': frameOption,
    'referrer-policy': referrerPolicy,
    ...custom
  } = headers;
  const unsupported = (name: string, value: string) => new Error(`${id}: cannot send ${name}: ${value}`);
  const hstsParts = hsts && /^max-age=(\d+)(; includeSubDomains)?(; preload)?$/.exec(hsts);
  if (hsts && !hstsParts) throw unsupported('strict-transport-security', hsts);
  if (contentTypeOptions && contentTypeOptions !== 'nosniff')
    throw unsupported('x-content-type-options', contentTypeOptions);
  const frameOptions = Object.values(HeadersFrameOption);
  if (frameOption && !frameOptions.includes(frameOption as HeadersFrameOption))
    throw unsupported('x-frame-options', frameOption);
  const referrerPolicies = Object.values(HeadersReferrerPolicy);
  if (referrerPolicy && !referrerPolicies.includes(referrerPolicy as HeadersReferrerPolicy))
    throw unsupported('referrer-policy', referrerPolicy);

  return new ResponseHeadersPolicy(scope, id, {
    securityHeadersBehavior: {
      ...(contentSecurityPolicy ? { contentSecurityPolicy: { contentSecurityPolicy, override } } : {}),
      ...(hstsParts
        ? {
            strictTransportSecurity: {
              accessControlMaxAge: Duration.seconds(Number(hstsParts[1])),
              includeSubdomains: hstsParts[2] !== undefined,
              preload: hstsParts[3] !== undefined,
              override,
            },
          }
        : {}),
      ...(contentTypeOptions ? { contentTypeOptions: { override } } : {}),
      ...(frameOption ? { frameOptions: { frameOption: frameOption as HeadersFrameOption, override } } : {}),
      ...(referrerPolicy
        ? { referrerPolicy: { referrerPolicy: referrerPolicy as HeadersReferrerPolicy, override } }
        : {}),
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(custom).map(([header, value]) => ({
        header: headerCase(header),
        value,
        override,
      })),
    },
  });
}

/** The site on CloudFront, with the API behind the same origin under /api/*, so no CORS is needed. */
export class WebStack extends Stack {
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const logs = new LogBucket(this, 'Logs', { retention: Duration.days(90), receivesCloudFrontLogs: true });
    const site = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site-bucket/',
    });

    // The origin secret as a dynamic reference: CloudFormation resolves it at deployment, so it is in
    // neither the template nor the cloud assembly.
    const apiOrigin = new HttpOrigin(`${props.httpApi.apiId}.execute-api.${this.region}.${this.urlSuffix}`, {
      customHeaders: { [ORIGIN_HEADER]: props.originSecret.secretValue.unsafeUnwrap() },
    });
    const { customDomain } = props;
    this.distribution = new Distribution(this, 'Distribution', {
      ...(props.originSecretRotation
        ? { comment: `origin secret rotation ${props.originSecretRotation}` }
        : {}),
      defaultRootObject: 'index.html',
      webAclId: props.webAclArn,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders(this, 'SiteHeaders', SITE_SECURITY_HEADERS, true),
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'SpaRouting', {
              code: FunctionCode.fromInline(SPA_ROUTING),
              runtime: FunctionRuntime.JS_2_0,
            }),
          },
        ],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          // A redirect would turn a POST into a GET, so plain HTTP is refused instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every viewer header but Host, every query string and every cookie: the coordinators' session
          // cookie must reach the API, and uncached (above) nothing of one user's answer is kept for another.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          // The functions send these headers themselves; this covers answers from API Gateway alone (429, 5xx).
          responseHeadersPolicy: securityHeaders(
            this,
            'ApiHeaders',
            { ...SITE_SECURITY_HEADERS, 'content-security-policy': API_CSP },
            false,
          ),
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(customDomain
        ? {
            domainNames: [customDomain.name],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', customDomain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Users are staff of Polish public bodies, who may also work from abroad; no law requires geo-blocking.',
    });
    if (!customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without a custom domain CloudFront's default *.cloudfront.net certificate is used, whose TLS policy cannot be set.",
      });
    }

    new SiteDeployment(this, 'SiteDeployment', {
      siteDir: props.siteDir,
      bucket: site,
      distribution: this.distribution,
    });

    new CfnOutput(this, 'SiteUrl', {
      value: `https://${customDomain?.name ?? this.distribution.distributionDomainName}`,
    });
  }
}
