import {
  type AttributeValue,
  BatchGetItemCommand,
  type BatchGetItemCommandInput,
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
 * The table in plain JavaScript values, the way @aws-sdk/lib-dynamodb's document client offers it: the same
 * command names and shapes, only the ones the repositories use. Every function bundle carried that library
 * whole (its client, every command it wraps and their paginators, about 9 KB), for what is, here,
 * converting keys, items and expression values with @aws-sdk/util-dynamodb on the way in and out.
 */

/** An item, a key or a set of expression values, as plain values (strings, numbers, booleans, lists, maps). */
export type Doc = Record<string, NativeAttributeValue>;
type Attributes = Record<string, AttributeValue>;

// Undefined properties are left out, as the document client was configured to (removeUndefinedValues).
const toAttributes = (doc: Doc): Attributes => marshall(doc, { removeUndefinedValues: true });
const toDoc = (attributes: Attributes): Doc => unmarshall(attributes);
const maybe = <T, R>(value: T | undefined, convert: (value: T) => R): R | undefined =>
  value === undefined ? undefined : convert(value);

interface DocumentCommand<Output> {
  raw(): { input: object };
  output(raw: Record<string, unknown>): Output;
}

type Values = { ExpressionAttributeValues?: Doc };
type Replace<T, K extends keyof T, V> = Omit<T, K> & V;

type GetInput = Replace<GetItemCommandInput, 'Key', { Key: Doc }>;
type PutInput = Replace<PutItemCommandInput, 'Item' | 'ExpressionAttributeValues', { Item: Doc } & Values>;
type UpdateInput = Replace<
  UpdateItemCommandInput,
  'Key' | 'ExpressionAttributeValues',
  { Key: Doc } & Values
>;
type PageInput = Values & { ExclusiveStartKey?: Doc };
type QueryInput = Replace<QueryItemsInput, 'ExclusiveStartKey' | 'ExpressionAttributeValues', PageInput>;
type ScanInput = Replace<ScanItemsInput, 'ExclusiveStartKey' | 'ExpressionAttributeValues', PageInput>;
type TransactWriteInput = { TransactItems: TransactItem[]; ClientRequestToken?: string };

export class GetCommand implements DocumentCommand<{ Item?: Doc }> {
  readonly input: GetInput;
  constructor(input: GetInput) {
    this.input = input;
  }
  raw() {
    return new GetItemCommand({ ...this.input, Key: toAttributes(this.input.Key) });
  }
  output(raw: { Item?: Attributes }) {
    return { Item: maybe(raw.Item, toDoc) };
  }
}

export class PutCommand implements DocumentCommand<void> {
  readonly input: PutInput;
  constructor(input: PutInput) {
    this.input = input;
  }
  raw() {
    const { Item, ExpressionAttributeValues, ...rest } = this.input;
    return new PutItemCommand({
      ...rest,
      Item: toAttributes(Item),
      ExpressionAttributeValues: maybe(ExpressionAttributeValues, toAttributes),
    });
  }
  output() {}
}

export class UpdateCommand implements DocumentCommand<{ Attributes?: Doc }> {
  readonly input: UpdateInput;
  constructor(input: UpdateInput) {
    this.input = input;
  }
  raw() {
    const { Key, ExpressionAttributeValues, ...rest } = this.input;
    return new UpdateItemCommand({
      ...rest,
      Key: toAttributes(Key),
      ExpressionAttributeValues: maybe(ExpressionAttributeValues, toAttributes),
    });
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
export class QueryCommand implements DocumentCommand<Page> {
  readonly input: QueryInput;
  constructor(input: QueryInput) {
    this.input = input;
  }
  raw() {
    const { ExclusiveStartKey, ExpressionAttributeValues, ...rest } = this.input;
    return new QueryItemsCommand({
      ...rest,
      ExclusiveStartKey: maybe(ExclusiveStartKey, toAttributes),
      ExpressionAttributeValues: maybe(ExpressionAttributeValues, toAttributes),
    });
  }
  output = toPage;
}

export class ScanCommand implements DocumentCommand<Page> {
  readonly input: ScanInput;
  constructor(input: ScanInput) {
    this.input = input;
  }
  raw() {
    const { ExclusiveStartKey, ExpressionAttributeValues, ...rest } = this.input;
    return new ScanItemsCommand({
      ...rest,
      ExclusiveStartKey: maybe(ExclusiveStartKey, toAttributes),
      ExpressionAttributeValues: maybe(ExpressionAttributeValues, toAttributes),
    });
  }
  output = toPage;
}

type BatchGetInput = {
  RequestItems: Record<
    string,
    { Keys: Doc[]; ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> }
  >;
};

export class BatchGetCommand implements DocumentCommand<{ Responses?: Record<string, Doc[]> }> {
  readonly input: BatchGetInput;
  constructor(input: BatchGetInput) {
    this.input = input;
  }
  raw() {
    const RequestItems: BatchGetItemCommandInput['RequestItems'] = {};
    for (const [table, { Keys, ...rest }] of Object.entries(this.input.RequestItems)) {
      RequestItems[table] = { ...rest, Keys: Keys.map(toAttributes) };
    }
    return new BatchGetItemCommand({ RequestItems });
  }
  output(raw: { Responses?: Record<string, Attributes[]> }) {
    if (!raw.Responses) return {};
    return {
      Responses: Object.fromEntries(
        Object.entries(raw.Responses).map(([table, items]) => [table, items.map(toDoc)]),
      ),
    };
  }
}

/** One write of a transaction: the raw shapes, with keys, items and expression values as plain values. */
export type TransactItem = {
  Put?: Replace<
    NonNullable<TransactWriteItem['Put']>,
    'Item' | 'ExpressionAttributeValues',
    { Item: Doc } & Values
  >;
  Update?: Replace<
    NonNullable<TransactWriteItem['Update']>,
    'Key' | 'ExpressionAttributeValues',
    { Key: Doc } & Values
  >;
  Delete?: Replace<
    NonNullable<TransactWriteItem['Delete']>,
    'Key' | 'ExpressionAttributeValues',
    { Key: Doc } & Values
  >;
  ConditionCheck?: Replace<
    NonNullable<TransactWriteItem['ConditionCheck']>,
    'Key' | 'ExpressionAttributeValues',
    { Key: Doc } & Values
  >;
};

function toTransactWriteItem(item: TransactItem): TransactWriteItem {
  const values = (part: Values) => maybe(part.ExpressionAttributeValues, toAttributes);
  const keyed = <P extends { Key: Doc } & Values>(part: P | undefined) =>
    part && { ...part, Key: toAttributes(part.Key), ExpressionAttributeValues: values(part) };
  return {
    Put: item.Put && {
      ...item.Put,
      Item: toAttributes(item.Put.Item),
      ExpressionAttributeValues: values(item.Put),
    },
    Update: keyed(item.Update),
    Delete: keyed(item.Delete),
    ConditionCheck: keyed(item.ConditionCheck),
  };
}

export class TransactWriteCommand implements DocumentCommand<void> {
  readonly input: TransactWriteInput;
  constructor(input: TransactWriteInput) {
    this.input = input;
  }
  raw() {
    return new TransactWriteItemsCommand({
      ...this.input,
      TransactItems: this.input.TransactItems.map(toTransactWriteItem),
    });
  }
  output() {}
}

/** Sends document commands through one DynamoDB client. */
export class DocumentClient {
  readonly raw: DynamoDBClient;
  constructor(raw: DynamoDBClient) {
    this.raw = raw;
  }
  async send<Output>(
    command: DocumentCommand<Output>,
    options?: { abortSignal?: AbortSignal },
  ): Promise<Output> {
    // Each command class pairs its raw command with the conversion of that command's output.
    const output = await this.raw.send(command.raw() as GetItemCommand, options);
    return command.output(output as unknown as Record<string, unknown>);
  }
}
