import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startS3Emulator, startSesEmulator } from '../../functions/local/emulators.ts';
import { freePort } from '../../functions/local/processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}

/** The real DynamoDB Local, SES emulator and S3-compatible server, on free ports, shared by every test file. */
export default async function setup(project: TestProject) {
  const [dynamodb, ses, s3] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port, persist: false, echo: false })),
    freePort().then((port) => startSesEmulator({ port, echo: false })),
    freePort().then((port) => startS3Emulator({ port, persist: false, echo: false })),
  ]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all([dynamodb.process.stop(), ses.process.stop(), s3.process.stop()]);
  };
}
