// Shapes shared by the loader and the chat bundle, and the wire shapes of API.md's "Shopper widget" section.

export type Position = 'bottom-right' | 'bottom-left';

/** GET /api/widget/settings: what the launcher needs before anything else is loaded. */
export interface WidgetSettings {
  assistantName: string;
  greeting: string;
  brandColor: string;
  position: Position;
  liveChatEnabled: boolean;
}

export type ConversationStatus = 'Assistant' | 'AwaitingAgent' | 'WithAgent' | 'Closed';
export type MessageRole = 'Shopper' | 'Assistant' | 'Agent' | 'System';

export interface Message {
  sequence: number;
  role: MessageRole;
  text: string;
  authorName?: string | null;
  createdAt?: string;
  /** Not promised by the contract; used for reconciliation when the server echoes it. */
  clientMessageId?: string | null;
}

export interface ContactChannel {
  kind: string;
  label: string;
  href: string;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  handoffCategory?: string | null;
  assignedAgentName?: string | null;
  contactChannels?: ContactChannel[] | null;
  messages?: Message[];
}

export interface StartedConversation {
  conversationId: string;
  visitorToken: string;
  greeting?: string | null;
}

export interface TypingEvent {
  role: MessageRole;
  name?: string | null;
}

/** What the loader hands to chat.js: the shadow root it owns, the launcher, and how to reflect the panel's state on it. */
export interface MountContext {
  apiBase: string;
  widgetKey: string;
  settings: WidgetSettings;
  /** The settings request was refused (unknown or rotated key, disabled store, origin not allowed). */
  unavailable: boolean;
  root: ShadowRoot;
  container: HTMLElement;
  launcher: HTMLButtonElement;
  setExpanded(open: boolean): void;
  setUnread(count: number): void;
}

export interface ChatController {
  /** Shows the panel; moveFocus (default true) puts the caret in the composer. */
  open(moveFocus?: boolean): void;
  close(): void;
  toggle(): void;
}
