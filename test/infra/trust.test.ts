import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_HEADER } from '../../functions/lib/origin.ts';
import { HANDLERS } from '../../functions/routes.ts';
import { resourcesOf, type Synthesized, synthesize } from './support.ts';

/** Trust and abuse in the templates: the closed direct path, the WAF, the throttles, the table's keys. */
describe('trust and abuse', () => {
  let synthesized: Synthesized;
  let api: Template;
  let web: Template;

  beforeAll(() => {
    synthesized = synthesize();
    api = Template.fromStack(synthesized.stacks.api);
    web = Template.fromStack(synthesized.stacks.web);
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

    const functions = resourcesOf(api, 'AWS::Lambda::Function');
    const httpFunctions = Object.entries(functions).filter(([id]) => !id.startsWith('SendPendingMail'));
    expect(httpFunctions).toHaveLength(Object.values(HANDLERS).filter((facts) => 'route' in facts).length);
    for (const [, fn] of httpFunctions) {
      expect(
        (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables.ORIGIN_SECRET_ARN,
      ).toEqual({ Ref: secretId });
    }
    const readers = Object.values(resourcesOf(api, 'AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('secretsmanager:'),
    );
    expect(readers).toHaveLength(httpFunctions.length);
    for (const policy of readers) {
      expect(policy.Properties.PolicyDocument).toMatchObject({
        Statement: expect.arrayContaining([
          { Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: { Ref: secretId } },
        ]),
      });
    }
    api.hasOutput('OriginSecretArn', { Value: { Ref: secretId } });
  });
});
