// The Live Chat panel: queue and "mine" lists, the conversation view, pick up, composer, close, presence.
// State comes from the API; hub pushes are hints that trigger a refresh of what they touch, and every (re)connect
// reloads everything, so a lost push never loses a message. Every text is set with textContent, never as HTML.
import { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

type Status = 'Assistant' | 'AwaitingAgent' | 'WithAgent' | 'Closed';
interface Summary { id: string; status: Status; handoffCategory: string | null; summary: string | null; assignedAgentId: string | null; assignedAgentName: string | null; lastMessageAt: string; handedOffAt: string | null; channelsOffered: boolean; unread: number; }
interface Message { sequence: number; role: 'Shopper' | 'Assistant' | 'Agent' | 'System'; text: string; authorName: string | null; createdAt: string; }
interface Detail extends Summary { messages: Message[]; contactChannels: { kind: string; label: string }[] | null; shopper: { reference: string; pageUrl: string | null; startedAt: string }; }
interface Presence { userId: string; name: string; status: string; }

const root = document.querySelector<HTMLElement>('[data-live-chat]')!;
const me = root.dataset.userId!;
const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const conversations = new Map<string, Summary>();
let selected: Detail | null = null;

const categoryLabels: Record<string, string> = {
  ReturnOrComplaint: 'Return / complaint', OrderIssue: 'Order issue', EmotionalEscalation: 'Upset shopper', ComplexRequest: 'Complex request',
};

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, ...init });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: response.statusText }));
    throw new Error(problem.title ?? `Request failed (${response.status})`);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function waiting(since: string | null): string {
  if (!since) return '';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(since)) / 1000));
  return seconds < 60 ? `${seconds}s` : seconds < 3600 ? `${Math.floor(seconds / 60)}m` : `${Math.floor(seconds / 3600)}h`;
}

function renderLists(): void {
  const queue = $<HTMLUListElement>('[data-list=queue]');
  const mine = $<HTMLUListElement>('[data-list=mine]');
  queue.replaceChildren();
  mine.replaceChildren();
  const sorted = [...conversations.values()].sort((a, b) => Date.parse(a.handedOffAt ?? a.lastMessageAt) - Date.parse(b.handedOffAt ?? b.lastMessageAt));
  for (const c of sorted) {
    const item = el('li', `conversation-item${selected?.id === c.id ? ' selected' : ''}`);
    item.dataset.conversationId = c.id;
    item.tabIndex = 0;
    item.setAttribute('role', 'button');
    const head = el('div', 'item-head');
    head.append(el('span', 'badge badge-amber', categoryLabels[c.handoffCategory ?? ''] ?? 'Conversation'), el('span', 'muted', waiting(c.handedOffAt)));
    if (c.unread > 0) head.append(el('span', 'unread', String(c.unread)));
    item.append(head, el('p', 'item-summary', c.summary ?? ''));
    item.addEventListener('click', () => void select(c.id));
    item.addEventListener('keydown', (e) => { if (e.key === 'Enter') void select(c.id); });
    (c.status === 'WithAgent' && c.assignedAgentId === me ? mine : c.status === 'AwaitingAgent' ? queue : null)?.append(item);
  }
  $('[data-count=queue]').textContent = String(queue.children.length);
  $('[data-count=mine]').textContent = String(mine.children.length);
}

function renderDetail(): void {
  const view = $('[data-view]');
  if (!selected) { view.hidden = true; $('[data-empty]').hidden = false; return; }
  view.hidden = false;
  $('[data-empty]').hidden = true;
  $('[data-detail=category]').textContent = categoryLabels[selected.handoffCategory ?? ''] ?? '';
  $('[data-detail=summary]').textContent = selected.summary ?? '';
  $('[data-detail=shopper]').textContent = `Ref ${selected.shopper.reference} · started ${new Date(selected.shopper.startedAt).toLocaleString()}`;
  $('[data-detail=status]').textContent = selected.status === 'WithAgent' ? `With ${selected.assignedAgentName}` : selected.status === 'AwaitingAgent' ? 'Waiting for an agent' : selected.status;
  const history = $('[data-history]');
  history.replaceChildren(...selected.messages.map((m) => {
    const item = el('li', `message message-${m.role.toLowerCase()}`);
    item.dataset.sequence = String(m.sequence);
    item.append(el('span', 'message-author', m.role === 'Shopper' ? 'Shopper' : m.authorName ?? m.role), el('span', 'message-text', m.text));
    return item;
  }));
  history.scrollTop = history.scrollHeight;
  const mineNow = selected.status === 'WithAgent' && selected.assignedAgentId === me;
  $<HTMLButtonElement>('[data-action=claim]').hidden = selected.status !== 'AwaitingAgent';
  $<HTMLButtonElement>('[data-action=close]').hidden = selected.status === 'Closed';
  $<HTMLTextAreaElement>('[data-composer]').disabled = selected.status === 'Closed' || (selected.status === 'WithAgent' && !mineNow);
}

