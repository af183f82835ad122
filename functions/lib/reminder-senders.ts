/**
 * How many copies of the reminder sender run at once (send-reminders' record in routes.ts); each paces itself
 * to its share of REMINDER_SEND_RATE (wiring.ts). A module of its own: wiring.ts reading it from routes.ts
 * put the whole HANDLERS table (9.6 KB and growing with every route) into every function's bundle.
 */
export const REMINDER_SENDERS = 2;
