import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
  DeleteItemCommand,
  type DeleteItemCommandInput,
  type DynamoDBClient,
  GetItemCommand,
  type GetItemCommandInput,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand as QueryItemsCommand,
  type QueryCommandInput as QueryItemsInput,
  ScanCommand as ScanItemsCommand,
  type ScanCommandInput as ScanItemsInput,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, type NativeAttributeValue, unmarshall } from '@aws-sdk/util-dynamodb';

/**
 * The table in plain JavaScript values, with @aws-sdk/lib-dynamodb's command names and shapes (only those
 * the repositories use), converted by @aws-sdk/util-dynamodb: that library would come whole into every bundle.
 */

/** An item, a key or a set of expression values, as plain values (strings, numbers, booleans, lists, maps). */
export type Doc = Record<string, NativeAttributeValue>;
type Attributes = Record<string, AttributeValue>;

// Undefined properties are left out (an optional field not given), not refused.
const toAttributes = (doc: Doc): Attributes => marshall(doc, { removeUndefinedValues: true });
const toDoc = (attributes: Attributes): Doc => unmarshall(attributes);
const maybe = <T, R>(value: T | undefined, convert: (value: T) => R): R | undefined =>
  value === undefined ? undefined : convert(value);

type Values = { ExpressionAttributeValues?: Doc };
type Replace<T, K extends PropertyKey, V> = Omit<T, K> & V;

type GetInput = Replace<GetItemCommandInput, 'Key', { Key: Doc }>;
type PutInput = Replace<PutItemCommandInput, 'Item' | 'ExpressionAttributeValues', { Item: Doc } & Values>;
type UpdateInput = Replace<
  UpdateItemCommandInput,
  'Key' | 'ExpressionAttributeValues',
  { Key: Doc } & Values
>;
type DeleteInput = Replace<
  DeleteItemCommandInput,
  'Key' | 'ExpressionAttributeValues',
  { Key: Doc } & Values
>;
type PageInput = Values & { ExclusiveStartKey?: Doc };
type QueryInput = Replace<QueryItemsInput, 'ExclusiveStartKey' | 'ExpressionAttributeValues', PageInput>;
type ScanInput = Replace<ScanItemsInput, 'ExclusiveStartKey' | 'ExpressionAttributeValues', PageInput>;
type KeyedPart<T extends { Key: unknown }> = Replace<
  T,
  'Key' | 'ExpressionAttributeValues',
  { Key: Doc } & Values
>;

/** One write of a transaction: the raw shapes, with keys, items and expression values as plain values. */
export type TransactItem = {
  Put?: Replace<
    NonNullable<TransactWriteItem['Put']>,
    'Item' | 'ExpressionAttributeValues',
    { Item: Doc } & Values
  >;
  Update?: KeyedPart<NonNullable<TransactWriteItem['Update']>>;
  Delete?: KeyedPart<NonNullable<TransactWriteItem['Delete']>>;
  ConditionCheck?: KeyedPart<NonNullable<TransactWriteItem['ConditionCheck']>>;
};
type TransactWriteInput = { TransactItems: TransactItem[]; ClientRequestToken?: string };
type BatchGetInput = {
  RequestItems: Record<
    string,
    { Keys: Doc[]; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }
  >;
};

/** The members of a request that hold plain values, converted to attribute values; the rest as they are. */
const VALUE_MEMBERS = ['Key', 'Item', 'ExpressionAttributeValues', 'ExclusiveStartKey'] as const;
function rawInput<Raw>(input: object): Raw {
  const raw: Record<string, unknown> = { ...input };
  for (const member of VALUE_MEMBERS) {
    if (raw[member] !== undefined) raw[member] = toAttributes(raw[member] as Doc);
  }
  return raw as Raw;
}

/** A command in plain values: its input, the raw command it stands for, and the conversion of its output. */
abstract class DocumentCommand<Input extends object, Output> {
  readonly input: Input;
  constructor(input: Input) {
    this.input = input;
  }
  abstract raw(): { input: object };
  abstract output(raw: Record<string, unknown>): Output;
}

