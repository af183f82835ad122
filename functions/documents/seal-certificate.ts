import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type SealCertificate, selfSignedSealCertificate } from './seal.ts';

/**
 * Where the seal's certificate comes from. On AWS: a Secrets Manager secret (JSON `{ "p12": base64,
 * "passphrase": … }`), read through the AWS Parameters and Secrets Lambda extension on localhost:2773, so no
 * Secrets Manager client is bundled. On this machine: a self-signed one kept in .local/, made on first need
 * (written to a temporary file and renamed, so two processes starting at once keep one of theirs).
 */
interface SecretFile {
  p12: string;
  passphrase: string;
}

function fromJson(text: string): SealCertificate {
  const { p12, passphrase } = JSON.parse(text) as SecretFile;
  if (!p12 || typeof passphrase !== 'string') throw new Error('The seal secret must hold p12 and passphrase');
  return { p12: new Uint8Array(Buffer.from(p12, 'base64')), passphrase };
}

export function localSealCertificate(path: string): SealCertificate {
  try {
    return fromJson(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const made = selfSignedSealCertificate();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    JSON.stringify({ p12: Buffer.from(made.p12).toString('base64'), passphrase: made.passphrase }),
    { mode: 0o600 },
  );
  renameSync(temporary, path);
  return fromJson(readFileSync(path, 'utf8'));
}

export async function secretSealCertificate(secretArn: string): Promise<SealCertificate> {
  const response = await fetch(
    `http://localhost:2773/secretsmanager/get?secretId=${encodeURIComponent(secretArn)}`,
    { headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' } },
  );
  if (!response.ok) throw new Error(`The seal secret could not be read: HTTP ${response.status}`);
  const { SecretString } = (await response.json()) as { SecretString?: string };
  if (!SecretString) throw new Error('The seal secret is empty');
  return fromJson(SecretString);
}
