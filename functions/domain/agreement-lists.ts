import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { TAgreementView } from '../../shared/schemas/agreements.ts';
import { AppError } from '../lib/errors.ts';
import {
  type AgreementEvent,
  type AgreementRecord,
  getAgreement,
  listAgreementEvents,
  listAgreements,
} from '../repositories/agreements.ts';
import { requireCardOfGmina, requireVoivodeship } from './access.ts';
import type { AgreementDeps } from './agreement-flow.ts';
import { agreementView } from './agreement-state.ts';

/** What coordinators read of agreements (apart from agreements.ts, so reading bundles no pdf-lib). */

interface CardPath {
  callId: string;
  teryt: string;
}

export async function readAgreement(
  deps: Pick<AgreementDeps, 'db'>,
  path: CardPath,
): Promise<AgreementRecord> {
  const agreement = await getAgreement(deps.db, path.callId, path.teryt);
  if (!agreement) throw new AppError('NOT_FOUND');
  return agreement;
}

export async function getAgreementForCoordinator(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  user: TAdminUser,
  path: CardPath,
): Promise<{ agreement: TAgreementView; events: AgreementEvent[] }> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  const events = await listAgreementEvents(deps.db, path.callId, path.teryt);
  return { agreement: agreementView(agreement, deps.now()), events };
}

/** A call's agreements in one voivodeship, each party's status and whether it is overdue. */
export async function listCallAgreements(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string },
): Promise<{ agreements: TAgreementView[] }> {
  requireVoivodeship(user, input.wojewodztwo);
  const found = await listAgreements(deps.db, input.callId, [input.wojewodztwo]);
  const now = deps.now();
  return {
    agreements: found.map((agreement) => {
      const { text, ...view } = agreementView(agreement, now);
      return { ...view, text: '' };
    }),
  };
}