export class GetCommand extends DocumentCommand<GetInput, { Item?: Doc }> {
  raw() {
    return new GetItemCommand(rawInput(this.input));
  }
  output(raw: { Item?: Attributes }) {
    return { Item: maybe(raw.Item, toDoc) };
  }
}

export class PutCommand extends DocumentCommand<PutInput, void> {
  raw() {
    return new PutItemCommand(rawInput(this.input));
  }
  output() {}
}

export class DeleteCommand extends DocumentCommand<DeleteInput, void> {
  raw() {
    return new DeleteItemCommand(rawInput(this.input));
  }
  output() {}
}

export class UpdateCommand extends DocumentCommand<UpdateInput, { Attributes?: Doc }> {
  raw() {
    return new UpdateItemCommand(rawInput(this.input));
  }
  output(raw: { Attributes?: Attributes }) {
    return { Attributes: maybe(raw.Attributes, toDoc) };
  }
}

type Page = { Items?: Doc[]; LastEvaluatedKey?: Doc };
const toPage = (raw: { Items?: Attributes[]; LastEvaluatedKey?: Attributes }): Page => ({
  Items: raw.Items?.map(toDoc),
  LastEvaluatedKey: maybe(raw.LastEvaluatedKey, toDoc),
});

export class QueryCommand extends DocumentCommand<QueryInput, Page> {
  raw() {
    return new QueryItemsCommand(rawInput(this.input));
  }
  output = toPage;
}

export class ScanCommand extends DocumentCommand<ScanInput, Page> {
  raw() {
    return new ScanItemsCommand(rawInput(this.input));
  }
  output = toPage;
}

export class BatchGetCommand extends DocumentCommand<
  BatchGetInput,
  { Responses?: Record<string, Doc[]>; UnprocessedKeys?: Record<string, { Keys: Doc[] }> }
> {
  raw() {
    const RequestItems: BatchGetItemCommandInput['RequestItems'] = {};
    for (const [table, { Keys, ...rest }] of Object.entries(this.input.RequestItems)) {
      RequestItems[table] = { ...rest, Keys: Keys.map(toAttributes) };
    }
    return new BatchGetItemCommand({ RequestItems });
  }
  output(raw: {
    Responses?: Record<string, Attributes[]>;
    UnprocessedKeys?: Record<string, { Keys?: Attributes[] }>;
  }) {
    // Keys DynamoDB did not get to (throttling, size) come back for the caller to ask again.
    const unprocessed = Object.entries(raw.UnprocessedKeys ?? {}).filter(([, { Keys }]) => Keys?.length);
    return {
      ...(raw.Responses
        ? {
            Responses: Object.fromEntries(
              Object.entries(raw.Responses).map(([table, items]) => [table, items.map(toDoc)]),
            ),
          }
        : {}),
      ...(unprocessed.length > 0
        ? {
            UnprocessedKeys: Object.fromEntries(
              unprocessed.map(([table, { Keys = [] }]) => [table, { Keys: Keys.map(toDoc) }]),
            ),
          }
        : {}),
    };
  }
}

export class TransactWriteCommand extends DocumentCommand<TransactWriteInput, void> {
  raw() {
    const TransactItems = this.input.TransactItems.map(
      (item): TransactWriteItem =>
        Object.fromEntries(
          Object.entries(item)
            .filter(([, part]) => part !== undefined)
            .map(([kind, part]) => [kind, rawInput(part as object)]),
        ),
    );
    return new TransactWriteItemsCommand({ ...this.input, TransactItems });
  }
  output() {}
}

interface Sendable<Output> {
  raw(): { input: object };
  output(raw: Record<string, unknown>): Output;
}

/** Sends document commands through one DynamoDB client. */
export class DocumentClient {
  readonly raw: DynamoDBClient;
  constructor(raw: DynamoDBClient) {
    this.raw = raw;
  }
  async send<Output>(command: Sendable<Output>, options?: { abortSignal?: AbortSignal }): Promise<Output> {
    // Each command class pairs its raw command with the conversion of that command's output.
    const output = await this.raw.send(command.raw() as GetItemCommand, options);
    return command.output(output as unknown as Record<string, unknown>);
  }
}
