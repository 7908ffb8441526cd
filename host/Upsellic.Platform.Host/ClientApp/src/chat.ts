// chat.js: the chat panel, loaded by loader.js the first time the shopper opens the chat. It owns the conversation:
// lazy start, optimistic sending with idempotent retries, live updates over SignalR, and resync by sequence.
import { WidgetApi, WidgetApiError, type VisitorCredentials } from './api';
import type {
  ChatController, Conversation, ConversationStatus, Message, MountContext, TypingEvent,
} from './contracts';
import { ICON_CLOSE, ICON_SEND, append, el, icon, initials } from './dom';
import { LiveConnection } from './live';
import { newClientMessageId, safeChannelHref } from './safety';
import { readState, writeState } from './storage';
import { PANEL_CSS } from './styles';

const TOO_FAST = "You're sending messages too fast. We'll send it in a moment.";
const UNAVAILABLE = 'Chat is unavailable right now.';
const OFFLINE = 'Connection lost. Your message will be sent when you are back online.';
/** How long the "typing" dots wait for the AI's reply before giving up on it (the reply still shows when it comes). */
const REPLY_WAIT_MS = 45_000;
const TYPING_HINT_EVERY_MS = 2000;
/** A Typing event is a heartbeat from the other side: the indicator fades when none follows. */
const TYPING_FADE_MS = 5_000;
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 20_000];

interface Pending {
  clientMessageId: string;
  text: string;
  node: HTMLElement;
  status: HTMLElement;
}

const STATUS_LINE: Record<ConversationStatus, string> = {
  Assistant: 'AI assistant · replies instantly',
  AwaitingAgent: 'A team member will join shortly',
  WithAgent: 'Chatting with our team',
  Closed: 'Conversation ended',
};

export function mount(context: MountContext): ChatController {
  return new ChatPanel(context);
}

class ChatPanel implements ChatController {
  private readonly api: WidgetApi;
  private readonly messages = new Map<number, Message>();
  private readonly nodes = new Map<number, HTMLElement>();
  private pending: Pending[] = [];
  private visitor: VisitorCredentials | null = null;
  private lastSequence = 0;
  private status: ConversationStatus = 'Assistant';
  /** Until the first history load, arriving messages are old ones: they don't count as unread. */
  private historyLoaded = false;
  private isOpen = false;
  private unread = 0;
  private unavailable = false;
  private live: LiveConnection | null = null;
  /** Messages go out one after another, so a retry never lets a later message overtake an earlier one. */
  private sendQueue: Promise<void> = Promise.resolve();
  private wake: (() => void) | null = null;
  private awaitingReplyAfter: number | null = null;
  private replyTimer = 0;
  private remoteTyping: string | null = null;
  private remoteTypingTimer = 0;
  private lastTypingSent = 0;
  /** Conversation-state pushes received: a resync read started before the latest one may be older than it. */
  private statePushes = 0;
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;

  private readonly panel: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly log: HTMLElement;
  private readonly greeting: HTMLElement;
  private readonly typing: HTMLElement;
  private readonly typingLabel: HTMLElement;
  private readonly channels: HTMLElement;
  private readonly channelList: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly ended: HTMLElement;
  private readonly composer: HTMLFormElement;
  private readonly input: HTMLTextAreaElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly subtitle: HTMLElement;
  private readonly avatar: HTMLElement;

