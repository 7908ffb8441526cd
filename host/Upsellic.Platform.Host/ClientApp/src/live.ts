// The SignalR connection to /hubs/widget, opened only once a conversation exists. It reconnects on its own, forever,
// with growing pauses; after every (re)connect the panel resyncs from its last sequence, so nothing pushed while the
// connection was down is lost.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { VisitorCredentials } from './api';
import type { Conversation, Message, TypingEvent } from './contracts';

export interface LiveHandlers {
  messageAdded(message: Message): void;
  conversationUpdated(conversation: Conversation): void;
  typing(event: TypingEvent): void;
  connected(): void;
}

const RECONNECT_DELAYS_MS = [0, 2_000, 5_000, 10_000, 20_000, 30_000];

export class LiveConnection {
  private readonly connection: HubConnection;
  private stopped = false;
  private startAttempts = 0;

  constructor(apiBase: string, widgetKey: string, visitor: VisitorCredentials, private readonly handlers: LiveHandlers) {
    const query = new URLSearchParams({
      key: widgetKey,
      conversationId: visitor.conversationId,
      visitorToken: visitor.visitorToken,
    });
    this.connection = new HubConnectionBuilder()
      // No cookies: the store's origin is not ours, and the hub authorises by key + visitor token only.
      .withUrl(`${apiBase}/hubs/widget?${query}`, { withCredentials: false })
      .withAutomaticReconnect({
        nextRetryDelayInMilliseconds: ({ previousRetryCount }) =>
          RECONNECT_DELAYS_MS[Math.min(previousRetryCount, RECONNECT_DELAYS_MS.length - 1)],
      })
      // The store's console is the merchant's: only real errors go there.
      .configureLogging(LogLevel.Error)
      .build();
    this.connection.on('MessageAdded', (message: Message) => handlers.messageAdded(message));
    this.connection.on('ConversationUpdated', (conversation: Conversation) => handlers.conversationUpdated(conversation));
    this.connection.on('Typing', (event: TypingEvent) => handlers.typing(event));
    this.connection.onreconnected(() => void this.whenJoined().then(() => handlers.connected()));
    // Automatic reconnect never gives up, so a close here means the first connect failed or the server closed us.
    this.connection.onclose(() => this.retryLater());
  }

  start(): void {
    if (this.stopped || this.connection.state !== HubConnectionState.Disconnected) return;
    this.connection.start().then(() => this.whenJoined()).then(
      () => {
        this.startAttempts = 0;
        this.handlers.connected();
      },
      () => this.retryLater(),
    );
  }

  /**
   * The connection is ready at the handshake, a moment before the server has put it in the conversation's group:
   * a push sent in between would be missed. The hub answers Ready only after the join, so a resync started after it
   * covers everything.
   */
  private whenJoined(): Promise<void> {
    return this.connection.invoke('Ready').catch(() => undefined);
  }

  /** Tells the team the shopper is typing; a hint only, so a dropped one does not matter. */
  typing(): void {
    if (this.connection.state === HubConnectionState.Connected) this.connection.invoke('Typing').catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    void this.connection.stop();
  }

  private retryLater(): void {
    if (this.stopped) return;
    const delay = RECONNECT_DELAYS_MS[Math.min(++this.startAttempts, RECONNECT_DELAYS_MS.length - 1)];
    window.setTimeout(() => this.start(), delay);
  }
}
