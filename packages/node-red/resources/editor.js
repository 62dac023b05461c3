// Shared by every SellerChat edit dialog (served at resources/node-red-contrib-sellerchat/editor.js).
// The dialogs show only what the chosen account's marketplace supports: the capabilities come
// from the runtime's admin endpoint GET sellerchat/capabilities, the same descriptors the nodes
// check every msg against.
(() => {
  if (window.SellerChatEditor) return;

  var WHAT = {
    sendFile: 'send files',
    markRead: 'mark messages as read',
    startChat: 'start chats',
    listUnseen: 'list unseen chats',
    push: 'send push notifications',
  };
  var loaded;
  var rendered = 0;

  function capabilities() {
    if (!loaded) {
      loaded = $.getJSON('sellerchat/capabilities').fail(() => {
        loaded = undefined;
      });
    }
    return loaded;
  }

  /** Mirrors isSupported() in @sellerchat/core. */
  function supported(caps, op) {
    if (!caps) return true;
    switch (op) {
      case 'sendFile':
        return caps.sendFile !== 'none' && caps.attachments !== null;
      case 'markRead':
        return caps.markRead !== 'none';
      case 'startChat':
        return caps.startChat !== 'none';
      case 'uploadThenAttach':
        return caps.sendFile === 'upload-then-attach';
      default:
        return caps[op] === true;
    }
  }

  function accountMarketplace(accountId) {
    var account = accountId && RED.nodes.node(accountId);
    return account ? account.marketplace : undefined;
  }

  /** Shows rows marked data-sellerchat-needs / data-sellerchat-startby for what `caps` allows. */
  function applyCapabilities(caps) {
    $('[data-sellerchat-needs]').each(function () {
      $(this).toggle(supported(caps, $(this).attr('data-sellerchat-needs')));
    });
    $('[data-sellerchat-startby]').each(function () {
      var modes = $(this).attr('data-sellerchat-startby').split(' ');
      $(this).toggle(!caps || modes.indexOf(caps.startChat) >= 0);
    });
    $('.sellerchat-unsupported').each(function () {
      var op = $(this).attr('data-op');
      if (caps && !supported(caps, op)) {
        $(this)
          .text(
            caps.displayName +
              ' cannot ' +
              (WHAT[op] || op) +
              ': this node refuses every msg with a NotSupported error.',
          )
          .show();
      } else {
        $(this).hide();
      }
    });
    $('.sellerchat-limits').each(function () {
      // An empty tips box still shows as a yellow bar: hide it when there is nothing to say.
      if (!caps) return $(this).text('').hide();
      var parts = [];
      if (caps.text?.maxLength) parts.push(`text up to ${caps.text.maxLength} characters`);
      if (caps.attachments) {
        parts.push(`${caps.attachments.maxCount} file(s) per message`);
        if (caps.attachments.maxSize)
          parts.push(`files up to ${Math.round(caps.attachments.maxSize / 1048576)} MB`);
      }
      if (caps.sendWindows) parts.push(caps.sendWindows);
      $(this)
        .text(parts.length ? `${caps.displayName}: ${parts.join('; ')}.` : '')
        .toggle(parts.length > 0);
    });
  }

  /** Calls `onChange(caps)` now and whenever the dialog's account changes. */
  function watchAccount(onChange) {
    var $account = $('#node-input-account');
    function refresh() {
      var marketplace = accountMarketplace($account.val());
      if (!marketplace) {
        applyCapabilities(undefined);
        if (onChange) onChange(undefined);
        return;
      }
      capabilities().then((all) => {
        applyCapabilities(all[marketplace]);
        if (onChange) onChange(all[marketplace]);
      });
    }
    $account.on('change', refresh);
    refresh();
  }

  function prepareAccount() {
    var $marketplace = $('#node-config-input-marketplace');
    var $server = $('#node-config-input-server');
    function refresh() {
      var marketplace = $marketplace.val();
      $('.sellerchat-account [data-marketplace]').each(function () {
        $(this).toggle($(this).attr('data-marketplace') === marketplace);
      });
      $('.sellerchat-base-url').toggle($server.val() !== 'production');
      $('#node-config-input-baseUrl').attr(
        'placeholder',
        $server.val() === 'sandbox' ? 'http://127.0.0.1:4010' : 'https://api.example.com',
      );
      var $notes = $('.sellerchat-notes').empty();
      // Only the newest refresh renders: two changes in a row must not list the notes twice.
      var current = ++rendered;
      capabilities().then((all) => {
        var caps = all[marketplace];
        if (!caps || current !== rendered) return;
        $notes.empty();
        var $list = $('<ul>').appendTo($notes);
        caps.notes.forEach((note) => {
          $('<li>').text(note).appendTo($list);
        });
      });
    }
    $marketplace.on('change', refresh);
    $server.on('change', refresh);
    refresh();
  }

  window.SellerChatEditor = {
    capabilities: capabilities,
    supported: supported,
    watchAccount: watchAccount,
    prepareAccount: prepareAccount,
  };
})();
