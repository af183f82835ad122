import type { TAdminUser } from '../../shared/schemas/admin.ts';
import type { AgreementKind, TAgreementView } from '../../shared/schemas/agreements.ts';
import { agreementHtml } from '../documents/agreement-html.ts';
import { AppError } from '../lib/errors.ts';
import {
  type AgreementEvent,
  type AgreementRecord,
  agreementKindSetting,
  getAgreement,
  listAgreementEvents,
  listAgreements,
} from '../repositories/agreements.ts';
import { getCall } from '../repositories/calls.ts';
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
): Promise<{ agreement: TAgreementView; events: AgreementEvent[]; html: string }> {
  requireCardOfGmina(user, path.teryt);
  const agreement = await readAgreement(deps, path);
  const events = await listAgreementEvents(deps.db, path.callId, path.teryt);
  // The text as the signatories' page shows it (the same HTML, every character escaped).
  return { agreement: agreementView(agreement, deps.now()), events, html: agreementHtml(agreement.text) };
}

/**
 * A call's agreements in one voivodeship, each party's status and whether it is overdue; and the number of
 * parties the call or its programme sets (`kind`), if either does: else the coordinator chooses it.
 */
export async function listCallAgreements(
  deps: Pick<AgreementDeps, 'db' | 'now'>,
  user: TAdminUser,
  input: { callId: string; wojewodztwo: string },
): Promise<{ agreements: TAgreementView[]; kind?: AgreementKind }> {
  requireVoivodeship(user, input.wojewodztwo);
  const [found, call] = await Promise.all([
    listAgreements(deps.db, input.callId, [input.wojewodztwo]),
    getCall(deps.db, input.callId),
  ]);
  const kind = call ? await agreementKindSetting(deps.db, call.id, call.programmeId) : undefined;
  const now = deps.now();
  return {
    agreements: found.map((agreement) => {
      const { text, ...view } = agreementView(agreement, now);
      return { ...view, text: '' };
    }),
    ...(kind ? { kind } : {}),
  };
}
