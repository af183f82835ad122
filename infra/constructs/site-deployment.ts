import { type CfnElement, DefaultStackSynthesizer, Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';

export interface SiteDeploymentProps {
  siteDir: string;
  bucket: Bucket;
  distribution: IDistribution;
}

/**
 * Uploads the built site and invalidates CloudFront's copy, using CDK's deployment function. Its role is
 * our own (logging to its own group, no AWS-managed policy); what CDK grants it is acknowledged here.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    // Vite names every file under assets/ by its content hash, so browsers may keep them for good; a slow
    // rural link then fetches only what a release changed. The rest (index.html, the icon) is revalidated.
    const assets = new BucketDeployment(this, 'Assets', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      // Old hashed files stay: a page loaded just before a release may still ask for them.
      prune: false,
      cacheControl: [
        CacheControl.setPublic(),
        CacheControl.maxAge(Duration.days(365)),
        CacheControl.immutable(),
      ],
      role,
      logGroup,
    });
    const pages = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(props.siteDir)],
      destinationBucket: props.bucket,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      role,
      logGroup,
    });
    // The pages name the new assets, so they go up after them.
    pages.node.addDependency(assets);

    // cdk-nag names a finding after the resource as the template has it: placeholders that stay in the
    // template (an account unknown at synthesis) appear as <AWS::AccountId>.
    const known = (value: string) => (Token.isUnresolved(value) ? undefined : value);
    const values: Record<string, string | undefined> = {
      Qualifier: stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER,
      'AWS::AccountId': known(stack.account),
      'AWS::Region': known(stack.region),
    };
    const assetBucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace(
      /\$\{([^}]+)\}/g,
      (_, name: string) => values[name] ?? `<${name}>`,
    );
    const partition = known(stack.partition) ?? '<AWS::Partition>';
    const siteBucket = `<${stack.resolve(stack.getLogicalId(props.bucket.node.defaultChild as CfnElement))}.Arn>`;
    const readsAssets =
      "reading the uploaded site from CDK's asset bucket and syncing it into the site bucket";
    const findings: Record<string, string> = {
      'Action::s3:GetBucket*': `CDK's grant for ${readsAssets}.`,
      'Action::s3:GetObject*': `CDK's grant for ${readsAssets}.`,
      'Action::s3:List*': `CDK's grant for ${readsAssets}.`,
      'Action::s3:Abort*': 'CDK grants it to abort unfinished multipart uploads into the site bucket.',
      'Action::s3:DeleteObject*':
        'Syncing deletes files no longer in the build (prune), in the site bucket only.',
      [`Resource::arn:${partition}:s3:::${assetBucket}/*`]:
        "The site's zip is one object among CDK's assets.",
      [`Resource::${siteBucket}/*`]: 'The deployment replaces every file of the site, so it needs all keys.',
      'Resource::*':
        'CDK grants CloudFront invalidation on all distributions; the function invalidates only ours.',
    };
    for (const [finding, reason] of Object.entries(findings)) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
    }

    // The function is a singleton CDK adds to the stack, outside this construct.
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        Validations.of(child).acknowledge({
          id: 'AwsSolutions-L1',
          reason:
            "CDK's deployment function (Python, with the AWS CLI layer) runs on the runtime CDK chooses.",
        });
      }
    }
  }
}
