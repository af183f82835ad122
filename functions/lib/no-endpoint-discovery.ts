/**
 * Takes the place of @aws-sdk/middleware-endpoint-discovery in the Lambda bundles (infra/bundling.ts
 * aliases it here). The DynamoDB client still resolves an endpoint-discovery configuration, building an
 * endpoint cache on an LRU library (about 9 KB of every bundle), but none of its commands has the
 * discovery middleware any more: nothing ever reads that cache. These are the three names the client
 * imports, doing what the originals do when discovery is not used.
 */
export const NODE_ENDPOINT_DISCOVERY_CONFIG_OPTIONS = {
  environmentVariableSelector: () => undefined,
  configFileSelector: () => undefined,
  default: undefined,
};

export const resolveEndpointDiscoveryConfig = <T extends object>(input: T): T => input;

export const getEndpointDiscoveryPlugin = () => ({ applyToStack: () => {} });
