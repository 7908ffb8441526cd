// The merchant's brand colour reaches CSS only through custom properties, and only once it is a plain hex colour.

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
export const DEFAULT_BRAND = '#4f46e5';

export function brandColor(value: string | null | undefined): string {
  return value && HEX.test(value.trim()) ? value.trim() : DEFAULT_BRAND;
}

/** White or near-black text, whichever reads better on the brand colour (WCAG relative luminance). */
export function onBrandColor(hex: string): string {
  let digits = hex.slice(1);
  if (digits.length === 3) digits = digits.replace(/./g, (c) => c + c);
  const channel = (i: number) => {
    const c = parseInt(digits.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white is (1.05)/(L+0.05); with #111 about (L+0.05)/0.056: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.056 ? '#ffffff' : '#111111';
}
