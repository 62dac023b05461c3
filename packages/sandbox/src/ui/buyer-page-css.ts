export const buyerPageCss = `
:root {
  --bg: #f4f5f7; --panel: #fff; --line: #e2e5ea; --text: #1d2330; --muted: #6b7280;
  --accent: #2563eb; --accent-dark: #1d4ed8; --buyer: #2563eb; --seller: #fff; --system: #eef0f4;
  --radius: 14px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--text); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; }
h1, h2 { margin: 0; }
h1 { font-size: 1.05rem; }
h2 { font-size: 0.95rem; }
.muted { color: var(--muted); font-size: 0.8rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.topbar { display: flex; align-items: center; gap: 24px; padding: 12px 20px; background: #111827; color: #fff; }
.brand { display: flex; align-items: center; gap: 12px; flex: 1; }
.logo { display: grid; place-items: center; width: 36px; height: 36px; border-radius: 10px; background: var(--accent); font-weight: 700; }
.subtitle { margin: 2px 0 0; color: #cbd5e1; font-size: 0.8rem; }
.picker { display: flex; align-items: center; gap: 8px; font-size: 0.85rem; }
.picker select { font: inherit; padding: 6px 10px; border-radius: 8px; border: 1px solid #374151; background: #1f2937; color: #fff; }
.connection { font-size: 0.75rem; padding: 4px 10px; border-radius: 999px; background: #374151; }
.connection.live { background: #065f46; }
.layout { flex: 1; display: grid; grid-template-columns: 320px 1fr; min-height: 0; }
.sidebar { border-right: 1px solid var(--line); background: var(--panel); display: flex; flex-direction: column; min-height: 0; }
.card { margin: 14px; padding: 12px; border: 1px solid var(--line); border-radius: var(--radius); background: #fafbfc; }
.new-chat { display: flex; flex-direction: column; gap: 6px; }
.new-chat label { font-size: 0.75rem; color: var(--muted); }
.new-chat input, .new-chat textarea, .composer textarea {
  font: inherit; padding: 8px 10px; border: 1px solid var(--line); border-radius: 10px; resize: vertical; background: #fff;
}
.new-chat details { font-size: 0.8rem; color: var(--muted); }
textarea:focus, input:focus, select:focus { outline: 2px solid var(--accent); outline-offset: 0; border-color: transparent; }
.new-chat details input { width: 100%; margin-top: 4px; }
button {
  font: inherit; font-weight: 600; padding: 8px 16px; border: 0; border-radius: 10px; background: var(--accent); color: #fff; cursor: pointer;
}
button:hover { background: var(--accent-dark); }
button:disabled { opacity: 0.5; cursor: default; }
.chats-head { display: flex; justify-content: space-between; align-items: baseline; padding: 4px 16px 8px; }
.chats { list-style: none; margin: 0; padding: 0 8px 12px; overflow-y: auto; flex: 1; }
.chats button {
  width: 100%; text-align: left; background: transparent; color: var(--text); font-weight: 400;
  padding: 10px 12px; border-radius: 10px; display: grid; gap: 2px;
}
.chats button:hover { background: #f1f3f6; }
.chats button[aria-current="true"] { background: #e8efff; }
.chats .title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.chats .meta { display: flex; justify-content: space-between; gap: 8px; min-width: 0; }
.chats .meta span:first-child { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; text-transform: lowercase; }
.chats .meta span:last-child { white-space: nowrap; flex-shrink: 0; }
.conversation { display: flex; flex-direction: column; min-height: 0; }
.conversation-head { display: flex; align-items: center; gap: 12px; padding: 14px 20px; background: var(--panel); border-bottom: 1px solid var(--line); }
.badge { font-size: 0.7rem; padding: 2px 8px; border-radius: 999px; background: var(--system); color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.badge:empty { display: none; }
.thread { list-style: none; margin: 0; padding: 20px; overflow-y: auto; flex: 1; display: flex; flex-direction: column; gap: 10px; }
.message { max-width: min(560px, 75%); display: flex; flex-direction: column; gap: 4px; }
.message .bubble { padding: 9px 13px; border-radius: var(--radius); white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.35; }
.message .when { font-size: 0.7rem; color: var(--muted); }
.message.buyer { align-self: flex-end; align-items: flex-end; }
.message.buyer .bubble { background: var(--buyer); color: #fff; border-bottom-right-radius: 4px; }
.message.buyer .bubble a { color: #fff; }
.message.seller { align-self: flex-start; }
.message.seller .bubble { background: var(--seller); border: 1px solid var(--line); border-bottom-left-radius: 4px; }
.message.marketplace, .message.support { align-self: center; align-items: center; }
.message.marketplace .bubble, .message.support .bubble { background: var(--system); color: var(--muted); font-size: 0.85rem; }
.attachments { display: flex; flex-direction: column; gap: 2px; margin-top: 6px; font-size: 0.85rem; }
.attachments a {
  display: inline-block; padding: 3px 8px; border-radius: 8px; background: rgba(255, 255, 255, 0.18); text-decoration: none;
}
.message.seller .attachments a { background: #eef2ff; color: var(--accent-dark); }
.attachments a::before { content: "FILE"; font-size: 0.62rem; font-weight: 700; letter-spacing: 0.05em; margin-right: 6px; opacity: 0.8; }
.empty { margin: auto; color: var(--muted); }
.error { margin: 0 20px; color: #b91c1c; font-size: 0.85rem; }
.error:empty { display: none; }
.composer { padding: 12px 20px 16px; background: var(--panel); border-top: 1px solid var(--line); display: flex; flex-direction: column; gap: 8px; }
.composer-actions { display: flex; align-items: center; gap: 12px; }
.composer-actions button { margin-left: auto; }
.attach { font-size: 0.85rem; padding: 6px 12px; border: 1px solid var(--line); border-radius: 10px; cursor: pointer; }
.attach:hover { background: #f1f3f6; }
.attach[hidden] { display: none; }
.file-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
@media (max-width: 760px) { .layout { grid-template-columns: 1fr; } .sidebar { max-height: 40vh; } }
`;
