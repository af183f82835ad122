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

  /** A call's ranking settings in one voivodeship (seats, reserve, quotas), beside the call's head. */
  rankingSettings: (callId: string, wojewodztwo: string) => ({
    pk: `CALL#${callId}`,
    sk: `RANKING#${wojewodztwo}`,
  }),
  /**
   * What a call's change still has to do after its transaction (issue 17): e-mail every draft's and card's
   * address, move the drafts' expiry. Written in the change's transaction; gone once done. gsi1 lists those
   * not done, oldest first, for the sweeper.
   */
  callJob: (callId: string, change: string) => ({ pk: `CALL#${callId}`, sk: `JOB#${change}` }),
  pendingCallJob: (createdAt: string, callId: string, change: string) => ({
    gsi1pk: 'CALL-JOBS',
    gsi1sk: `${createdAt}#${callId}#${change}`,
  }),
  /** One CSV export of a call's cards, kept for accountability; gsi1 lists a person's exports by time. */
  callExport: (callId: string, at: string, id: string) => ({
    pk: `CALL#${callId}`,
    sk: `EXPORT#${at}#${id}`,
  }),
  exportByActor: (email: string, at: string) => ({ gsi1pk: `ACTOR#${email.toLowerCase()}`, gsi1sk: at }),

  user: (email: string) => ({ pk: `USER#${email.toLowerCase()}`, sk: 'USER' }),
  /** gsi1: all users by e-mail. */
  usersList: (email: string) => ({ gsi1pk: 'USERS', gsi1sk: email.toLowerCase() }),

  /** One card per gmina per call: the key itself is the uniqueness rule (a conditional put). */
  card: (callId: string, teryt: string) => ({ pk: `CARD#${callId}#${teryt}`, sk: 'CARD' }),
  cardVersion: (callId: string, teryt: string, version: number) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `VERSION#${String(version).padStart(4, '0')}`,
  }),
  /**
   * A call's cards for coordinators, one partition per call and voivodeship (≤ 314 gminas), so thousands
   * sending at the deadline do not share one partition: gsi2 by sending time; the lists sort by name or
   * score in memory (≤ 314 rows), so no index by name is written.
   */
  cardBySendingTime: (callId: string, wojewodztwo: string, submittedAt: string, teryt: string) => ({
    gsi2pk: `CARDS#${callId}#${wojewodztwo}`,
    gsi2sk: `${submittedAt}#${teryt}`,
  }),
  /**
   * A card's review log, in its own partition so it is read with the card: append-only audit entries and
   * private notes, sorted by time (the random part keeps two entries of one millisecond apart).
   */
  cardAudit: (callId: string, teryt: string, at: string, id: string) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `AUDIT#${at}#${id}`,
  }),
  cardNote: (callId: string, teryt: string, at: string, id: string) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `NOTE#${at}#${id}`,
  }),
  /**
   * A card a coordinator voided (issue 13), kept in the partition the gmina's next card continues: its head
   * as it stood, the void's reason and the range of versions that were its own. Numbered by its first version.
   */
  cardVoided: (callId: string, teryt: string, firstVersion: number) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `CARD#VOIDED#${String(firstVersion).padStart(4, '0')}`,
  }),
  /** Sort-key prefixes of a card's partition, for reading one kind of its items. */
  cardItemPrefix: {
    audit: 'AUDIT#',
    note: 'NOTE#',
    read: 'READ#',
    version: 'VERSION#',
    voided: 'CARD#VOIDED#',
  },
  /** Who read a card's data: by card (its partition) and, through gsi1, by user. */
  cardRead: (callId: string, teryt: string, at: string, id: string) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `READ#${at}#${id}`,
  }),
  readByActor: (email: string, at: string) => ({ gsi1pk: `ACTOR#${email.toLowerCase()}`, gsi1sk: at }),
  /** A call's scoring rules, one item per version (per call, for all its voivodeships). */
  callRules: (callId: string, version: number) => ({
    pk: `CALL#${callId}`,
    sk: `RULES#${String(version).padStart(4, '0')}`,
  }),
  /** Changes of a call's rules, logged in the call's partition. */
  callRulesPrefix: 'RULES#',
  callAudit: (callId: string, at: string, id: string) => ({ pk: `CALL#${callId}`, sk: `AUDIT#${at}#${id}` }),
  /** A gmina invited to a call (issue 17), with the address its invitation went to. */
  callInvitation: (callId: string, teryt: string) => ({ pk: `CALL#${callId}`, sk: `INVITE#${teryt}` }),
  reference: (reference: string) => ({ pk: `REF#${reference}`, sk: 'REF' }),
  /** An e-mailed link's token, by the SHA-256 of the token (the token itself is never stored). */
  linkToken: (tokenSha256: string) => ({ pk: `TOKEN#${tokenSha256}`, sk: 'TOKEN' }),
  idempotency: (callId: string, key: string) => ({ pk: `IDEM#${callId}#${key}`, sk: 'IDEM' }),
  /** A first save of a draft: apart from the cards' keys, which a client chooses too. */
  draftIdempotency: (callId: string, key: string) => ({ pk: `IDEMDRAFT#${callId}#${key}`, sk: 'IDEM' }),
  draft: (draftId: string) => ({ pk: `DRAFT#${draftId}`, sk: 'DRAFT' }),
  /** A card's or draft's outgoing e-mails live in its own partition. */
  outboxMessage: (ownerPk: string, name: string) => ({ pk: ownerPk, sk: `MAIL#${name}` }),

  /**
   * A coordinator's e-mailed sign-in link, by the SHA-256 of its token; its e-mail waits in the outbox in
   * the same partition. Single use: consumed with a conditional update.
   */
  signInToken: (tokenSha256: string) => ({ pk: `SIGNIN#${tokenSha256}`, sk: 'SIGNIN' }),
  /** A signed-in session, by the SHA-256 of the cookie's value (the value itself is never stored). */
  session: (sessionSha256: string) => ({ pk: `SESSION#${sessionSha256}`, sk: 'SESSION' }),
  /** gsi2: a user's sessions by start time, to revoke them all (a lost laptop, a changed role). */
  sessionOfUser: (email: string, startedAt: string) => ({
    gsi2pk: `USER#${email.toLowerCase()}#SESSIONS`,
    gsi2sk: startedAt,
  }),

  /** Attempts of one kind by one address or client in one time window (TTL removes old windows). */
  rateWindow: (scope: string, subjectSha256: string, windowStart: number) => ({
    pk: `RATE#${scope}#${subjectSha256}`,
    sk: `WINDOW#${windowStart}`,
  }),

  /** gsi1: a call's drafts, to remind their contacts before the call closes (written since reminders). */
  draftOfCall: (callId: string, savedAt: string, draftId: string) => ({
    gsi1pk: `DRAFTS#${callId}`,
    gsi1sk: `${savedAt}#${draftId}`,
  }),

  /** A deadline reminded by e-mail: a call's closing, a milestone's start or end, or a coordinator's own. */
  deadline: (deadlineId: string) => ({ pk: `DEADLINE#${deadlineId}`, sk: 'DEADLINE' }),
  /**
   * One planned send of a deadline, in its partition, listed in gsi3 by the instant it goes out: the
   * planner's "sends due in (from, to]" is one key range of one month's partition (two across a month's end).
   */
  plannedSend: (deadlineId: string, offsetDays: number) => ({
    pk: `DEADLINE#${deadlineId}`,
    sk: `SEND#${String(offsetDays).padStart(3, '0')}`,
  }),
  plannedSendByTime: (sendAt: string, deadlineId: string, offsetDays: number) => ({
    gsi3pk: `REMINDERS#${sendAt.slice(0, 7)}`,
    gsi3sk: `${sendAt}#${deadlineId}#${offsetDays}`,
  }),
  /**
   * A deadline listed in each of its voivodeships by the instant it falls at (the panel's deadlines ahead);
   * an agreement's signing deadline is not (the agreement's screen shows it).
   */
  deadlineOfWojewodztwo: (wojewodztwo: string, dueAt: string, deadlineId: string) => ({
    pk: `DEADLINES#${wojewodztwo}`,
    sk: `${dueAt}#${deadlineId}`,
  }),
  /** A party's delivered document for a deadline that asks for one, in the deadline's partition. */
  delivery: (deadlineId: string, recipientSha256: string) => ({
    pk: `DEADLINE#${deadlineId}`,
    sk: `DELIVERY#${recipientSha256}`,
  }),
  /** The deadlines asking for a document in a voivodeship, by due instant (the panel's list). */
  deliverableOfWojewodztwo: (wojewodztwo: string, dueAt: string, deadlineId: string) => ({
    pk: `DELIVERABLES#${wojewodztwo}`,
    sk: `${dueAt}#${deadlineId}`,
  }),
  /** A party's upload link by its token's hash (one per e-mail that carried it). */
  uploadLink: (tokenSha256: string) => ({ pk: `UPLOADLINK#${tokenSha256}`, sk: 'UPLOADLINK' }),
  /**
   * An agreement's signing deadline, listed in gsi3 by the instant it passes: the planner tells the
   * coordinator of signatures still missing then (functions/domain/signing-overdue.ts).
   */
  signingOverdue: (deadlineId: string, dueAt: string) => ({
    pk: `DEADLINE#${deadlineId}`,
    sk: 'OVERDUE',
    gsi3pk: `SIGNING-OVERDUE#${dueAt.slice(0, 7)}`,
    gsi3sk: `${dueAt}#${deadlineId}`,
  }),
  /** The planner's last run: the start of the next run's window. */
  plannerState: () => ({ pk: 'PLANNER', sk: 'STATE' }),
  /** The claim of one e-mail: (deadline, offset, recipient), written once with a condition. */
  reminderSend: (deadlineId: string, offsetDays: number, recipientSha256: string) => ({
    pk: `SEND#${deadlineId}#${offsetDays}#${recipientSha256}`,
    sk: 'SEND',
  }),
  /** gsi1: the sent reminders of a voivodeship, newest last (the coordinators' log). */
  reminderSendOfWojewodztwo: (wojewodztwo: string, claimedAt: string, deadlineId: string) => ({
    gsi1pk: `SENT#${wojewodztwo}`,
    gsi1sk: `${claimedAt}#${deadlineId}`,
  }),
  /** gsi2: the reminders one address was sent. */
  reminderSendOfRecipient: (recipientSha256: string, claimedAt: string) => ({
    gsi2pk: `RECIPIENT#${recipientSha256}`,
    gsi2sk: claimedAt,
  }),
  /** SES's message id → the send it records, for delivery, bounce and complaint events. */
  sesMessage: (messageId: string) => ({ pk: `SESMSG#${messageId}`, sk: 'SESMSG' }),
  /** An address mail must not go to: bounced or complained (sk SUPPRESSION), or opted out (sk OPTOUT). */
  suppression: (email: string) => ({ pk: `SUPPRESSION#${email.toLowerCase()}`, sk: 'SUPPRESSION' }),
  optOut: (email: string) => ({ pk: `SUPPRESSION#${email.toLowerCase()}`, sk: 'OPTOUT' }),
  /**
   * The panel's audit log (sign-ins, sign-outs, account and programme changes, sessions revoked), one
   * partition per Warsaw month, in time order; append-only.
   */
  auditLog: (month: string, at: string, id: string) => ({ pk: `ADMINLOG#${month}`, sk: `${at}#${id}` }),

  /**
   * A gmina office's official addresses (the directory of issue 13), one item per gmina; gsi1 lists a
   * voivodeship's by TERYT code.
   */
  office: (teryt: string) => ({ pk: `OFFICE#${teryt}`, sk: 'OFFICE' }),
  officeByWojewodztwo: (teryt: string) => ({ gsi1pk: `OFFICES#${teryt.slice(0, 2)}`, gsi1sk: teryt }),

  /** A key nothing is written to: reading it proves the table answers and the role may read. */
  healthProbe: () => ({ pk: 'HEALTH', sk: 'HEALTH' }),

  /** A card's agreement (porozumienie) lives in the card's partition; gsi1 lists a call's agreements by voivodeship. */
  agreement: (callId: string, teryt: string) => ({ pk: `CARD#${callId}#${teryt}`, sk: 'AGREEMENT' }),
  agreementByCall: (callId: string, wojewodztwo: string, teryt: string) => ({
    gsi1pk: `AGREEMENTS#${callId}`,
    gsi1sk: `${wojewodztwo}#${teryt}`,
  }),
  /** An agreement's events in time order; the revision and `seq` keep those of one instant apart and in order. */
  agreementEvent: (callId: string, teryt: string, at: string, revision: number, seq: number) => ({
    pk: `CARD#${callId}#${teryt}`,
    sk: `AGREEMENT#EVENT#${at}#${String(revision).padStart(6, '0')}.${String(seq).padStart(2, '0')}`,
  }),
  agreementEventsPrefix: () => 'AGREEMENT#EVENT#',
  /** An agreement by its public id (for verification): points at the card's partition. */
  agreementId: (id: string) => ({ pk: `AGREEMENTID#${id}`, sk: 'AGREEMENTID' }),
  /** A signatory's e-mailed link, by the SHA-256 of its token. */
  signingStep: (tokenSha256: string) => ({ pk: `SIGNSTEP#${tokenSha256}`, sk: 'SIGNSTEP' }),
} as const;
