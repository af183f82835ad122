import type { TDeliveriesResponse } from '../../../shared/schemas/deliverables.ts';
import { requestJson } from '../lib/api.ts';
import { reader } from '../lib/shape.ts';

/** Deadlines that ask for a document (shared/schemas/deliverables.ts): one voivodeship, checked by the API first. */
const readDeliveries = reader<TDeliveriesResponse>({
  deadlines: [
    {
      id: 'string',
      title: 'string',
      documentName: 'string',
      dueAt: 'string',
      parties: [
        {
          party: 'string',
          email: 'string',
          role: 'string',
          'delivered?': { at: 'string', filename: 'string', size: 'number', sha256: 'string' },
        },
      ],
    },
  ],
});

export function getDeliveries(wojewodztwo: string, signal?: AbortSignal) {
  return requestJson(
    `/api/admin/reminders/deliverables?${new URLSearchParams({ wojewodztwo })}`,
    readDeliveries,
    { signal },
  );
}

/** The download's address: a plain link, the session cookie goes with it. */
export function deliveryFileUrl(wojewodztwo: string, deadlineId: string, party: string): string {
  return `/api/admin/reminders/deliverables/${encodeURIComponent(deadlineId)}/${party}?${new URLSearchParams({ wojewodztwo })}`;
}
