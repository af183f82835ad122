import type { TMilestone, TProgramme } from '../../shared/schemas/programme.ts';
import { GetCommand, QueryCommand, type TransactItem, TransactWriteCommand } from './document.ts';
import { cancellationCodes, type Db } from './dynamo.ts';
import { keys } from './keys.ts';

type ProgrammeItem = Omit<TProgramme, 'milestones'>;

/** Writes a programme and its milestones in one transaction; fails if the programme exists. */
export async function createProgramme(
  db: Db,
  programme: TProgramme,
  alongside: TransactItem[] = [],
): Promise<void> {
  const { milestones, ...rest } = programme;
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        ...alongside,
        {
          Put: {
            TableName: db.tableName,
            Item: {
              ...keys.programme(rest.id),
              ...keys.programmesList(rest.name),
              type: 'programme',
              ...rest,
              revision: 1,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...milestones.map((milestone) => ({
          Put: {
            TableName: db.tableName,
            Item: { ...keys.milestone(rest.id, milestone.number), type: 'milestone', ...milestone },
          },
        })),
      ],
    }),
  );
}

/** A programme with its milestones in order: one Query on the programme's partition. */
export async function getProgramme(db: Db, programmeId: string): Promise<TProgramme | undefined> {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.programme(programmeId).pk },
    }),
  );
  const head = Items.find((item) => item.sk === 'PROGRAMME');
  if (!head) return undefined;
  const milestones = Items.filter(
    (item) => String(item.sk).startsWith('MILESTONE#') && item.removed !== true,
  ).map(({ number, name, startsOn, endsOn }) => ({ number, name, startsOn, endsOn }) as TMilestone);
  return { ...toProgramme(head), milestones };
}

/** Every programme, by name: one Query of gsi1 (programmes are a handful). */
export async function listProgrammes(db: Db): Promise<ProgrammeItem[]> {
  const programmes: ProgrammeItem[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.programmesList('').gsi1pk },
        ExclusiveStartKey,
      }),
    );
    programmes.push(...(page.Items ?? []).map(toProgramme));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return programmes;
}

export async function programmeExists(db: Db, programmeId: string): Promise<boolean> {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.tableName, Key: keys.programme(programmeId), ProjectionExpression: 'pk' }),
  );
  return Item !== undefined;
}

function toProgramme(item: Record<string, unknown>): ProgrammeItem {
  const { id, name, description, leadWojewodztwo, wojewodztwa, gminaKinds, startsOn, endsOn } =
    item as ProgrammeItem;
  const { retainUntil, cardLinkDays } = item as Partial<ProgrammeItem>;
  // A programme stored before it named its gmina kinds has none until the lead chooses them.
  return {
    id,
    name,
    description,
    leadWojewodztwo,
    wojewodztwa,
    gminaKinds: gminaKinds ?? [],
    startsOn,
    endsOn,
    ...(retainUntil === undefined ? {} : { retainUntil }),
    ...(cardLinkDays === undefined ? {} : { cardLinkDays }),
  };
}

/** A programme's revision (1 when created, +1 each change), for a change conditioned on what was read. */
export async function programmeRevision(db: Db, programmeId: string): Promise<number | undefined> {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.tableName,
      Key: keys.programme(programmeId),
      ProjectionExpression: 'revision, pk',
      ConsistentRead: true,
    }),
  );
  return Item ? Number(Item.revision ?? 0) : undefined;
}

/**
 * Replaces a programme and its milestones as read at `revision` ('changed' and nothing written if another
 * change came between), with the writes that go with it (audit entries). A milestone no longer listed is
 * kept as a tombstone (`removed`), since nothing here deletes.
 */
export async function replaceProgramme(
  db: Db,
  programme: TProgramme,
  revision: number,
  removedMilestones: readonly number[],
  alongside: TransactItem[],
): Promise<'updated' | 'changed'> {
  const { milestones, ...rest } = programme;
  try {
    await db.client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.programme(rest.id),
                ...keys.programmesList(rest.name),
                type: 'programme',
                ...rest,
                revision: revision + 1,
              },
              ConditionExpression:
                'attribute_exists(pk) AND (revision = :revision OR (attribute_not_exists(revision) AND :revision = :zero))',
              ExpressionAttributeValues: { ':revision': revision, ':zero': 0 },
            },
          },
          ...milestones.map((milestone) => ({
            Put: {
              TableName: db.tableName,
              Item: { ...keys.milestone(rest.id, milestone.number), type: 'milestone', ...milestone },
            },
          })),
          ...removedMilestones.map((number) => ({
            Put: {
              TableName: db.tableName,
              Item: { ...keys.milestone(rest.id, number), type: 'milestone', number, removed: true },
            },
          })),
          ...alongside,
        ],
      }),
    );
    return 'updated';
  } catch (error) {
    if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return 'changed';
    throw error;
  }
}
