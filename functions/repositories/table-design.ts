/**
 * The one table's key design, as plain data: the CDK data stack and the local stack (DynamoDB Local) both
 * build the table from this, so the two cannot drift. Why these keys serve every access pattern is told in
 * ARCHITECTURE.md; functions/repositories/keys.ts builds the key values.
 */
export interface IndexDesign {
  indexName: string;
  partitionKey: string;
  sortKey: string;
}

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes expired tokens, sessions, idempotency keys and rate-limit windows. */
  timeToLiveAttribute: 'expiresAt',
  /**
   * The table's stream carries every new outbox item to the mail sender (ARCHITECTURE.md, "Mail that is not
   * silently lost"). Keys only: no e-mail body or link token travels beyond the table.
   */
  streamViewType: 'KEYS_ONLY',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ] satisfies IndexDesign[],
} as const;

/** Every key attribute is a string, so definitions are derived rather than listed. */
export function keyAttributeNames(): string[] {
  return [
    TABLE_DESIGN.partitionKey,
    TABLE_DESIGN.sortKey,
    ...TABLE_DESIGN.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}
