import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, startSesEmulator } from '../../functions/local/emulators.ts';
import { freePort } from '../../functions/local/processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    sesEndpoint: string;
  }
}

/** The real DynamoDB Local and SES emulator, on free ports, shared by every integration test file. */
export default async function setup(project: TestProject) {
  const [dynamodb, ses] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port, persist: false, echo: false })),
    freePort().then((port) => startSesEmulator({ port, echo: false })),
  ]);
  project.provide('dynamodbEndpoint', dynamodb.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamodb.process.stop(), ses.process.stop()]);
  };
}
