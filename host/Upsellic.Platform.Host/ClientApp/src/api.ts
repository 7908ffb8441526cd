// The widget API of API.md ("Shopper widget"). Every failure is sorted into what the shopper should be told.
import type { Conversation, Message, StartedConversation } from './contracts';

export type FailureKind =
  | 'network'   // no answer at all (offline, host restarting): retry the same request
  | 'server'    // 5xx: retry the same request
  | 'rate'      // 429: too fast, retry later
  | 'refused'   // 401/403: key, origin or visitor token refused: chat unavailable
  | 'gone'      // 404: the conversation no longer exists for this visitor
  | 'invalid';  // other 4xx: the server explains (ProblemDetails)

export class WidgetApiError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

export interface VisitorCredentials {
  conversationId: string;
  visitorToken: string;
}

export class WidgetApi {
  constructor(
    private readonly apiBase: string,
    private readonly widgetKey: string,
  ) {}

  startConversation(): Promise<StartedConversation> {
    return this.request<StartedConversation>('POST', '/api/widget/conversations', undefined, {});
  }

  postMessage(visitor: VisitorCredentials, clientMessageId: string, text: string): Promise<Message> {
    return this.request<Message>(
      'POST',
      `/api/widget/conversations/${encodeURIComponent(visitor.conversationId)}/messages`,
      visitor,
      { clientMessageId, text },
    );
  }

  getConversation(visitor: VisitorCredentials, after: number): Promise<Conversation> {
    return this.request<Conversation>(
      'GET',
      `/api/widget/conversations/${encodeURIComponent(visitor.conversationId)}?after=${after}`,
      visitor,
    );
  }

  private async request<T>(method: string, path: string, visitor?: VisitorCredentials, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'X-Widget-Key': this.widgetKey, Accept: 'application/json' };
    if (visitor) headers['X-Visitor-Token'] = visitor.visitorToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.apiBase + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        // The store's cookies are none of our business, and a wildcard CORS answer forbids them anyway.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch {
      throw new WidgetApiError('network', 'The chat could not reach the server.');
    }
    if (response.ok) return (await response.json()) as T;
    const problem = await readProblem(response);
    const status = response.status;
    if (status === 429) throw new WidgetApiError('rate', problem, retryAfter(response));
    if (status === 401 || status === 403) throw new WidgetApiError('refused', problem);
    if (status === 404) throw new WidgetApiError('gone', problem);
    if (status >= 500 || status === 408) throw new WidgetApiError('server', problem);
    throw new WidgetApiError('invalid', problem);
  }
}

/** The most specific reason a ProblemDetails gives: a field error, else its detail, else its title. */
async function readProblem(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string; errors?: Record<string, string[] | string> };
    const firstError = problem.errors && Object.values(problem.errors)[0];
    const fieldError = Array.isArray(firstError) ? firstError[0] : firstError;
    return fieldError || problem.detail || problem.title || `Request failed (${response.status}).`;
  } catch {
    return `Request failed (${response.status}).`;
  }
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