async function loadLists(): Promise<void> {
  const list = await api<Summary[]>('/api/live-chat/conversations');
  conversations.clear();
  for (const c of list) conversations.set(c.id, c);
  renderLists();
}

async function select(id: string): Promise<void> {
  if (selected?.id !== id) $('[data-shopper-typing]').hidden = true;
  selected = await api<Detail>(`/api/live-chat/conversations/${id}`);
  renderLists();
  renderDetail();
}

function notify(summary: Summary): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.15);
  } catch { /* no audio device: the list still shows it */ }
  if ('Notification' in window && Notification.permission === 'granted') {
    new Notification('A shopper needs a person', { body: summary.summary ?? categoryLabels[summary.handoffCategory ?? ''] ?? '' });
  }
}

async function send(): Promise<void> {
  const composer = $<HTMLTextAreaElement>('[data-composer]');
  const text = composer.value.trim();
  if (!selected || !text) return;
  composer.value = '';
  try {
    await api(`/api/live-chat/conversations/${selected.id}/messages`, { method: 'POST', body: JSON.stringify({ clientMessageId: crypto.randomUUID(), text }) });
    await select(selected.id);
  } catch (e) {
    composer.value = text;
    showError(e);
  }
}

function showError(e: unknown): void {
  const box = $('[data-error]');
  box.textContent = e instanceof Error ? e.message : String(e);
  box.hidden = false;
  setTimeout(() => { box.hidden = true; }, 5000);
}

const hub = new HubConnectionBuilder().withUrl('/hubs/live-chat').withAutomaticReconnect([0, 1000, 2000, 5000, 10000]).configureLogging(LogLevel.Warning).build();
hub.on('ConversationQueued', (summary: Summary) => { conversations.set(summary.id, summary); renderLists(); notify(summary); });
hub.on('ConversationUpdated', async (summary: Summary) => {
  if (summary.status === 'Closed') conversations.delete(summary.id); else conversations.set(summary.id, { ...summary, unread: conversations.get(summary.id)?.unread ?? 0 });
  renderLists();
  if (selected?.id === summary.id) await select(summary.id);
});
hub.on('MessageAdded', async ({ conversationId }: { conversationId: string }) => {
  if (selected?.id === conversationId) { $('[data-shopper-typing]').hidden = true; await select(conversationId); return; }
  const c = conversations.get(conversationId);
  if (c) { c.unread += 1; renderLists(); }
});
let shopperTypingTimer = 0;
hub.on('Typing', ({ conversationId }: { conversationId: string }) => {
  if (selected?.id !== conversationId) return;
  const hint = $('[data-shopper-typing]');
  hint.hidden = false;
  window.clearTimeout(shopperTypingTimer);
  // Hints come every two seconds while the shopper types; silence means they stopped.
  shopperTypingTimer = window.setTimeout(() => { hint.hidden = true; }, 4000);
});
hub.on('PresenceChanged', (people: Presence[]) => {
  const list = $('[data-presence]');
  list.replaceChildren(...people.map((p) => { const item = el('li', `presence presence-${p.status.toLowerCase()}`, p.name); item.title = p.status; return item; }));
});
// The hub answers only once the tab is in the team's group (just after the handshake): a resync started after the
// answer cannot miss a push sent in between.
const joined = (): Promise<unknown> => hub.invoke('Ping', 'joined').catch(() => undefined);
hub.onreconnected(() => void joined().then(resync));
hub.onreconnecting(() => { $('[data-connection]').textContent = 'Reconnecting…'; });

async function resync(): Promise<void> {
  $('[data-connection]').textContent = 'Online';
  await loadLists();
  if (selected) await select(selected.id);
}

$<HTMLButtonElement>('[data-action=claim]').addEventListener('click', async () => {
  if (!selected) return;
  try { await api(`/api/live-chat/conversations/${selected.id}/claim`, { method: 'POST' }); await select(selected.id); } catch (e) { showError(e); await loadLists(); }
});
$<HTMLButtonElement>('[data-action=close]').addEventListener('click', async () => {
  if (!selected || !confirm('End this conversation for the shopper?')) return;
  try { await api(`/api/live-chat/conversations/${selected.id}/close`, { method: 'POST' }); conversations.delete(selected.id); await select(selected.id); } catch (e) { showError(e); }
});
const composer = $<HTMLTextAreaElement>('[data-composer]');
let lastTyping = 0;
composer.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void send(); return; }
  if (selected && Date.now() - lastTyping > 2000 && hub.state === HubConnectionState.Connected) { lastTyping = Date.now(); void hub.invoke('Typing', selected.id); }
});
$<HTMLInputElement>('[data-action=away]').addEventListener('change', (e) => void hub.invoke('SetAway', (e.target as HTMLInputElement).checked));
$<HTMLButtonElement>('[data-action=notifications]').addEventListener('click', () => void Notification.requestPermission());

setInterval(() => { if (hub.state === HubConnectionState.Connected) void hub.invoke('Heartbeat'); }, 10_000);
setInterval(renderLists, 15_000);
void hub.start().then(joined).then(resync).catch(showError);
