import { fileURLToPath } from 'node:url';

/** Git-ignored home of everything the local stack downloads or keeps (the DynamoDB Local jar, data). */
export const LOCAL_DIR = fileURLToPath(new URL('../../.local/', import.meta.url));
export const DYNAMODB_LOCAL_DIR = `${LOCAL_DIR}dynamodb-local/`;
export const DYNAMODB_DATA_DIR = `${LOCAL_DIR}dynamodb-data/`;
export const S3_DATA_DIR = `${LOCAL_DIR}s3-data/`;
/** The self-signed certificate that seals final agreements on this machine, made on first need. */
export const SEAL_P12_PATH = `${LOCAL_DIR}seal/kooperacja-seal.json`;
export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));
