import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack } from 'aws-cdk-lib';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  type AddToPrincipalPolicyResult,
  type IManagedPolicy,
  PolicyDocument,
  type PolicyStatement,
  Role,
  type RoleProps,
  ServicePrincipal,
} from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  LoggingFormat,
  type ParamsAndSecretsLayerVersion,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup, MetricFilter, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_BUNDLING as bundling } from '../bundling.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ApiFunctionProps {
  /** The module functions/handlers/<handler>.ts, exporting `handler`. */
  handler: string;
  table: ITableV2;
  /** The data stack's policy for what the handler does with the table; none if it never touches it. */
  tableAccess?: IManagedPolicy;
  /** Everything functions/lib/config.ts reads except TABLE_NAME, which comes from the table. */
  environment: Record<string, string>;
  logRetention: RetentionDays;
  /** Requests must answer quickly; scheduled work (the outbox sweeper) gets longer. */
  timeout?: Duration;
  /** The AWS Parameters and Secrets extension, for a function that reads a secret (the agreements' seal). */
  paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

/**
 * A role whose grants are written into the role itself (its Policies) rather than into a separate
 * AWS::IAM::Policy: the same inline policy, one resource fewer per function. The function, which depends on its
 * role, so also never runs before its grants are in place.
 */
class FunctionRole extends Role {
  private readonly inline: PolicyDocument;

  constructor(scope: Construct, id: string, props: RoleProps) {
    const grants = new PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { ...props.inlinePolicies, Grants: grants } });
    this.inline = grants;
  }

  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.inline.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

function topLevelStack(scope: Construct): Stack {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
}

/** One handler as a Lambda function: its own log group and role, bound to the table as far as it may use it. */
export class ApiFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  /**
   * Errors the function logged and handled itself, which its Errors metric never counts: a mail given up
   * after two days of refusals, a mail SES may or may not have sent, outbox bookkeeping that failed.
   */
  readonly loggedErrors: IMetric;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    this.loggedErrors = new MetricFilter(this, 'LoggedErrors', {
      logGroup: this.logGroup,
      // Powertools Logger (and the runtime, in the JSON log format) writes `"level": "ERROR"`.
      filterPattern: FilterPattern.stringValue('$.level', '=', 'ERROR'),
      // The stack's name holds the stage, so two stages in one account count apart. A nested stack's name is
      // known only at deployment (and would mean the alarm's own stack there): its top-level stack's is used.
      metricNamespace: `Kooperacja/${topLevelStack(this).stackName}`,
      metricName: `LoggedErrors-${props.handler}`,
      metricValue: '1',
    }).metric({ statistic: 'Sum', period: Duration.minutes(5) });

    // An own role instead of the AWS-managed basic execution policy: it may write to its log group only.
    const role = new FunctionRole(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(role);
    if (props.tableAccess) role.addManagedPolicy(props.tableAccess);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, 'functions', 'handlers', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      // CPU grows with memory, and cold starts are what users of a rarely used API feel.
      memorySize: 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: { ...props.environment, TABLE_NAME: props.table.tableName },
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      // The benchmark bundles with the same settings, so it measures what is deployed.
      bundling: {
        format: bundling.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
        target: bundling.target,
        mainFields: [...bundling.mainFields],
        minify: bundling.minify,
        sourceMap: bundling.sourcemap,
        externalModules: [...bundling.external],
        banner: bundling.banner.js,
        esbuildArgs: {
          '--legal-comments': bundling.legalComments,
          // As an argument: this CDK version does not pass its own `charset` setting on to esbuild.
          '--charset': bundling.charset,
          ...Object.fromEntries(
            Object.entries(bundling.alias).map(([module, replacement]) => [`--alias:${module}`, replacement]),
          ),
        },
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The same node that runs the CDK app (Node 24, which runs TypeScript files as they are).
          afterBundling: (inputDir, outputDir) => [
            `"${process.execPath}" "${join(inputDir, 'infra', 'finish-bundle.ts')}" "${outputDir}"`,
          ],
        },
      },
    });
  }
}
