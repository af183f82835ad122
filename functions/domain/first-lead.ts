import type { TProgramme } from '../../shared/schemas/programme.ts';
import { auditPut } from '../repositories/audit-log.ts';
import type { Db } from '../repositories/dynamo.ts';
import { createProgramme, programmeExists } from '../repositories/programmes.ts';
import { createAccount } from '../repositories/users.ts';

/**
 * The first lead account of a deployed stage (npm run create-lead), with the programme it leads if one is
 * given: the account names the programme's lead voivodeship, so it leads that programme (access.ts). Both
 * are logged as made by the deployer, whose AWS credentials wrote them.
 */
export async function createFirstLead(
  deps: { db: Db; now: () => Date },
  input: { email: string; name: string; wojewodztwo: string; programme?: TProgramme | undefined },
): Promise<{ programme: 'created' | 'exists' | 'none'; account: 'created' | 'exists' }> {
  const now = deps.now();
  const actor = 'create-lead (AWS)';
  let programme: 'created' | 'exists' | 'none' = 'none';
  if (input.programme) {
    if (await programmeExists(deps.db, input.programme.id)) programme = 'exists';
    else {
      await createProgramme(deps.db, input.programme, [
        auditPut(deps.db, {
          at: now,
          event: 'programme-created',
          actor,
          subject: input.programme.id,
          details: [
            `nazwa: ${input.programme.name}`,
            `województwa: ${input.programme.wojewodztwa.join(', ')}`,
          ],
          wojewodztwa: input.programme.wojewodztwa,
        }),
      ]);
      programme = 'created';
    }
  }
  const account = await createAccount(
    deps.db,
    { email: input.email, name: input.name, role: 'lead', wojewodztwa: [input.wojewodztwo] },
    now,
    [
      auditPut(deps.db, {
        at: now,
        event: 'account-created',
        actor,
        subject: input.email,
        details: ['rola: lider', `województwo: ${input.wojewodztwo}`],
        wojewodztwa: [input.wojewodztwo],
      }),
    ],
  );
  return { programme, account };
}
