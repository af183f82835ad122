import type { TMilestone, TProgramme } from '../../shared/schemas/programme.ts';
import { GetCommand, QueryCommand, TransactWriteCommand } from './document.ts';
import type { Db } from './dynamo.ts';
import { keys } from './keys.ts';

type ProgrammeItem = Omit<TProgramme, 'milestones'>;

/** Writes a programme and its milestones in one transaction; fails if the programme exists. */
export async function createProgramme(db: Db, programme: TProgramme): Promise<void> {
  const { milestones, ...rest } = programme;
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
  const milestones = Items.filter((item) => String(item.sk).startsWith('MILESTONE#')).map(
    ({ number, name, startsOn, endsOn }) => ({ number, name, startsOn, endsOn }) as TMilestone,
  );
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
  const { id, name, description, leadWojewodztwo, wojewodztwa, startsOn, endsOn } = item as ProgrammeItem;
  return { id, name, description, leadWojewodztwo, wojewodztwa, startsOn, endsOn };
}
