/**
 * The one table's key design, as plain data: the CDK data stack and the local stack (DynamoDB Local) both
 * build the table from this, so the two cannot drift. Why these keys serve every access pattern is told in
 * ARCHITECTURE.md; functions/repositories/keys.ts builds the key values.
 */
export interface IndexDesign {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  /** The non-key attributes it carries (INCLUDE); without, every attribute (ALL). */
  projection?: readonly string[];
}

/**
 * What the review lists read of a card (the list, the ranking, the lead's dashboard): the slim index
 * `gsi2list` carries only these, so reading a voivodeship's ≤ 314 cards reads ≈ 200 B each instead of the
 * whole card with its answers and score (the CSV export, which needs the score, still reads gsi2).
 */
export const CARD_LIST_ATTRIBUTES = [
  'teryt',
  'gminaName',
  'powiatCode',
  'status',
  'version',
  'firstVersion',
  'reference',
  'submittedAt',
  'reviewStatus',
  'scoreTotal',
  'scoreComplete',
  'channel',
] as const;

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
    // gsi2's keys again (no item writes anything new), projected to what the review lists read.
    { indexName: 'gsi2list', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: CARD_LIST_ATTRIBUTES },
  ] satisfies IndexDesign[] as readonly IndexDesign[],
} as const;

/** Every key attribute is a string, so definitions are derived rather than listed. */
export function keyAttributeNames(): string[] {
  return [
    ...new Set([
      TABLE_DESIGN.partitionKey,
      TABLE_DESIGN.sortKey,
      ...TABLE_DESIGN.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ]),
  ];
}
