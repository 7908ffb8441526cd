// Links that reach the shopper come from data (the merchant's channels, the AI's answers): only these schemes become
// links; `javascript:`, `data:` and everything else is dropped.
const CHANNEL_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function safeChannelHref(href: unknown): string | null {
  if (typeof href !== 'string' || href.trim() === '') return null;
  try {
    const url = new URL(href.trim());
    return CHANNEL_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** A fresh v4 UUID; crypto.randomUUID exists only in secure contexts, and some stores are still served over http. */
export function newClientMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
