import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/lib/origin.ts';
import { builtByApiStack, DEFAULT_THROTTLE, HANDLERS } from '../../functions/routes.ts';
import { MANAGED_RULE_GROUPS, RATE_RULES } from '../../infra/stacks/waf-stack.ts';
import {
  inApiStack,
  inlinePoliciesOf,
  type NestedTemplate,
  nestedTemplatesOf,
  resourcesOf,
  type Synthesized,
  synthesize,
} from './support.ts';

/** Trust and abuse in the templates: the closed direct path, the WAF, the throttles, the table's keys. */
describe('trust and abuse', () => {
  let synthesized: Synthesized;
  let api: Template;
  /** The api stack's nested stacks, which build the handlers. */
  let nested: NestedTemplate[];
  let web: Template;
  let waf: Template;

  beforeAll(() => {
    synthesized = synthesize();
    api = Template.fromStack(synthesized.stacks.api);
    nested = nestedTemplatesOf(synthesized.stacks.api);
    web = Template.fromStack(synthesized.stacks.web);
    waf = Template.fromStack(synthesized.stacks.waf);
  });

  it('closes the direct path: CloudFront adds the generated origin secret, every HTTP function may read it', () => {
    // Assess
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true },
    });
    const [secretId] = Object.keys(resourcesOf(api, 'AWS::SecretsManager::Secret'));
    const [distribution] = Object.values(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    const origins = (
      (distribution as NonNullable<typeof distribution>).Properties.DistributionConfig as {
        Origins: {
          CustomOriginConfig?: unknown;
          OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
        }[];
      }
    ).Origins;
    const apiOrigin = origins.find((origin) => origin.CustomOriginConfig);
    expect(apiOrigin?.OriginCustomHeaders).toHaveLength(1);
    expect(apiOrigin?.OriginCustomHeaders?.[0]?.HeaderName).toBe(ORIGIN_HEADER);
    // A dynamic reference, resolved by CloudFormation at deployment: the value is in no template.
    expect(JSON.stringify(apiOrigin?.OriginCustomHeaders?.[0]?.HeaderValue)).toMatch(
      /\{\{resolve:secretsmanager:.*:SecretString:::\}\}/,
    );

    // Each nested stack's functions and policies name the secret by a parameter the api stack sets to it.
    const inApi = (group: NestedTemplate, value: unknown) => inApiStack(group, value);
    // The scheduled ones the api stack builds take no HTTP request (their construct ids: PascalCase names).
    const scheduled = Object.entries(HANDLERS)
      .filter(([, facts]) => builtByApiStack(facts) && 'everyMinutes' in facts)
      .map(([handler]) =>
        handler.replace(/(^|-)(\w)/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
      );
    expect(scheduled).toContain('SendPendingMail');
    const httpFunctions = nested.flatMap((group) =>
      Object.entries(resourcesOf(group.template, 'AWS::Lambda::Function'))
        .filter(([id]) => !scheduled.some((name) => id.startsWith(name)))
        .map(([, fn]) => ({ group, fn })),
    );
    expect(httpFunctions).toHaveLength(Object.values(HANDLERS).filter((facts) => 'route' in facts).length);
    for (const { group, fn } of httpFunctions) {
      const { Variables } = fn.Properties.Environment as { Variables: Record<string, unknown> };
      expect(inApi(group, Variables.ORIGIN_SECRET_ARN)).toEqual({ Ref: secretId });
    }
    const readers = nested.flatMap((group) =>
      inlinePoliciesOf(group.template)
        .map(([, policy]) => policy)
        .filter((policy) => JSON.stringify(policy.PolicyDocument).includes('secretsmanager:'))
        .map((policy) => ({ group, policy })),
    );
    expect(readers).toHaveLength(httpFunctions.length);
    for (const { group, policy } of readers) {
      const { Statement } = policy.PolicyDocument as {
        Statement: { Action: unknown; Effect: string; Resource: unknown }[];
      };
      expect(
        Statement.map((statement) => ({ ...statement, Resource: inApi(group, statement.Resource) })),
      ).toEqual(
        expect.arrayContaining([
          { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: secretId } },
        ]),
      );
    }
    api.hasOutput('OriginSecretArn', { Value: { Ref: secretId } });
  });

  it('puts a WAF web ACL in us-east-1 in front of CloudFront: managed rule groups, then rates per IP', () => {
    expect(synthesized.stacks.waf.region).toBe('us-east-1');
    const [acl] = Object.values(resourcesOf(waf, 'AWS::WAFv2::WebACL'));
    const properties = acl?.Properties as {
      Scope: string;
      DefaultAction: unknown;
      Rules: { Name: string; Priority: number; Statement: Record<string, unknown>; Action?: unknown }[];
    };
    expect(properties.Scope).toBe('CLOUDFRONT');
    expect(properties.DefaultAction).toEqual({ Allow: {} });
    expect(properties.Rules.map((rule) => rule.Name)).toEqual([
      'AWSManagedRulesAmazonIpReputationList',
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'RatePerIpSignIn',
      'RatePerIpCardSending',
      'RatePerIpDrafts',
      'RatePerIpLinkEmails',
      'RatePerIpEverything',
    ]);
    expect(properties.Rules.map((rule) => rule.Priority)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const common = properties.Rules[1]?.Statement.ManagedRuleGroupStatement as {
      RuleActionOverrides: { Name: string; ActionToUse: unknown }[];
    };
    // Only these two are counted instead of blocked (cards are up to 100 KB; typed markup is shown as text).
    expect(common.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
      { Name: 'CrossSiteScripting_BODY', ActionToUse: { Count: {} } },
    ]);
    const rates = Object.fromEntries(
      properties.Rules.filter((rule) => rule.Name.startsWith('RatePerIp')).map((rule) => [
        rule.Name,
        { action: rule.Action, rate: rule.Statement.RateBasedStatement },
      ]),
    );
    expect(rates.RatePerIpSignIn).toEqual({
      action: { Block: {} },
      rate: {
        Limit: 20,
        EvaluationWindowSec: 300,
        AggregateKeyType: 'IP',
        ScopeDownStatement: {
          AndStatement: {
            Statements: [
              {
                RegexMatchStatement: {
                  RegexString: '^/api/admin/(sign-in|sessions)$',
                  FieldToMatch: { UriPath: {} },
                  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                },
              },
              {
                ByteMatchStatement: {
                  SearchString: 'POST',
                  PositionalConstraint: 'EXACTLY',
                  FieldToMatch: { Method: {} },
                  TextTransformations: [{ Priority: 0, Type: 'NONE' }],
                },
              },
            ],
          },
        },
      },
    });
    expect(rates.RatePerIpLinkEmails?.rate).toMatchObject({ Limit: 20 });
    expect(rates.RatePerIpCardSending?.rate).toMatchObject({ Limit: 100 });
    expect(rates.RatePerIpEverything?.rate).toEqual({
      Limit: 1000,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    expect(RATE_RULES).toHaveLength(5);
    expect(MANAGED_RULE_GROUPS).toHaveLength(3);
    // The regexes match the routes they name, and only those.
    const pattern = (name: string) => new RegExp(RATE_RULES.find((rule) => rule.name === name)?.path ?? '$^');
    expect(pattern('CardSending').test('/api/calls/liderzy-kooperacji-20/cards')).toBe(true);
    expect(pattern('CardSending').test('/api/calls/liderzy-kooperacji-20/cards/2001022/link')).toBe(false);
    expect(pattern('LinkEmails').test('/api/calls/liderzy-kooperacji-20/cards/2001022/link')).toBe(true);
    expect(pattern('Drafts').test('/api/drafts/current')).toBe(true);

    // The distribution uses it, through the cross-region reference, and cdk-nag's CFR2 needs no acknowledgement.
    const [distribution] = Object.values(resourcesOf(web, 'AWS::CloudFront::Distribution'));
    expect(
      JSON.stringify((distribution as NonNullable<typeof distribution>).Properties.DistributionConfig),
    ).toMatch(/"WebACLId":\{.*\}/);
    expect(JSON.stringify(web.toJSON())).not.toContain('AwsSolutions-CFR2');
  });

  it('throttles each route as its record says, not one stage-wide rate every client shares', () => {
    const [stage] = Object.values(api.findResources('AWS::ApiGatewayV2::Stage')) as {
      Properties: unknown;
      DependsOn?: string[];
    }[];
    const properties = stage?.Properties as {
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
      RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
    };
    expect(properties.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: DEFAULT_THROTTLE.rate,
      ThrottlingBurstLimit: DEFAULT_THROTTLE.burst,
    });
    const routes = Object.values(HANDLERS).flatMap((facts) => ('route' in facts ? [facts] : []));
    expect(Object.keys(properties.RouteSettings).sort()).toEqual(routes.map((facts) => facts.route).sort());
    for (const facts of routes) {
      const { rate, burst } = facts.throttle ?? DEFAULT_THROTTLE;
      expect(properties.RouteSettings[facts.route]).toEqual({
        ThrottlingRateLimit: rate,
        ThrottlingBurstLimit: burst,
      });
    }
    expect(properties.RouteSettings['POST /api/admin/sign-in']).toEqual({
      ThrottlingRateLimit: 2,
      ThrottlingBurstLimit: 5,
    });
    expect(properties.RouteSettings['POST /api/calls/{callId}/cards']).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
    // Route settings name routes by key, so the stage is deployed after every route: after each nested
    // stack that holds one, and the api stack holds none itself.
    const holders = nested.filter(
      ({ template }) => Object.keys(resourcesOf(template, 'AWS::ApiGatewayV2::Route')).length > 0,
    );
    expect(holders.map(({ group }) => group)).toEqual(expect.arrayContaining(['Recruitment', 'Review']));
    api.resourceCountIs('AWS::ApiGatewayV2::Route', 0);
    expect([stage?.DependsOn].flat()).toEqual(
      expect.arrayContaining(holders.map(({ logicalId }) => logicalId)),
    );
  });
});
