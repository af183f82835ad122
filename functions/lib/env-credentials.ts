/**
 * Takes the place of @aws-sdk/credential-provider-node, the SDK's default credential chain, in the Lambda
 * bundles (infra/bundling.ts aliases it here). A Lambda function always finds its role's credentials in
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, the first place the chain looks. The rest
 * of the chain (SSO, ini files, processes, web identity, container and instance metadata, with their own STS
 * and SSO clients) would never run there, but would add about 100 KB to every bundle. A setup that hands
 * credentials over another way (a container credentials endpoint, as Lambda SnapStart does) needs the
 * matching provider here.
 */
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
