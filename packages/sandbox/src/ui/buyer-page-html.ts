/** The buyer page's markup; styles and script are served beside it (no build step, no CDN). */
export function buyerPageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SellerChat sandbox · buyer</title>
<link rel="stylesheet" href="/_sandbox/ui/buyer.css">
</head>
<body>
<header class="topbar">
  <div class="brand">
    <span class="logo" aria-hidden="true">SC</span>
    <div>
      <h1>SellerChat sandbox</h1>
      <p class="subtitle">You are the buyer. The seller's flow answers through the marketplace API.</p>
    </div>
  </div>
  <div class="picker">
    <label for="marketplace">Marketplace</label>
    <select id="marketplace" data-testid="marketplace-select"></select>
  </div>
  <span id="connection" class="connection" data-testid="connection" role="status">connecting…</span>
</header>
<main class="layout">
  <aside class="sidebar" aria-label="Chats">
    <form id="new-chat" class="card new-chat" data-testid="new-chat-form">
      <h2>New conversation</h2>
      <label for="new-chat-name">Your name</label>
      <input id="new-chat-name" name="name" autocomplete="off" placeholder="optional" data-testid="new-chat-name">
      <label for="new-chat-text">First message</label>
      <textarea id="new-chat-text" name="text" rows="2" required data-testid="new-chat-text"></textarea>
      <details>
        <summary>Chat kind</summary>
        <label for="new-chat-kind">Kind (as the marketplace module names it)</label>
        <input id="new-chat-kind" name="kind" autocomplete="off" placeholder="default" data-testid="new-chat-kind">
      </details>
      <button type="submit" data-testid="new-chat-button">Start conversation</button>
    </form>
    <div class="chats-head">
      <h2 id="chats-title">Chats</h2>
      <span id="chat-count" class="muted" data-testid="chat-count"></span>
    </div>
    <ul id="chats" class="chats" aria-labelledby="chats-title" data-testid="chat-list"></ul>
  </aside>
  <section class="conversation" aria-labelledby="thread-title">
    <header class="conversation-head">
      <h2 id="thread-title" data-testid="thread-title">Pick a chat</h2>
      <span id="thread-status" class="badge" data-testid="thread-status"></span>
    </header>
    <ol id="thread" class="thread" aria-live="polite" data-testid="thread"></ol>
    <p id="error" class="error" role="alert" data-testid="error"></p>
    <form id="composer" class="composer" data-testid="composer">
      <label for="composer-text" class="visually-hidden">Message as the buyer</label>
      <textarea id="composer-text" rows="2" placeholder="Write as the buyer… (Enter sends, Shift+Enter breaks the line)" data-testid="composer-text"></textarea>
      <div class="composer-actions">
        <label id="attach" class="attach" for="composer-file" title="Attach a file">Attach</label>
        <input id="composer-file" type="file" class="visually-hidden" data-testid="composer-file">
        <span id="file-name" class="file-name muted" data-testid="file-name"></span>
        <button type="submit" data-testid="send-button">Send</button>
      </div>
    </form>
  </section>
</main>
<script src="/_sandbox/ui/buyer.js" defer></script>
</body>
</html>
`;
}
