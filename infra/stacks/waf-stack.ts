import { Stack, type StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';

/** Requests from one IP address in five minutes before the WAF blocks it, per family of routes. */
export const RATE_RULES = [
  // The handler allows a client 20 sign-in requests an hour; the WAF stops a flood before any function runs.
  { name: 'SignIn', limit: 20, method: 'POST', path: '^/api/admin/(sign-in|sessions)$' },
  // A card is sent once per gmina; retries and a municipal office's shared address leave room.
  { name: 'CardSending', limit: 100, method: 'POST', path: '^/api/calls/[^/]+/cards$' },
  { name: 'Drafts', limit: 100, method: undefined, path: '^/api/(calls/[^/]+/drafts|drafts/current)$' },
  // Each one e-mails a gmina's contact.
  { name: 'LinkEmails', limit: 20, method: 'POST', path: '^/api/calls/[^/]+/cards/[^/]+/link$' },
  // Everything from one address, site and API: a page load is a handful of requests.
  { name: 'Everything', limit: 1000, method: undefined, path: undefined },
] as const;

/** AWS managed rule groups, in order; rules counted rather than blocked, with why. */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  {
    name: 'AWSManagedRulesCommonRuleSet',
    countOnly: [
      // A card may be up to 100 KB (the functions refuse more, 413); this rule blocks bodies over 8 KB.
      'SizeRestrictions_BODY',
      // Clerks may type markup into a card's texts: it is stored and shown as text, never as HTML (and the
      // CSP allows no inline script), so blocking would only refuse an honest card.
      'CrossSiteScripting_BODY',
    ],
  },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

function scopeDown(rule: (typeof RATE_RULES)[number]): CfnWebACL.StatementProperty | undefined {
  const statements: CfnWebACL.StatementProperty[] = [];
  if (rule.path)
    statements.push({
      regexMatchStatement: {
        regexString: rule.path,
        fieldToMatch: { uriPath: {} },
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
  if (rule.method)
    statements.push({
      byteMatchStatement: {
        searchString: rule.method,
        positionalConstraint: 'EXACTLY',
        fieldToMatch: { method: {} },
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
  if (statements.length === 0) return undefined;
  return statements.length === 1 ? statements[0] : { andStatement: { statements } };
}

/**
 * The WAF web ACL in front of CloudFront. A CloudFront web ACL must live in us-east-1, so this stack does,
 * and the web stack takes its ARN through a cross-region reference (CDK writes it to SSM Parameter Store
 * in the web stack's region at deployment; synthesis needs no AWS access).
 */
export class WafStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const managed: CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((group, priority) => ({
      name: group.name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ...(group.countOnly.length > 0
            ? {
                ruleActionOverrides: group.countOnly.map((name) => ({
                  name,
                  actionToUse: { count: {} },
                })),
              }
            : {}),
        },
      },
      visibilityConfig: visibility(group.name),
    }));
    const rated: CfnWebACL.RuleProperty[] = RATE_RULES.map((rule, index) => {
      const statement = scopeDown(rule);
      return {
        name: `RatePerIp${rule.name}`,
        priority: MANAGED_RULE_GROUPS.length + index,
        action: { block: {} },
        statement: {
          rateBasedStatement: {
            limit: rule.limit,
            evaluationWindowSec: 300,
            aggregateKeyType: 'IP',
            ...(statement ? { scopeDownStatement: statement } : {}),
          },
        },
        visibilityConfig: visibility(`RatePerIp${rule.name}`),
      };
    });
    const acl = new CfnWebACL(this, 'WebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('Kooperacja'),
      rules: [...managed, ...rated],
    });
    this.webAclArn = acl.attrArn;
  }
}