  constructor(private readonly context: MountContext) {
    const { settings } = context;
    this.api = new WidgetApi(context.apiBase, context.widgetKey);

    this.avatar = el('span', { class: 'up-avatar', 'aria-hidden': 'true' }, initials(settings.assistantName));
    this.subtitle = el('div', { class: 'up-sub' }, STATUS_LINE.Assistant);
    const closeButton = el('button', { type: 'button', class: 'up-icon-button', 'aria-label': 'Close chat' }, icon(ICON_CLOSE));
    const panelId = `up-panel-${Math.random().toString(36).slice(2)}`;

    this.greeting = this.renderBubble('Assistant', settings.greeting, settings.assistantName);
    this.greeting.hidden = !settings.greeting;
    this.log = el('div', { class: 'up-log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': 'Messages' }, this.greeting);
    this.typingLabel = el('span', {});
    this.typing = el('div', { class: 'up-typing', hidden: '' },
      el('span', { class: 'up-dots', 'aria-hidden': 'true' }, el('span'), el('span'), el('span')),
      this.typingLabel);
    this.channelList = el('div', { class: 'up-channel-list' });
    this.channels = el('div', { class: 'up-channels', hidden: '', 'data-testid': 'contact-channels' },
      el('p', {}, 'You can also reach us directly:'), this.channelList);
    this.scroller = el('div', { class: 'up-scroll' }, this.log, this.typing, this.channels);
    this.notice = el('p', { class: 'up-notice', role: 'alert', hidden: '' });

    const restart = el('button', { type: 'button', class: 'up-primary' }, 'Start a new conversation');
    this.ended = el('div', { class: 'up-ended', hidden: '' }, el('p', {}, 'This conversation has ended'), restart);

    this.input = el('textarea', {
      class: 'up-input', rows: '1', 'aria-label': 'Message', placeholder: 'Type your message…', maxlength: '4000',
      enterkeyhint: 'send',
    });
    this.sendButton = el('button', { type: 'submit', class: 'up-send', 'aria-label': 'Send' }, icon(ICON_SEND));
    this.composer = el('form', { class: 'up-composer' }, this.input, this.sendButton);

    this.panel = el('div', { class: 'up-panel', id: panelId, role: 'dialog', 'aria-label': `Chat with ${settings.assistantName}`, hidden: '' },
      el('div', { class: 'up-head' }, this.avatar,
        el('div', { class: 'up-head-text' }, el('div', { class: 'up-title' }, settings.assistantName), this.subtitle),
        closeButton),
      this.scroller, this.notice, this.ended, this.composer);

    context.root.appendChild(el('style', {}, PANEL_CSS));
    context.container.appendChild(this.panel);
    context.launcher.setAttribute('aria-controls', panelId);

    closeButton.addEventListener('click', () => this.close());
    restart.addEventListener('click', () => this.startOver());
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });
    this.composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // Enter sends, Shift+Enter is a new line; never while an IME is composing a character.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submit();
      }
    });
    this.input.addEventListener('input', () => {
      this.autosize();
      this.announceTyping();
    });
    window.addEventListener('online', () => {
      this.wake?.();
      void this.resync();
    });

    if (context.unavailable) this.setUnavailable();

    const stored = readState(context.widgetKey);
    if (stored.conversationId && stored.visitorToken) {
      this.visitor = { conversationId: stored.conversationId, visitorToken: stored.visitorToken };
      if (!this.unavailable) this.connect();
    }
  }

  open(moveFocus = true): void {
    this.isOpen = true;
    this.panel.hidden = false;
    this.context.container.setAttribute('data-open', 'true');
    this.context.setExpanded(true);
    this.setUnread(0);
    this.scrollToEnd();
    if (moveFocus) this.focusComposer();
  }

  close(): void {
    this.isOpen = false;
    this.panel.hidden = true;
    this.context.container.setAttribute('data-open', 'false');
    this.context.setExpanded(false);
    this.context.launcher.focus();
  }

  toggle(): void {
    if (this.isOpen) this.close();
    else this.open();
  }

  // ---- sending ----

  private submit(): void {
    const text = this.input.value.trim();
    if (!text || this.unavailable || this.status === 'Closed') return;
    this.input.value = '';
    this.autosize();
    const status = el('div', { class: 'up-msg-status' });
    const node = this.renderBubble('Shopper', text, null, status);
    node.dataset.state = 'sending';
    const item: Pending = { clientMessageId: newClientMessageId(), text, node, status };
    this.pending.push(item);
    this.log.appendChild(node);
    this.scrollToEnd();
    this.sendQueue = this.sendQueue.then(() => this.deliver(item));
  }

  /** Sends one message until the server has it, reusing its clientMessageId so a retry can never double it. */
  private async deliver(item: Pending): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      if (!this.pending.includes(item)) return;
      try {
        const visitor = await this.ensureConversation();
        const stored = await this.api.postMessage(visitor, item.clientMessageId, item.text);
        this.hideNotice();
        this.settle(item);
        this.merge(stored);
        if (this.status === 'Assistant') this.awaitReply(stored.sequence);
        return;
      } catch (error) {
        const failure = error instanceof WidgetApiError ? error : new WidgetApiError('network', String(error));
        switch (failure.kind) {
          case 'refused':
            this.setUnavailable();
            this.fail(item, 'Not sent');
            return;
          case 'invalid':
            this.fail(item, `Not sent: ${failure.message}`);
            return;
          case 'gone':
            // The stored conversation is no longer ours (expired, deleted): start a fresh one and send there.
            this.forgetConversation();
            continue;
          case 'rate':
            this.showNotice(TOO_FAST);
            item.status.textContent = 'Waiting…';
            await this.pause(failure.retryAfterMs ?? 5_000);
            continue;
          default:
            this.showNotice(navigator.onLine === false ? OFFLINE : 'Connection problem. Retrying…');
            item.status.textContent = 'Retrying…';
            await this.pause(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
        }
      }
    }
  }

  private async ensureConversation(): Promise<VisitorCredentials> {
    if (this.visitor) return this.visitor;
    const started = await this.api.startConversation();
    this.visitor = { conversationId: started.conversationId, visitorToken: started.visitorToken };
    this.lastSequence = 0;
    this.historyLoaded = true;
    writeState(this.context.widgetKey, { ...this.visitor, lastSequence: 0 });
    if (started.greeting) {
      this.greeting.hidden = false;
      this.fillBubble(this.greeting, started.greeting);
    }
    this.connect();
    return this.visitor;
  }

  /** Waits, but wakes early when the browser comes back online. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = window.setTimeout(done, ms);
      function done() {
        window.clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private settle(item: Pending): void {
    this.pending = this.pending.filter((p) => p !== item);
    item.node.remove();
  }

  private fail(item: Pending, reason: string): void {
    this.pending = this.pending.filter((p) => p !== item);
    item.node.dataset.state = 'failed';
    item.status.textContent = reason;
  }

  // ---- receiving ----

  /** Puts one stored message in its place by sequence; a sequence already shown is never shown twice. */
  private merge(message: Message): void {
    if (!message || typeof message.sequence !== 'number' || this.messages.has(message.sequence)) return;
    this.messages.set(message.sequence, message);
    if (message.role === 'Shopper') this.adoptPending(message);

    const node = message.role === 'System'
      ? el('div', { class: 'up-system', 'data-role': 'System' }, message.text ?? '')
      : this.renderBubble(message.role, message.text ?? '', message.authorName ?? null);
    node.dataset.sequence = String(message.sequence);
    this.nodes.set(message.sequence, node);
    this.log.insertBefore(node, this.nodeAfter(message.sequence));

    if (message.role === 'Assistant' && message.text === this.greeting.textContent) this.greeting.hidden = true;
    if (message.sequence > this.lastSequence) {
      this.lastSequence = message.sequence;
      writeState(this.context.widgetKey, { lastSequence: this.lastSequence });
    }
    if (message.role !== 'Shopper') {
      if (this.awaitingReplyAfter !== null && message.sequence > this.awaitingReplyAfter) this.stopAwaitingReply();
      if (message.role === 'Agent' || message.role === 'Assistant') this.clearRemoteTyping();
      if (!this.isOpen && this.historyLoaded) this.setUnread(this.unread + 1);
    }
    this.scrollToEnd();
  }

  /** The stored copy of a message shown optimistically (pushed before the POST answered) replaces the optimistic one. */
  private adoptPending(message: Message): void {
    const match = this.pending.find((p) => message.clientMessageId
      ? p.clientMessageId === message.clientMessageId
      : p.text === message.text.trim());
    if (match) {
      this.pending = this.pending.filter((p) => p !== match);
      match.node.remove();
    }
  }

  /** The first shown node that must come after this sequence: later stored messages, then optimistic ones. */
  private nodeAfter(sequence: number): Node | null {
    let best: number | null = null;
    for (const s of this.nodes.keys()) if (s > sequence && (best === null || s < best)) best = s;
    if (best !== null) return this.nodes.get(best) ?? null;
    return this.pending[0]?.node ?? null;
  }

  /** @param withState false for a read that may be older than a push already applied: its messages only. */
  private applyConversation(conversation: Conversation, withState = true): void {
    if (!conversation) return;
    for (const message of [...(conversation.messages ?? [])].sort((a, b) => a.sequence - b.sequence)) this.merge(message);
    if (!withState) return;
    if (conversation.status) this.setStatus(conversation.status, conversation.assignedAgentName ?? null);
    this.renderChannels(conversation.contactChannels ?? null);
  }

  private setStatus(status: ConversationStatus, agentName: string | null): void {
    this.status = status;
    this.subtitle.textContent = status === 'WithAgent' && agentName ? `${agentName} from the team` : STATUS_LINE[status] ?? '';
    this.avatar.textContent = initials(status === 'WithAgent' && agentName ? agentName : this.context.settings.assistantName);
    if (status !== 'Assistant') this.stopAwaitingReply();
    const closed = status === 'Closed';
    this.ended.hidden = !closed;
    this.composer.hidden = closed;
    if (closed) {
      this.clearRemoteTyping();
      this.live?.stop();
    }
  }

  private renderChannels(channels: Conversation['contactChannels']): void {
    this.channelList.replaceChildren();
    for (const channel of channels ?? []) {
      const href = safeChannelHref(channel?.href);
      if (!href) continue;
      this.channelList.appendChild(el('a', {
        class: 'up-channel', href, target: '_blank', rel: 'noopener noreferrer', 'data-kind': String(channel.kind ?? ''),
      }, String(channel.label || channel.kind || 'Contact us')));
    }
    this.channels.hidden = this.channelList.childElementCount === 0;
    if (!this.channels.hidden) this.scrollToEnd();
  }

  // ---- live connection and resync ----

  private connect(): void {
    if (!this.visitor || this.live) return;
    const visitor = this.visitor;
    this.live = new LiveConnection(this.context.apiBase, this.context.widgetKey, visitor, {
      messageAdded: (message) => this.merge(message),
      conversationUpdated: (conversation) => {
        this.statePushes++;
        this.applyConversation(conversation);
      },
      typing: (event) => this.onTyping(event),
      // After every (re)connect: whatever was pushed while we were away comes back through ?after=.
      connected: () => void this.resync(),
    });
    this.live.start();
    // Not waiting for the socket: the history shows even where WebSockets are blocked.
    void this.resync();
  }

  private resync(): Promise<void> {
    if (!this.visitor) return Promise.resolve();
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = (async () => {
      do {
        this.resyncAgain = false;
        const visitor = this.visitor;
        if (!visitor) break;
        try {
          const pushesBefore = this.statePushes;
          const conversation = await this.api.getConversation(visitor, this.lastSequence);
          if (this.visitor === visitor) {
            // A push that arrived meanwhile is at least as new as this read (the hub is live and keeps its order); the
            // read's status and channels would take the widget back (say, hide the channels the handoff just offered).
            this.applyConversation(conversation, this.statePushes === pushesBefore);
            this.historyLoaded = true;
          }
        } catch (error) {
          if (!(error instanceof WidgetApiError)) throw error;
          if (error.kind === 'gone') this.forgetConversation();
          else if (error.kind === 'refused') this.setUnavailable();
          // Network trouble: the live connection's reconnect (or the online event) brings us back here.
        }
      } while (this.resyncAgain);
    })().finally(() => {
      this.resyncing = null;
    });
    return this.resyncing;
  }

  // ---- typing indicator ----

  /** Only people see it (the AI needs no hint); at most one hint every two seconds. */
  private announceTyping(): void {
    if ((this.status !== 'AwaitingAgent' && this.status !== 'WithAgent') || Date.now() - this.lastTypingSent < TYPING_HINT_EVERY_MS) return;
    this.lastTypingSent = Date.now();
    this.live?.typing();
  }

  private awaitReply(afterSequence: number): void {
    this.awaitingReplyAfter = afterSequence;
    window.clearTimeout(this.replyTimer);
    this.replyTimer = window.setTimeout(() => this.stopAwaitingReply(), REPLY_WAIT_MS);
    this.renderTyping();
  }

  private stopAwaitingReply(): void {
    this.awaitingReplyAfter = null;
    window.clearTimeout(this.replyTimer);
    this.renderTyping();
  }

  private onTyping(event: TypingEvent): void {
    if (!event || event.role === 'Shopper') return;
    this.remoteTyping = event.name || (event.role === 'Assistant' ? this.context.settings.assistantName : 'Our team');
    window.clearTimeout(this.remoteTypingTimer);
    this.remoteTypingTimer = window.setTimeout(() => this.clearRemoteTyping(), TYPING_FADE_MS);
    this.renderTyping();
  }

  private clearRemoteTyping(): void {
    this.remoteTyping = null;
    window.clearTimeout(this.remoteTypingTimer);
    this.renderTyping();
  }

  private renderTyping(): void {
    const who = this.remoteTyping ?? (this.awaitingReplyAfter !== null ? this.context.settings.assistantName : null);
    this.typing.hidden = who === null;
    this.typingLabel.textContent = who === null ? '' : `${who} is typing…`;
    if (who !== null) this.scrollToEnd();
  }

  // ---- states ----

  private setUnavailable(): void {
    this.unavailable = true;
    this.showNotice(UNAVAILABLE);
    this.input.disabled = true;
    this.sendButton.disabled = true;
    this.stopAwaitingReply();
  }

  private showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
  }

  private hideNotice(): void {
    if (this.unavailable) return;
    this.notice.hidden = true;
    this.notice.textContent = '';
  }

  /** Drops the stored conversation so that the next message starts a new one. */
  private forgetConversation(): void {
    this.live?.stop();
    this.live = null;
    this.visitor = null;
    this.lastSequence = 0;
    writeState(this.context.widgetKey, { conversationId: undefined, visitorToken: undefined, lastSequence: undefined });
  }

  private startOver(): void {
    this.forgetConversation();
    for (const node of this.nodes.values()) node.remove();
    this.nodes.clear();
    this.messages.clear();
    this.renderChannels(null);
    this.greeting.hidden = !this.context.settings.greeting;
    this.fillBubble(this.greeting, this.context.settings.greeting);
    this.setStatus('Assistant', null);
    this.hideNotice();
    this.focusComposer();
  }

  private setUnread(count: number): void {
    this.unread = count;
    this.context.setUnread(count);
  }

  // ---- rendering helpers ----

  private renderBubble(role: Message['role'], text: string, authorName: string | null, status?: HTMLElement): HTMLElement {
    const bubble = el('div', { class: 'up-bubble' });
    const node = el('div', { class: 'up-msg', 'data-role': role });
    const body = el('div', { class: 'up-msg-body' });
    if (role === 'Agent') {
      append(node, el('span', { class: 'up-avatar', 'aria-hidden': 'true' }, initials(authorName)));
      append(body, el('span', { class: 'up-author' }, authorName || 'Team'));
    } else if (role === 'Assistant') {
      append(node, el('span', { class: 'up-avatar', 'aria-hidden': 'true' }, initials(this.context.settings.assistantName)));
    }
    append(body, bubble, status);
    append(node, body);
    this.fillBubble(node, text);
    return node;
  }

  /** Text only; in answers from the AI or an agent, http(s) addresses become links (text nodes, never markup). */
  private fillBubble(node: HTMLElement, text: string): void {
    const bubble = node.querySelector('.up-bubble') as HTMLElement;
    bubble.replaceChildren();
    if (node.dataset.role === 'Shopper') {
      bubble.textContent = text;
      return;
    }
    let last = 0;
    for (const match of text.matchAll(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g)) {
      const index = match.index ?? 0;
      append(bubble, text.slice(last, index));
      const href = safeChannelHref(match[0]);
      append(bubble, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, match[0]) : match[0]);
      last = index + match[0].length;
    }
    append(bubble, text.slice(last));
  }

  private autosize(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 3, 120)}px`;
  }

  private focusComposer(): void {
    requestAnimationFrame(() => {
      if (!this.composer.hidden && !this.input.disabled) this.input.focus();
      else this.panel.querySelector<HTMLElement>('.up-primary, .up-icon-button')?.focus();
    });
  }

  private scrollToEnd(): void {
    requestAnimationFrame(() => {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    });
  }
}
