// The chat panel's stylesheet. It lives inside the shadow root, so the store's CSS cannot reach it and it cannot reach
// the store. The launcher's own rules (and the font) come from loader.js.
export const PANEL_CSS = `
.up-panel {
  position: fixed; bottom: 92px; right: 20px; z-index: 2147483000;
  width: 380px; height: min(620px, calc(100vh - 112px)); max-height: calc(100vh - 112px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; color: #1c2233; border-radius: 16px;
  box-shadow: 0 12px 48px rgba(15, 23, 42, .25), 0 0 0 1px rgba(15, 23, 42, .06);
  font-size: 15px; line-height: 1.45; text-align: left;
}
.up-panel[hidden] { display: none; }
.up-root[data-position="bottom-left"] .up-panel { right: auto; left: 20px; }
.up-head {
  display: flex; align-items: center; gap: 10px; padding: 14px 14px 14px 16px;
  background: var(--up-brand); color: var(--up-on-brand);
}
.up-head-text { flex: 1; min-width: 0; }
.up-title { font-weight: 700; font-size: 16px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.up-sub { font-size: 12.5px; opacity: .85; }
.up-icon-button {
  width: 36px; height: 36px; border-radius: 10px; border: 0; margin: 0; padding: 0; cursor: pointer;
  display: grid; place-items: center; background: transparent; color: inherit;
}
.up-icon-button:hover { background: rgba(255, 255, 255, .18); }
.up-icon-button:focus-visible { outline: 2px solid currentColor; outline-offset: -2px; }
.up-icon-button svg, .up-send svg { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.up-avatar {
  flex-shrink: 0; width: 32px; height: 32px; border-radius: 50%; display: grid; place-items: center;
  font-size: 12.5px; font-weight: 700; background: rgba(255, 255, 255, .22); color: inherit;
}
.up-scroll { flex: 1; overflow-y: auto; padding: 16px 14px 8px; background: #f7f8fb; overscroll-behavior: contain; }
.up-log { display: flex; flex-direction: column; gap: 8px; margin: 0; padding: 0; list-style: none; }
.up-msg { display: flex; gap: 8px; align-items: flex-end; max-width: 88%; }
.up-msg .up-avatar { width: 28px; height: 28px; font-size: 11px; background: #e6e8f0; color: #394056; }
.up-msg[data-role="Agent"] .up-avatar { background: var(--up-brand); color: var(--up-on-brand); }
.up-msg-body { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.up-author { font-size: 12px; color: #6b7285; padding-left: 4px; }
.up-bubble {
  padding: 9px 13px; border-radius: 16px 16px 16px 4px; background: #fff; color: #1c2233;
  box-shadow: 0 1px 2px rgba(16, 24, 40, .08); white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word;
}
.up-bubble a { color: inherit; text-decoration: underline; }
.up-msg[data-role="Shopper"] { align-self: flex-end; }
.up-msg[data-role="Shopper"] .up-bubble { background: var(--up-brand); color: var(--up-on-brand); border-radius: 16px 16px 4px 16px; }
.up-msg[data-state="sending"] .up-bubble { opacity: .7; }
.up-msg[data-state="failed"] .up-bubble { opacity: .6; }
.up-msg-status { font-size: 11.5px; color: #6b7285; text-align: right; padding-right: 4px; }
.up-msg[data-state="failed"] .up-msg-status { color: #c2262f; }
.up-system { align-self: center; max-width: 90%; font-size: 12.5px; color: #6b7285; text-align: center; padding: 2px 8px; }
.up-typing { display: flex; align-items: center; gap: 8px; margin-top: 8px; font-size: 12.5px; color: #6b7285; }
.up-typing[hidden] { display: none; }
.up-dots { display: inline-flex; gap: 4px; padding: 11px 13px; background: #fff; border-radius: 16px 16px 16px 4px; box-shadow: 0 1px 2px rgba(16, 24, 40, .08); }
.up-dots span { width: 7px; height: 7px; border-radius: 50%; background: #9aa1b5; animation: up-blink 1.2s infinite ease-in-out; }
.up-dots span:nth-child(2) { animation-delay: .2s; }
.up-dots span:nth-child(3) { animation-delay: .4s; }
@keyframes up-blink { 0%, 80%, 100% { opacity: .3; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-3px); } }
.up-channels { margin-top: 12px; padding: 12px; background: #fff; border-radius: 12px; box-shadow: 0 1px 2px rgba(16, 24, 40, .08); }
.up-channels[hidden] { display: none; }
.up-channels p { margin: 0 0 8px; font-size: 13.5px; color: #394056; }
.up-channel-list { display: flex; flex-wrap: wrap; gap: 8px; }
.up-channel {
  display: inline-flex; align-items: center; padding: 8px 12px; border-radius: 999px; font-size: 13.5px; font-weight: 600;
  text-decoration: none; border: 1.5px solid var(--up-brand); color: #1c2233; background: #fff;
}
.up-channel:hover { background: var(--up-brand); color: var(--up-on-brand); }
.up-channel:focus-visible { outline: 2px solid var(--up-brand); outline-offset: 2px; }
.up-notice { margin: 0; padding: 9px 14px; font-size: 13px; background: #fdecec; color: #8f1d24; border-top: 1px solid #f6caca; }
.up-notice[hidden] { display: none; }
.up-ended { padding: 14px; border-top: 1px solid #e4e7ef; text-align: center; }
.up-ended[hidden] { display: none; }
.up-ended p { margin: 0 0 10px; color: #394056; font-weight: 600; }
.up-primary {
  border: 0; margin: 0; cursor: pointer; padding: 10px 16px; border-radius: 10px; font-size: 14px; font-weight: 600;
  background: var(--up-brand); color: var(--up-on-brand);
}
.up-primary:focus-visible { outline: 2px solid var(--up-brand); outline-offset: 2px; }
.up-composer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid #e4e7ef; background: #fff; margin: 0; }
.up-composer[hidden] { display: none; }
.up-input {
  flex: 1; resize: none; min-height: 40px; max-height: 120px; padding: 9px 12px; margin: 0;
  border: 1.5px solid #d6d9e3; border-radius: 12px; outline: none; background: #fff; color: #1c2233;
  font-size: 15px; line-height: 1.4;
}
.up-input:focus { border-color: var(--up-brand); }
.up-input:disabled { background: #f3f4f7; }
.up-send {
  flex-shrink: 0; width: 40px; height: 40px; border-radius: 12px; border: 0; margin: 0; padding: 0; cursor: pointer;
  display: grid; place-items: center; background: var(--up-brand); color: var(--up-on-brand);
}
.up-send:disabled { opacity: .5; cursor: default; }
.up-send:focus-visible { outline: 2px solid var(--up-brand); outline-offset: 2px; }
.up-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.up-brandline { padding: 4px 0 8px; text-align: center; font-size: 11px; color: #9aa1b5; background: #fff; }
@media (max-width: 480px) {
  .up-panel, .up-root[data-position="bottom-left"] .up-panel {
    inset: 0; width: 100%; height: 100%; max-height: none; border-radius: 0;
  }
  .up-root[data-open="true"] .up-launcher { display: none; }
}
@media (prefers-reduced-motion: reduce) { .up-dots span { animation: none; } }
`;
