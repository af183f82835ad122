import type { DeliverablesTexts } from './deliverables-texts.ts';

export const en: DeliverablesTexts = {
  title: 'Documents from gminas',
  intro:
    'Deadlines by which each recipient uploads a document (PDF up to 10 MB) through the link in their reminder. Only those who have not uploaded it yet are reminded.',
  link: 'Documents uploaded by gminas',
  backToReminders: 'Back to reminders',
  none: 'No deadline in this voivodeship asks for a document. Add a deadline and name the document.',
  document: 'Document',
  dueAt: 'Deadline (Polish time)',
  count: (delivered: number, all: number) => `${delivered} of ${all} addresses uploaded`,
  party: 'Address',
  state: 'State',
  file: 'File and SHA-256',
  delivered: (when: string) => `uploaded ${when}`,
  waiting: 'not uploaded',
  download: (name: string) => `Download ${name}`,
  roles: { gmina: 'gmina', ops: 'OPS', pcpr: 'PCPR', coordinator: 'coordinator' },
  field: 'Document you ask for (optional)',
  fieldHint:
    'For example “KM I report”. Each recipient gets their own upload link (PDF up to 10 MB) in the reminder; who uploads gets no more reminders.',
  fieldErrors: {
    too_long: 'The document’s name may have at most 200 characters.',
    control_characters: 'The document’s name may not contain control characters.',
    _: 'Check the document’s name.',
  },
};
