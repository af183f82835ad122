import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './support.ts';

interface Acknowledgement {
  id: string;
  reason: string;
  path: string;
}

function acknowledgementsIn(app: App): Acknowledgement[] {
  return app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          id: id.replace(/^annotation::/i, ''),
          reason,
          path: construct.node.path,
        })),
      ),
  );
}

function findingsIn(app: App, checks: AwsSolutionsChecks) {
  return checks.validateScope(app).violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      rule: violation.ruleName,
      severity: violation.severity,
      path: resource.constructPath ?? '',
    })),
  );
}

/** The same checks, blind to acknowledgements (a private method of cdk-nag's NagPack, replaced). */
function checksIgnoringAcknowledgements(): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks();
  Object.defineProperty(checks, 'isAcknowledged', { value: () => false });
  return checks;
}

describe('cdk-nag AWS Solutions checks', () => {
  let synthesized: Synthesized;

  beforeAll(() => {
    // Synthesis itself fails on an unacknowledged error, as `cdk synth` does.
    synthesized = synthesize({}, { cloudFormationValidation: true });
  });

  it('report no error and no warning that is not acknowledged', () => {
    expect(findingsIn(synthesized.app, new AwsSolutionsChecks())).toEqual([]);
  });

  it('leave an empty validation report: no CDK warning, no CloudFormation validation finding', () => {
    // Act
    const report = JSON.parse(readFileSync(join(synthesized.app.outdir, 'validation-report.json'), 'utf8'));

    // Assess
    expect(report.pluginReports).toEqual([]);
    // A stack's annotations include those of its nested stacks (the api stack's handlers).
    for (const stack of Object.values(synthesized.stacks)) {
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
      expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    }
  });

  it('are acknowledged only with a reason of their own', () => {
    // Act
    const acknowledgements = acknowledgementsIn(synthesized.app);

    // Assess
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const { id, reason } of acknowledgements) {
      expect(id).toMatch(/^AwsSolutions-[A-Z]+\d+/);
      expect(reason.length, `${id}: "${reason}"`).toBeGreaterThan(20);
    }
  });

  it('are acknowledged only where they find something', () => {
    // Prepare
    const findings = findingsIn(synthesized.app, checksIgnoringAcknowledgements());

    // Act
    const stale = acknowledgementsIn(synthesized.app).filter(
      ({ id, path }) =>
        !findings.some((finding) => finding.rule === id && `${finding.path}/`.startsWith(`${path}/`)),
    );

    // Assess
    expect(stale).toEqual([]);
  });

  it('pass as well with a custom domain, where CloudFront enforces TLS 1.2', () => {
    // Prepare
    const { app } = synthesize({
      customDomain: {
        name: 'kooperacja.example.com',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      },
    });

    // Act
    const findings = findingsIn(app, new AwsSolutionsChecks());
    const tlsAcknowledged = acknowledgementsIn(app).some(({ id }) => id === 'AwsSolutions-CFR4');

    // Assess
    expect(findings).toEqual([]);
    expect(tlsAcknowledged).toBe(false);
  });
});
