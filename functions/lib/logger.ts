import { Logger } from '@aws-lambda-powertools/logger';

/** One structured JSON logger per process; handlers add the request id to every line. */
export const logger = new Logger({ serviceName: 'kooperacja' });
