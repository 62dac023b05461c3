/**
 * The buyer page's behaviour, plain browser JavaScript. It talks only to the control API and
 * refreshes when /_sandbox/events says something changed. It lives inside a template string:
 * no backticks, dollar-braces or backslashes in here.
 */
export const buyerPageScript = `
'use strict';
(function () {
  var MAX_LISTED = 300;
  var state = { marketplaces: [], mp: '', chatId: '', threads: [], refreshTimer: 0, loading: false };
  var el = function (id) { return document.getElementById(id); };
  var select = el('marketplace');
  var chatList = el('chats');
  var thread = el('thread');
  var composer = el('composer');
  var composerText = el('composer-text');
  var fileInput = el('composer-file');
  var errorBox = el('error');

  function api(method, path, body) {
    var init = { method: method, headers: {} };
    if (body !== undefined) {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/_sandbox' + path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!res.ok) throw new Error((data && data.error && data.error.message) || res.statusText);
        return data;
      });
    });
  }

  function showError(error) { errorBox.textContent = error ? String(error.message || error) : ''; }

  function formatTime(iso) {
    if (!iso) return '';
    var date = new Date(iso);
    var sameDay = date.toDateString() === new Date().toDateString();
    return sameDay
      ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
      : date.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    if (bytes < 1048576) return Math.round(bytes / 1024) + ' KB';
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  var SENDER_LABEL = { buyer: 'You', seller: 'Seller', marketplace: 'Marketplace', support: 'Support' };

  function mpPath() { return '/' + encodeURIComponent(state.mp); }

  function currentMarketplace() {
    for (var i = 0; i < state.marketplaces.length; i++) if (state.marketplaces[i].id === state.mp) return state.marketplaces[i];
    return undefined;
  }

  function saveHash() {
    var hash = '#' + state.mp + (state.chatId ? '/' + encodeURIComponent(state.chatId) : '');
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  function renderThreads() {
    var sorted = state.threads.slice().sort(function (a, b) {
      return String(b.lastMessageAt || '').localeCompare(String(a.lastMessageAt || ''));
    });
    chatList.textContent = '';
    sorted.slice(0, MAX_LISTED).forEach(function (summary) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.dataset.testid = 'chat-item';
      button.dataset.chatId = summary.chatId;
      button.setAttribute('aria-current', summary.chatId === state.chatId ? 'true' : 'false');
      var title = document.createElement('span');
      title.className = 'title';
      title.textContent = summary.title || summary.chatId;
      var meta = document.createElement('span');
      meta.className = 'meta muted';
      var status = document.createElement('span');
      status.textContent = String(summary.status || '').replace(/_/g, ' ');
      var when = document.createElement('span');
      when.textContent = formatTime(summary.lastMessageAt);
      meta.appendChild(status);
      meta.appendChild(when);
      button.appendChild(title);
      button.appendChild(meta);
      button.addEventListener('click', function () { openChat(summary.chatId); });
      item.appendChild(button);
      chatList.appendChild(item);
    });
    var total = state.threads.length;
    el('chat-count').textContent = total > MAX_LISTED ? 'newest ' + MAX_LISTED + ' of ' + total : total + ' chats';
  }

  function renderMessages(messages) {
    var nearBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 80;
    thread.textContent = '';
    if (!messages.length) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No messages yet.';
      thread.appendChild(empty);
    }
    messages.forEach(function (message) {
      var item = document.createElement('li');
      item.className = 'message ' + message.from;
      item.dataset.testid = 'message';
      item.dataset.from = message.from;
      item.dataset.messageId = message.id;
      var bubble = document.createElement('div');
      bubble.className = 'bubble';
      var text = document.createElement('span');
      text.dataset.testid = 'message-text';
      text.textContent = message.text;
      bubble.appendChild(text);
      if (message.attachments && message.attachments.length) {
        var files = document.createElement('div');
        files.className = 'attachments';
        message.attachments.forEach(function (file) {
          var link = document.createElement('a');
          link.href = file.url;
          link.target = '_blank';
          link.rel = 'noopener';
          link.dataset.testid = 'attachment';
          link.textContent = file.name + (file.size ? ' (' + formatSize(file.size) + ')' : '');
          files.appendChild(link);
        });
        bubble.appendChild(files);
      }
      var when = document.createElement('time');
      when.className = 'when';
      when.dateTime = message.at;
      when.title = message.at;
      when.textContent = (SENDER_LABEL[message.from] || message.from) + ' · ' + formatTime(message.at);
      item.appendChild(bubble);
      item.appendChild(when);
      thread.appendChild(item);
    });
    if (nearBottom || state.justOpened) thread.scrollTop = thread.scrollHeight;
    state.justOpened = false;
  }

  function loadThreads() {
    if (!state.mp) return Promise.resolve();
    var mp = state.mp;
    return api('GET', mpPath() + '/threads').then(function (threads) {
      if (mp !== state.mp) return;
      state.threads = threads;
      renderThreads();
    });
  }

  function loadThread() {
    if (!state.chatId) {
      el('thread-title').textContent = 'Pick a chat or start a conversation';
      el('thread-status').textContent = '';
      thread.textContent = '';
      return Promise.resolve();
    }
    var mp = state.mp;
    var chatId = state.chatId;
    return api('GET', mpPath() + '/threads/' + encodeURIComponent(chatId)).then(function (messages) {
      if (mp !== state.mp || chatId !== state.chatId) return;
      var summary = state.threads.filter(function (t) { return t.chatId === chatId; })[0];
      el('thread-title').textContent = summary ? summary.title : chatId;
      el('thread-status').textContent = summary ? String(summary.status || '').replace(/_/g, ' ') : '';
      renderMessages(messages);
    });
  }

  function refresh() {
    return loadThreads().then(loadThread).then(function () { showError(''); }, showError);
  }

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refresh, 120);
  }

  function openChat(chatId) {
    state.chatId = chatId;
    state.justOpened = true;
    saveHash();
    renderThreads();
    loadThread().catch(showError);
    composerText.focus();
  }

  function chooseMarketplace(id) {
    state.mp = id;
    state.chatId = '';
    select.value = id;
    var info = currentMarketplace();
    var attach = el('attach');
    attach.hidden = !(info && info.buyerAttachments);
    fileInput.value = '';
    el('file-name').textContent = '';
    saveHash();
    return refresh();
  }

  function readFile(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        var result = String(reader.result);
        resolve({ name: file.name, mimeType: file.type || 'application/octet-stream', base64: result.slice(result.indexOf(',') + 1) });
      };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!state.chatId) { showError('Pick a chat first, or start a conversation.'); return; }
    var text = composerText.value;
    var file = fileInput.files && fileInput.files[0];
    if (!text.trim() && !file) return;
    var button = composer.querySelector('button');
    button.disabled = true;
    (file ? readFile(file) : Promise.resolve(undefined))
      .then(function (attachment) {
        var body = { chatId: state.chatId, text: text };
        if (attachment) body.attachment = attachment;
        return api('POST', mpPath() + '/buyer/messages', body);
      })
      .then(function () {
        composerText.value = '';
        fileInput.value = '';
        el('file-name').textContent = '';
        state.justOpened = true;
        return refresh();
      })
      .catch(showError)
      .then(function () { button.disabled = false; composerText.focus(); });
  });

  composerText.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  fileInput.addEventListener('change', function () {
    var file = fileInput.files && fileInput.files[0];
    el('file-name').textContent = file ? file.name : '';
  });

  el('new-chat').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var body = { text: form.elements.text.value };
    if (form.elements.name.value.trim()) body.name = form.elements.name.value.trim();
    if (form.elements.kind.value.trim()) body.kind = form.elements.kind.value.trim();
    api('POST', mpPath() + '/buyer/chats', body)
      .then(function (opened) {
        form.reset();
        state.chatId = opened.chatId;
        state.justOpened = true;
        saveHash();
        return refresh();
      })
      .catch(showError);
  });

  select.addEventListener('change', function () { chooseMarketplace(select.value); });

  function connectEvents() {
    var status = el('connection');
    var source = new EventSource('/_sandbox/events');
    source.addEventListener('open', function () { status.textContent = 'live'; status.classList.add('live'); });
    source.addEventListener('error', function () { status.textContent = 'reconnecting…'; status.classList.remove('live'); });
    source.addEventListener('change', function (event) {
      var change = {};
      try { change = JSON.parse(event.data); } catch (e) { change = {}; }
      if (!change.marketplace || change.marketplace === state.mp) scheduleRefresh();
    });
  }

  api('GET', '/marketplaces')
    .then(function (list) {
      state.marketplaces = list;
      list.forEach(function (info) {
        var option = document.createElement('option');
        option.value = info.id;
        option.textContent = info.id.charAt(0).toUpperCase() + info.id.slice(1);
        select.appendChild(option);
      });
      var parts = location.hash.slice(1).split('/');
      var wanted = list.some(function (info) { return info.id === parts[0]; }) ? parts[0] : list[0] && list[0].id;
      connectEvents();
      return chooseMarketplace(wanted || '').then(function () {
        if (parts[1] && parts[0] === state.mp) openChat(decodeURIComponent(parts[1]));
      });
    })
    .catch(showError);
})();
`;
