/**
 * Key values of every item kind. Access patterns (see ARCHITECTURE.md) are served by these prefixes:
 * an entity's own partition holds its children (a programme's milestones), and the overloaded indexes
 * gsi1–gsi3 hold the lists.
 */
export const keys = {
  programme: (programmeId: string) => ({ pk: `PROGRAMME#${programmeId}`, sk: 'PROGRAMME' }),
  milestone: (programmeId: string, number: number) => ({
    pk: `PROGRAMME#${programmeId}`,
    sk: `MILESTONE#${String(number).padStart(2, '0')}`,
  }),
  /** gsi1: all programmes by name. */
  programmesList: (name: string) => ({ gsi1pk: 'PROGRAMMES', gsi1sk: name }),

  call: (callId: string) => ({ pk: `CALL#${callId}`, sk: 'CALL' }),
  /**
   * A call is listed under its programme (gsi1), under the public list of all calls (gsi2), and — through a
   * small item per voivodeship — under each of its voivodeships (gsi1), all sorted by closing instant so
   * "open now" is a range query on the sort key.
   */
  callByProgramme: (programmeId: string, closesAt: string, callId: string) => ({
    gsi1pk: `PROGRAMME#${programmeId}#CALLS`,
    gsi1sk: `${closesAt}#${callId}`,
  }),
  callPublicList: (closesAt: string, callId: string) => ({
    gsi2pk: 'CALLS',
    gsi2sk: `${closesAt}#${callId}`,
  }),
  callWojewodztwo: (callId: string, wojewodztwo: string) => ({
    pk: `CALL#${callId}`,
    sk: `WOJ#${wojewodztwo}`,
  }),
  callByWojewodztwo: (wojewodztwo: string, closesAt: string, callId: string) => ({
    gsi1pk: `WOJ#${wojewodztwo}#CALLS`,
    gsi1sk: `${closesAt}#${callId}`,
  }),

  user: (email: string) => ({ pk: `USER#${email.toLowerCase()}`, sk: 'USER' }),
  /** gsi1: all users by e-mail. */
  usersList: (email: string) => ({ gsi1pk: 'USERS', gsi1sk: email.toLowerCase() }),

  /** A key nothing is written to: reading it proves the table answers and the role may read. */
  healthProbe: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),
} as const;
