import type { RuleSet } from '../../shared/review/scoring.ts';
import { type AuditEntry, withoutUndefined } from './card-review.ts';
import { QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';

/**
 * A call's scoring rules, one item per version (`pk=CALL#<id>`, `sk=RULES#0001…`). A version's content never
 * changes once written: a new one replaces an unused version (deleted) and follows a used one, which
 * stays, so every stored score can be explained by the rules it was given under.
 */
export interface StoredRules {
  rules: RuleSet;
  /** When the first card was scored with this version: from then on it is kept. */
  frozenAt?: string;
}

/** The latest stored version, if any (else the call uses its programme's default, version 1). */
export async function getLatestRules(db: Db, callId: string): Promise<StoredRules | undefined> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rules)',
      ExpressionAttributeValues: { ':pk': keys.call(callId).pk, ':rules': keys.callRulesPrefix },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const [item] = Items;
  if (!item) return undefined;
  const { version, criteria, tieBreak, frozenAt } = item as RuleSet & { frozenAt?: string };
  return { rules: { version, criteria, tieBreak }, ...(frozenAt ? { frozenAt } : {}) };
}

/**
 * For the transaction of a card's score: marks the version used (storing it first when it is the
 * programme's default) and checks that no later version came meanwhile, so a score is never stored under
 * rules already replaced.
 */
export function freezeRules(db: Db, callId: string, rules: RuleSet, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.callRules(callId, rules.version),
        UpdateExpression:
          'SET #type = :type, frozenAt = if_not_exists(frozenAt, :at), #version = :version, criteria = if_not_exists(criteria, :criteria), tieBreak = if_not_exists(tieBreak, :tieBreak), savedAt = if_not_exists(savedAt, :at)',
        ExpressionAttributeNames: { '#type': 'type', '#version': 'version' },
        ExpressionAttributeValues: {
          ':type': 'call-rules',
          ':at': at,
          ':version': rules.version,
          ':criteria': rules.criteria,
          ':tieBreak': rules.tieBreak,
        },
      },
    },
    {
      ConditionCheck: {
        TableName: db.tableName,
        Key: keys.callRules(callId, rules.version + 1),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/**
 * Stores the next version of a call's rules, logged in the call's partition. An unused previous version
 * (stored, not frozen) goes; a used one stays. 'stale' when another version came first, or a card was
 * scored with the one being replaced meanwhile (then the caller reads again and makes the next one).
 */
export async function saveRulesVersion(
  db: Db,
  input: {
    callId: string;
    rules: RuleSet;
    previous: { stored: boolean; frozen: boolean };
    audit: { entry: AuditEntry; id: string };
  },
): Promise<'saved' | 'stale'> {
  const { callId, rules, previous, audit } = input;
  const items: TransactItem[] = [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.callRules(callId, rules.version),
          type: 'call-rules',
          ...rules,
          savedAt: audit.entry.at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.callAudit(callId, audit.entry.at, audit.id),
          type: 'audit',
          ...withoutUndefined(audit.entry),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (previous.stored && !previous.frozen) {
    items.push({
      Delete: {
        TableName: db.tableName,
        Key: keys.callRules(callId, rules.version - 1),
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(frozenAt)',
      },
    });
  }
  try {
    await db.client.send(new TransactWriteCommand({ TransactItems: items }));
    return 'saved';
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict'))
      return 'stale';
    throw error;
  }
}
