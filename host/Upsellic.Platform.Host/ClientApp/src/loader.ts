// loader.js: the one script a merchant pastes into the store. It stays tiny: it reads the widget's settings, draws
// the launcher button inside a closed Shadow DOM, and loads chat.js only when the shopper opens the chat.
import type { ChatController, MountContext, WidgetSettings } from './contracts';
import { ICON_CHAT, ICON_CLOSE, el, icon } from './dom';
import { hasConversation, readState, writeState } from './storage';
import { brandColor, onBrandColor } from './theme';

/** Set by build.mjs to a hash of chat.js, so a new release is never mixed with a cached old chat bundle. */
declare const __CHAT_VERSION__: string;

const LAUNCHER_CSS = `
:host { all: initial; }
.up-root {
  --up-brand: #4f46e5; --up-on-brand: #fff;
  font: 400 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1c2233; -webkit-font-smoothing: antialiased;
}
.up-root *, .up-root *::before, .up-root *::after { box-sizing: border-box; font-family: inherit; }
.up-launcher {
  position: fixed; bottom: 20px; right: 20px; z-index: 2147483000;
  width: 58px; height: 58px; border-radius: 50%; border: 0; margin: 0; padding: 0; cursor: pointer;
  display: grid; place-items: center; background: var(--up-brand); color: var(--up-on-brand);
  box-shadow: 0 6px 20px rgba(15, 23, 42, .28); transition: transform .15s ease;
}
.up-root[data-position="bottom-left"] .up-launcher { right: auto; left: 20px; }
.up-launcher:hover { transform: scale(1.05); }
.up-launcher:focus-visible { outline: 3px solid var(--up-brand); outline-offset: 3px; }
.up-launcher svg { width: 28px; height: 28px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.up-launcher .up-icon-close { display: none; }
.up-launcher[aria-expanded="true"] .up-icon-open { display: none; }
.up-launcher[aria-expanded="true"] .up-icon-close { display: block; }
.up-launcher[aria-busy="true"] { opacity: .75; cursor: progress; }
.up-badge {
  position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
  background: #d6363f; color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; text-align: center;
}
.up-badge[hidden] { display: none; }
@media (prefers-reduced-motion: reduce) { .up-launcher { transition: none; } }
`;

function findOwnScript(): HTMLScriptElement | null {
  // currentScript is set while an async classic script runs; the selector covers the rare case where it is not.
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.dataset.key) return current;
  return document.querySelector<HTMLScriptElement>('script[data-key][src*="/widget/v1/loader.js"]');
}

async function fetchSettings(apiBase: string, widgetKey: string): Promise<{ settings?: WidgetSettings; refused: boolean }> {
  const response = await fetch(`${apiBase}/api/widget/settings`, {
    headers: { 'X-Widget-Key': widgetKey, Accept: 'application/json' },
    credentials: 'omit',
  });
  if (response.status === 401 || response.status === 403) return { refused: true };
  if (!response.ok) throw new Error(`settings answered ${response.status}`);
  return { settings: (await response.json()) as WidgetSettings, refused: false };
}

const FALLBACK: WidgetSettings = {
  assistantName: 'Assistant',
  greeting: '',
  brandColor: '',
  position: 'bottom-right',
  liveChatEnabled: true,
};

async function start(script: HTMLScriptElement): Promise<void> {
  const widgetKey = script.dataset.key ?? '';
  const scriptUrl = new URL(script.src, location.href);
  // The API lives where the script comes from: strip "/widget/v1/loader.js" (keeps any path base of the host).
  const apiBase = new URL('../../', scriptUrl).href.replace(/\/$/, '');
  const chatUrl = new URL(`chat.js?v=${__CHAT_VERSION__}`, scriptUrl).href;

  let settings: WidgetSettings;
  let unavailable = false;
  try {
    const answer = await fetchSettings(apiBase, widgetKey);
    unavailable = answer.refused;
    settings = { ...FALLBACK, ...answer.settings };
  } catch (error) {
    // Host unreachable or misconfigured: better no launcher than one that cannot work.
    console.warn('[Upsellic] Chat widget not shown:', error);
    return;
  }
  if (!settings.liveChatEnabled && !unavailable) return;

  if (document.querySelector(`upsellic-widget[data-key="${CSS.escape(widgetKey)}"]`)) return;
  const host = el('upsellic-widget' as 'div', { 'data-key': widgetKey });
  // Inline !important beats any store rule that matches the host element itself (e.g. `* { ... !important }`).
  host.setAttribute('style', 'all: initial !important; display: contents !important;');
  const root = host.attachShadow({ mode: 'closed' });

  const brand = brandColor(settings.brandColor);
  const container = el('div', {
    class: 'up-root',
    'data-position': settings.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
  });
  container.style.setProperty('--up-brand', brand);
  container.style.setProperty('--up-on-brand', onBrandColor(brand));

  const badge = el('span', { class: 'up-badge', 'aria-hidden': 'true', hidden: '' });
  const openIcon = icon(ICON_CHAT);
  openIcon.classList.add('up-icon-open');
  const closeIcon = icon(ICON_CLOSE);
  closeIcon.classList.add('up-icon-close');
  const launcher = el('button', {
    type: 'button',
    class: 'up-launcher',
    'aria-label': `Chat with ${settings.assistantName}`,
    'aria-expanded': 'false',
    'aria-haspopup': 'dialog',
  }, openIcon, closeIcon, badge);

  container.appendChild(launcher);
  root.append(el('style', {}, LAUNCHER_CSS), container);
  document.body.appendChild(host);

  let controller: ChatController | undefined;
  let loading: Promise<ChatController> | undefined;
  const context: MountContext = {
    apiBase, widgetKey, settings, unavailable, root, container, launcher,
    setExpanded(open) {
      launcher.setAttribute('aria-expanded', String(open));
      writeState(widgetKey, { open });
    },
    setUnread(count) {
      badge.hidden = count === 0;
      badge.textContent = count > 9 ? '9+' : String(count);
      launcher.setAttribute('aria-label', count > 0
        ? `Chat with ${settings.assistantName} (${count} new)`
        : `Chat with ${settings.assistantName}`);
    },
  };

  const load = (): Promise<ChatController> => {
    loading ??= (async () => {
      launcher.setAttribute('aria-busy', 'true');
      try {
        const chat = (await import(chatUrl)) as { mount(context: MountContext): ChatController };
        controller = chat.mount(context);
        return controller;
      } catch (error) {
        loading = undefined;
        throw error;
      } finally {
        launcher.removeAttribute('aria-busy');
      }
    })();
    return loading;
  };

  launcher.addEventListener('click', () => {
    if (controller) {
      controller.toggle();
      return;
    }
    load().then((chat) => chat.open(), (error) => console.error('[Upsellic] Could not load the chat:', error));
  });

  const stored = readState(widgetKey);
  if (hasConversation(stored) && stored.open) {
    // Reopened for the shopper who left it open, without taking the focus away from the page they just loaded.
    load().then((chat) => chat.open(false), (error) => console.error('[Upsellic] Could not load the chat:', error));
  }
}

const script = findOwnScript();
if (!script) {
  console.warn('[Upsellic] Chat widget: the script tag needs a data-key attribute.');
} else if (document.body) {
  void start(script);
} else {
  // An async script in <head> can run before <body> exists.
  document.addEventListener('DOMContentLoaded', () => void start(script), { once: true });
}
