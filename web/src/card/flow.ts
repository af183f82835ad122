import { useState } from 'preact/hooks';
import type { CardSection } from '../../../shared/schemas/card.ts';
import type { Receipt } from './api.ts';
import type { Answers, FieldErrors } from './model.ts';

/**
 * One filling-in of the card: the answers so far, the API's verdict on the last attempt to send, the
 * Idempotency-Key of an attempt that may not have arrived, and the receipt once it has. Kept in
 * sessionStorage, so a reload (or a browser that drops the page on an old laptop) loses nothing, while
 * closing the tab leaves nothing behind on a computer the office shares.
 */
export interface Flow {
  answers: Answers;
  serverErrors: Partial<Record<CardSection, FieldErrors>>;
  /**
   * The check page found answers the card's rules refuse: until a send gets past that, the check page and
   * the steps show those errors, worked out anew from the answers (so a fixed field stops showing one).
   */
  checked?: boolean | undefined;
  /** A sending attempt: its key is reused for exactly this body, whatever happened to the first request. */
  attempt?: { key: string; body: string } | undefined;
  receipt?: (Receipt & { changed: boolean }) | undefined;
  /** Save-and-return: the draft link's token (when the form was opened from it) and the e-mail used. */
  draftToken?: string | undefined;
  /** A first save whose answer may not have arrived: its key is reused for exactly this body. */
  draftAttempt?: { key: string; body: string } | undefined;
  draftEmail?: string | undefined;
  /** Changing a sent card: what its pages show about it, from the card's own page. */
  card?: { callTitle: string; gminaName: string; editableUntil: string } | undefined;
}

const EMPTY: Flow = { answers: {}, serverErrors: {} };

export function readFlow(key: string): Flow {
  try {
    const saved = sessionStorage.getItem(key);
    if (saved) return { ...EMPTY, ...(JSON.parse(saved) as Flow) };
  } catch {
    // Storage blocked or a damaged entry: start empty.
  }
  return EMPTY;
}

export function writeFlow(key: string, flow: Flow): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(flow));
  } catch {
    // Storage blocked or full: the answers stay in memory until the page is reloaded.
  }
}

export type FlowUpdate = (update: (flow: Flow) => Flow) => void;

/** The flow stored under `key`, and an updater that keeps the stored copy in step. */
export function useFlow(key: string): [Flow, FlowUpdate] {
  const [state, setState] = useState(() => ({ key, flow: readFlow(key) }));
  const flow = state.key === key ? state.flow : readFlow(key);
  const update: FlowUpdate = (change) =>
    setState((current) => {
      const next = change(current.key === key ? current.flow : readFlow(key));
      writeFlow(key, next);
      return { key, flow: next };
    });
  return [flow, update];
}

/**
 * The secret of an e-mailed link (/karta#t=…, …/zgloszenie#szkic=…). It travels in the fragment so it never
 * reaches a server log; once read it is removed from the address bar too (history, a shared screen), and
 * the caller keeps it in sessionStorage for this tab's session.
 */
function takeFragment(name: string): string | undefined {
  const token = new URLSearchParams(location.hash.slice(1)).get(name);
  if (!token) return undefined;
  history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

/** A link's token: from the address just opened, else the one kept for this tab under `key`. */
function linkToken(fragment: string, key: string): string | undefined {
  const fresh = takeFragment(fragment);
  try {
    if (fresh) sessionStorage.setItem(key, fresh);
    return fresh ?? sessionStorage.getItem(key) ?? undefined;
  } catch {
    return fresh;
  }
}

const CARD_TOKEN_KEY = 'kooperacja.karta.token';
const DRAFT_LINK_KEY = 'kooperacja.szkic.token';

/** The card link's token: from the address just opened, else the one this tab was opened with. */
export const cardToken = () => linkToken('t', CARD_TOKEN_KEY);

/**
 * A draft link's token until its answers are restored: the fragment is gone from the address at once, so
 * a reload after a failed restore (the link dropped) would otherwise open an empty form. Kept with the
 * call whose form the link opened, and used only there: another call's form in the same tab starts anew.
 */
export function draftLinkToken(callId: string): string | undefined {
  const fresh = takeFragment('szkic');
  try {
    if (fresh) sessionStorage.setItem(DRAFT_LINK_KEY, JSON.stringify({ callId, token: fresh }));
    const kept = JSON.parse(sessionStorage.getItem(DRAFT_LINK_KEY) ?? 'null') as {
      callId?: string;
      token?: string;
    } | null;
    return fresh ?? (kept?.callId === callId ? kept.token : undefined);
  } catch {
    return fresh;
  }
}

export function forgetDraftLinkToken(): void {
  try {
    sessionStorage.removeItem(DRAFT_LINK_KEY);
  } catch {
    // Storage blocked: nothing was kept.
  }
}

/** A fresh Idempotency-Key (crypto.randomUUID: Chrome 92+, on https and localhost). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
