// The shopper's conversation lives in the store's localStorage, one entry per widget key, so it survives page loads.
// Storage can be unavailable (blocked cookies, some private modes): then the widget still works for this page view.

export interface StoredState {
  conversationId?: string;
  visitorToken?: string;
  lastSequence?: number;
  /** The panel was open when the shopper left the page: reopen it (and load chat.js at once) on the next page. */
  open?: boolean;
}

const memory = new Map<string, string>();

const entryName = (widgetKey: string) => `upsellic.widget.${widgetKey}`;

export function readState(widgetKey: string): StoredState {
  let raw: string | null | undefined;
  try {
    raw = localStorage.getItem(entryName(widgetKey));
  } catch {
    raw = memory.get(entryName(widgetKey));
  }
  if (!raw) return {};
  try {
    const value = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as StoredState) : {};
  } catch {
    return {};
  }
}

export function writeState(widgetKey: string, patch: StoredState): StoredState {
  const next = { ...readState(widgetKey), ...patch };
  const raw = JSON.stringify(next);
  try {
    localStorage.setItem(entryName(widgetKey), raw);
  } catch {
    memory.set(entryName(widgetKey), raw);
  }
  return next;
}

export function hasConversation(state: StoredState): boolean {
  return typeof state.conversationId === 'string' && typeof state.visitorToken === 'string';
}
