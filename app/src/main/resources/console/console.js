/*
 * opsbot's web console: the local chat platform. Plain browser JavaScript, no build step, no dependencies.
 *
 * Safety rule for this file: text that came from the server (message text, names, block fields) is only ever
 * put into the page as text nodes (textContent, createTextNode). Nothing from the server is parsed as HTML.
 */
(() => {
  'use strict';

  const BOT_USER = 'opsbot';
  const QUICK_REACTIONS = ['white_check_mark', 'x', '+1', '-1', 'eyes'];
  const EMOJI = {
    white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', eyes: '👀', '+1': '👍', thumbsup: '👍',
    '-1': '👎', thumbsdown: '👎', tada: '🎉', rocket: '🚀', fire: '🔥', warning: '⚠️', rotating_light: '🚨',
    hourglass: '⌛', pray: '🙏', white_circle: '⚪', red_circle: '🔴', large_green_circle: '🟢',
  };
  const AVATAR_COLOURS = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#0d9488', '#4d7c0f', '#b45309', '#0369a1'];
  const RECONNECT_MAX_MS = 15000;

  const state = {
    users: [],
    usersById: new Map(),
    user: null,
    channels: [],
    channel: null,
    threads: [],
    thread: null,
    messages: new Map(),
    // Events for the open thread that arrive while it is being fetched; replayed in order once it is loaded.
    pending: null,
    loadSeq: 0,
    unreadThreads: new Set(),
    unreadChannels: new Set(),
    events: null,
    reconnectDelay: 1000,
    // Whether the message list follows new messages: true while the reader is at (or near) the bottom.
    stickToBottom: true,
  };

  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- HTTP

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(method, path, body) {
    const init = { method, headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'Cannot reach opsbot: ' + e.message);
    }
    const raw = await response.text();
    let data = null;
    try {
      data = raw ? JSON.parse(raw) : null;
    } catch (e) {
      data = null;
    }
    if (!response.ok) {
      const reason = data && typeof data.error === 'string' ? data.error : raw.trim() || response.statusText;
      throw new ApiError(response.status, `${reason} (HTTP ${response.status})`);
    }
    return data;
  }

  const enc = encodeURIComponent;

  // ---------------------------------------------------------------- small DOM helpers

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Light markdown, as every chat platform knows it: `code` and *bold*. Builds nodes, never HTML strings. */
  function appendRichText(parent, text, codeOnly) {
    const source = text === undefined || text === null ? '' : String(text);
    const pattern = codeOnly ? /`([^`\n]+)`/g : /`([^`\n]+)`|\*(?=\S)([^*\n]*?\S)\*/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(source)) !== null) {
      if (match.index > last) parent.append(document.createTextNode(source.slice(last, match.index)));
      if (match[1] !== undefined) {
        parent.append(el('code', null, match[1]));
      } else {
        const strong = el('strong');
        appendRichText(strong, match[2], true);
        parent.append(strong);
      }
      last = pattern.lastIndex;
    }
    if (last < source.length) parent.append(document.createTextNode(source.slice(last)));
    return parent;
  }

  function richText(tag, className, text) {
    return appendRichText(el(tag, className), text);
  }

  function emoji(name) {
    return EMOJI[name] || `:${name}:`;
  }

  function toDate(ts) {
    if (ts === undefined || ts === null || ts === '') return null;
    if (typeof ts === 'number') return new Date(ts < 1e11 ? ts * 1000 : ts);
    const date = new Date(ts);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function millis(ts) {
    const date = toDate(ts);
    return date ? date.getTime() : 0;
  }

  const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const dayTimeFormat = new Intl.DateTimeFormat(undefined, {
    month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });

  function timeElement(ts, className) {
    const date = toDate(ts);
    const node = el('time', className || 'time');
    if (!date) return node;
    const today = new Date().toDateString() === date.toDateString();
    node.dateTime = date.toISOString();
    node.title = date.toLocaleString();
    node.textContent = (today ? timeFormat : dayTimeFormat).format(date);
    return node;
  }

  function userName(id) {
    if (id === BOT_USER) return 'opsbot';
    const user = state.usersById.get(id);
    return user && user.name ? user.name : id;
  }

  function avatar(id) {
    const node = el('span', 'avatar', id === BOT_USER ? '⚙' : (userName(id) || '?').charAt(0).toUpperCase());
    let hash = 0;
    for (const ch of String(id)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
    node.style.backgroundColor = id === BOT_USER ? '#111827' : AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
    node.setAttribute('aria-hidden', 'true');
    return node;
  }

  function showError(node, message) {
    node.textContent = message || '';
    node.hidden = !message;
  }

  // ---------------------------------------------------------------- blocks (opsbot's structured replies)

  const blockRenderers = {
    heading: (block) => richText('h3', 'block block-heading', block.text),
    paragraph: (block) => richText('p', 'block block-paragraph', block.text),
    context: (block) => richText('p', 'block block-context', block.text),
    fields: (block) => fieldList('block block-fields', (block.fields || []).map((f) => [f.label, f.value])),
    evidence: renderEvidence,
    proposal: renderProposal,
    image: renderImageBlock,
  };

  function fieldList(className, pairs) {
    const list = el('dl', className);
    for (const [label, value] of pairs) {
      if (value === undefined || value === null || value === '') continue;
      const row = el('div', 'field');
      row.append(richText('dt', null, label), richText('dd', null, value));
      list.append(row);
    }
    return list;
  }

  function renderEvidence(block) {
    const section = el('section', 'block block-evidence');
    section.append(richText('h4', 'block-title', block.title || 'Evidence'));
    const list = el('ol', 'evidence-list');
    for (const item of block.items || []) {
      const row = el('li', 'evidence-item');
      row.append(timeElement(item.at, 'evidence-at'), el('span', 'evidence-source', item.source));
      row.append(richText('span', 'evidence-detail', item.detail));
      list.append(row);
    }
    section.append(list);
    return section;
  }

  function renderProposal(block, message) {
    const section = el('section', 'block block-proposal');
    section.dataset.proposal = block.proposalId || '';
    section.append(el('h4', 'block-title', 'Proposed action'));
    section.append(el('code', 'proposal-operation', block.operation));
    const expires = toDate(block.expiresAt);
    section.append(fieldList('proposal-fields', [
      ['Environment', block.environment],
      ['Risk', block.risk],
      ['Requested by', block.requester ? userName(block.requester) : null],
      ['Expires', expires ? expires.toLocaleString() : null],
      ['Proposal', block.proposalId],
    ]));
    const actions = el('div', 'proposal-actions');
    const choices = [
      ['Approve', block.approveReaction || 'white_check_mark', 'approve'],
      ['Reject', block.rejectReaction || 'x', 'reject'],
    ];
    for (const [label, reaction, kind] of choices) {
      const button = el('button', `proposal-${kind}`, `${emoji(reaction)} ${label}`);
      button.type = 'button';
      button.dataset.reaction = reaction;
      button.dataset.focusKey = `proposal-${kind}`;
      button.setAttribute('aria-pressed', String(hasReacted(message, reaction)));
      button.addEventListener('click', () => toggleReaction(message.id, reaction));
      actions.append(button);
    }
    actions.append(el('span', 'proposal-hint muted', `or react ${emoji(choices[0][1])} / ${emoji(choices[1][1])}`));
    section.append(actions);
    return section;
  }

  function renderImageBlock(block, message, images) {
    const figure = el('figure', 'block block-image');
    const attachment = images.shift();
    if (attachment) {
      figure.append(attachmentImage(attachment, block.altText || block.title));
    } else {
      figure.append(el('p', 'muted small', 'Image not available.'));
    }
    if (block.title) figure.append(richText('figcaption', null, block.title));
    return figure;
  }

  function attachmentImage(attachment, alt) {
    const image = el('img', 'attachment');
    image.alt = alt || 'attached image';
    image.decoding = 'async';
    // An image grows its message once loaded: keep the newest message in view if the reader was following.
    image.addEventListener('load', () => {
      if (state.stickToBottom) scrollToBottom();
    });
    image.src = attachment.url;
    return image;
  }

  function renderBlock(block, message, images) {
    const render = block && blockRenderers[block.type];
    if (render) return render(block, message, images);
    const fallback = block && (block.text || block.title);
    return el('p', 'block block-unknown muted', fallback || `[${block && block.type} block]`);
  }

  // ---------------------------------------------------------------- messages

  function hasReacted(message, name) {
    const reaction = (message.reactions || []).find((r) => r.name === name);
    return Boolean(reaction && (reaction.users || []).includes(state.user));
  }

  /** What a message shows apart from its reactions: when only reactions change, only they are redrawn. */
  function contentKey(message) {
    return JSON.stringify([message.user, message.text, message.ts, message.blocks, message.attachments]);
  }

  function renderMessage(message) {
    const article = el('article', 'message');
    article.dataset.id = message.id;
    article.dataset.user = message.user;
    article.dataset.ts = String(millis(message.ts));
    if (message.user === BOT_USER) article.classList.add('from-bot');
    if (message.id === state.thread) article.classList.add('thread-root');

    const body = el('div', 'message-body');
    const header = el('div', 'message-header');
    header.append(el('span', 'author', userName(message.user)));
    if (message.user === BOT_USER) header.append(el('span', 'badge', 'BOT'));
    header.append(timeElement(message.ts));
    body.append(header);

    const attachments = (message.attachments || []).slice();
    const images = attachments.filter((a) => String(a.type || '').startsWith('image/'));
    const files = attachments.filter((a) => !images.includes(a));
    const blocks = Array.isArray(message.blocks) ? message.blocks : [];
    if (blocks.length > 0) {
      const container = el('div', 'blocks');
      for (const block of blocks) container.append(renderBlock(block, message, images));
      body.append(container);
    } else {
      body.append(richText('div', 'text', message.text));
    }
    for (const image of images) body.append(attachmentImage(image, 'attached image'));
    for (const file of files) {
      const link = el('a', 'attachment-link', `Attachment (${file.type})`);
      link.href = file.url;
      link.target = '_blank';
      link.rel = 'noopener';
      body.append(link);
    }
    body.append(renderReactions(message));
    article.append(avatar(message.user), body);
    return article;
  }

  function renderReactions(message) {
    const row = el('div', 'reactions');
    for (const reaction of message.reactions || []) {
      const users = reaction.users || [];
      if (users.length === 0) continue;
      const mine = users.includes(state.user);
      const chip = el('button', 'reaction');
      chip.type = 'button';
      chip.dataset.name = reaction.name;
      chip.dataset.focusKey = `reaction-${reaction.name}`;
      chip.setAttribute('aria-pressed', String(mine));
      chip.title = `${users.map(userName).join(', ')} reacted with :${reaction.name}:`;
      chip.setAttribute('aria-label',
        `${reaction.name}: ${users.length} ${users.length === 1 ? 'reaction' : 'reactions'}` +
        (mine ? ', including you. Click to remove yours.' : '. Click to add yours.'));
      chip.append(el('span', 'emoji', emoji(reaction.name)), el('span', 'count', users.length));
      chip.addEventListener('click', () => toggleReaction(message.id, reaction.name));
      row.append(chip);
    }
    const add = el('span', 'add-reactions');
    add.setAttribute('role', 'group');
    add.setAttribute('aria-label', 'Add a reaction');
    for (const name of QUICK_REACTIONS) {
      const button = el('button', 'add-reaction', emoji(name));
      button.type = 'button';
      button.dataset.name = name;
      button.dataset.focusKey = `add-${name}`;
      button.title = `React with :${name}:`;
      button.setAttribute('aria-label', `React with ${name}`);
      button.addEventListener('click', () => toggleReaction(message.id, name));
      add.append(button);
    }
    row.append(add);
    return row;
  }

  function isNearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function scrollToBottom() {
    const list = $('message-list');
    list.scrollTop = list.scrollHeight;
  }

  /** Adds or redraws a message of the open thread, keeping time order and the keyboard focus. */
  function upsertMessage(message) {
    if (!message || !message.id) return;
    const list = $('message-list');
    state.messages.set(message.id, message);
    const key = contentKey(message);
    const existing = list.querySelector(`.message[data-id="${CSS.escape(message.id)}"]`);
    if (existing) {
      const focused = existing.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
      const redrawn = existing.dataset.contentKey === key ? redrawReactions(existing, message) : redraw(existing, message, key);
      const again = focused && redrawn.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
      if (state.stickToBottom) scrollToBottom();
      return;
    }
    const fresh = renderMessage(message);
    fresh.dataset.contentKey = key;
    const ts = Number(fresh.dataset.ts);
    const later = Array.from(list.children).find((node) => Number(node.dataset.ts) > ts);
    list.insertBefore(fresh, later || null);
    $('empty-state').hidden = true;
    if (state.stickToBottom || message.user === state.user) scrollToBottom();
  }

  function redraw(existing, message, key) {
    const fresh = renderMessage(message);
    fresh.dataset.contentKey = key;
    existing.replaceWith(fresh);
    return fresh;
  }

  /** Only the reaction row and the proposal buttons' pressed state, so screen readers do not read the message again. */
  function redrawReactions(existing, message) {
    existing.querySelector('.reactions').replaceWith(renderReactions(message));
    for (const button of existing.querySelectorAll('.proposal-actions button[data-reaction]')) {
      button.setAttribute('aria-pressed', String(hasReacted(message, button.dataset.reaction)));
    }
    return existing;
  }

  function rerenderMessages() {
    const list = $('message-list');
    list.setAttribute('aria-busy', 'true');
    for (const message of state.messages.values()) upsertMessage(message);
    list.setAttribute('aria-busy', 'false');
  }

  async function toggleReaction(messageId, name) {
    const message = state.messages.get(messageId);
    const remove = message ? hasReacted(message, name) : false;
    showError($('page-error'), '');
    try {
      await api(remove ? 'DELETE' : 'POST', '/api/console/reactions',
        { message: messageId, user: state.user, reaction: name });
      // The new state arrives as a `reaction` event: the server is the only source of truth.
    } catch (e) {
      showError($('page-error'), `Could not ${remove ? 'remove' : 'add'} the reaction: ${e.message}`);
    }
  }

  // ---------------------------------------------------------------- threads

  async function loadThread(threadId, reset) {
    const seq = ++state.loadSeq;
    const list = $('message-list');
    if (reset) {
      state.messages.clear();
      state.stickToBottom = true;
      list.replaceChildren();
    }
    state.pending = [];
    let notFound = false;
    try {
      const data = await api('GET', `/api/console/threads/${enc(threadId)}`);
      if (seq !== state.loadSeq) return;
      for (const message of (data && data.messages) || []) upsertMessage(message);
    } catch (e) {
      if (seq === state.loadSeq) notFound = e.status === 404;
      if (seq === state.loadSeq && !notFound) showError($('page-error'), `Could not load the thread: ${e.message}`);
    } finally {
      if (seq === state.loadSeq) {
        const replay = state.pending || [];
        state.pending = null;
        replay.forEach(upsertMessage);
        // Messages that arrive as events still fill a thread the server did not know a moment ago.
        if (notFound && state.messages.size === 0) {
          showError($('page-error'), 'This thread was not found in this console.');
        }
        if (reset) {
          state.stickToBottom = true;
          scrollToBottom();
        }
      }
    }
  }

  function openThread(threadId) {
    state.thread = threadId;
    state.unreadThreads.delete(threadId);
    showError($('page-error'), '');
    updateLocation();
    renderThreadList();
    renderHeader();
    $('empty-state').hidden = true;
    return loadThread(threadId, true);
  }

  function closeThread() {
    state.thread = null;
    state.loadSeq++;
    state.pending = null;
    state.messages.clear();
    $('message-list').replaceChildren();
    $('empty-state').hidden = false;
    updateLocation();
    renderThreadList();
    renderHeader();
  }

  function renderHeader() {
    const channel = state.channel ? `#${state.channel}` : 'opsbot console';
    const root = state.threads.find((t) => t.thread === state.thread);
    $('thread-title').textContent = state.thread ? `Thread in ${channel}` : channel;
    $('thread-subtitle').textContent = !state.thread
      ? 'Start a new thread: ask opsbot a question, or type help.'
      : root ? `Started by ${userName(root.user)}` : '';
    $('composer-label').textContent = state.thread ? 'Reply in thread' : `New thread in ${channel}`;
  }

  function renderThreadList() {
    const list = $('thread-list');
    list.replaceChildren();
    for (const thread of state.threads) {
      const item = el('li');
      const button = el('button', 'thread-item');
      button.type = 'button';
      button.dataset.thread = thread.thread;
      if (thread.thread === state.thread) button.setAttribute('aria-current', 'true');
      const meta = el('span', 'thread-meta');
      meta.append(el('span', 'thread-author', userName(thread.user)), timeElement(thread.ts));
      const preview = el('span', 'thread-preview', firstLine(thread.text) || '(no text)');
      button.append(meta, preview);
      if (state.unreadThreads.has(thread.thread)) {
        button.classList.add('unread');
        button.append(el('span', 'visually-hidden', ' (new replies)'));
      }
      button.addEventListener('click', () => openThread(thread.thread));
      item.append(button);
      list.append(item);
    }
    $('thread-list-empty').hidden = state.threads.length > 0;
  }

  function firstLine(text) {
    const line = String(text || '').split('\n').find((l) => l.trim()) || '';
    return line.length > 120 ? `${line.slice(0, 117)}…` : line;
  }

  function rememberThread(summary) {
    const known = state.threads.find((t) => t.thread === summary.thread);
    if (known) {
      Object.assign(known, summary);
    } else {
      state.threads.unshift(summary);
      state.threads.sort((a, b) => millis(b.ts) - millis(a.ts));
    }
  }

  // ---------------------------------------------------------------- channels

  async function loadThreadList() {
    const channel = state.channel;
    const data = await api('GET', `/api/console/channels/${enc(channel)}/threads`);
    if (channel !== state.channel) return;
    state.threads = ((data && data.threads) || []).slice();
    renderThreadList();
    renderHeader();
  }

  function renderChannels() {
    const list = $('channel-list');
    list.replaceChildren();
    for (const name of state.channels) {
      const item = el('li');
      const button = el('button', 'channel-item');
      button.type = 'button';
      button.dataset.channel = name;
      button.append(el('span', 'hash', '#'), el('span', 'channel-name', name));
      if (name === state.channel) button.setAttribute('aria-current', 'true');
      if (state.unreadChannels.has(name)) {
        button.classList.add('unread');
        button.append(el('span', 'visually-hidden', ' (new messages)'));
      }
      button.addEventListener('click', () => selectChannel(name, null));
      item.append(button);
      list.append(item);
    }
  }

  async function selectChannel(name, threadId) {
    if (!state.channels.includes(name)) {
      state.channels.push(name);
    }
    state.channel = name;
    state.unreadChannels.delete(name);
    state.threads = [];
    renderChannels();
    if (threadId) {
      openThread(threadId);
    } else {
      closeThread();
    }
    try {
      await loadThreadList();
    } catch (e) {
      showError($('page-error'), `Could not load the threads of #${name}: ${e.message}`);
    }
  }

  function updateLocation() {
    if (!state.channel) return;
    const hash = `#/${enc(state.channel)}` + (state.thread ? `/${enc(state.thread)}` : '');
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  /**
   * A guarded console is opened once as /?token=...; the server keeps the token in a cookie, so once the API has
   * answered, the token is taken out of the address bar (where screen shares and bookmarks would copy it).
   */
  function forgetTokenInAddressBar() {
    const query = new URLSearchParams(location.search);
    if (!query.has('token')) return;
    query.delete('token');
    const rest = query.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
  }

  function readLocation() {
    const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    return { channel: parts[0] || null, thread: parts[1] || null };
  }

  // ---------------------------------------------------------------- users

  function renderUsers() {
    const select = $('user-select');
    select.replaceChildren();
    for (const user of state.users) {
      const option = el('option', null, user.role ? `${user.name} (${user.role})` : user.name);
      option.value = user.id;
      select.append(option);
    }
    select.value = state.user || '';
  }

  function selectUser(id) {
    state.user = id;
    try {
      localStorage.setItem('opsbot.console.user', id);
    } catch (e) {
      // storage may be disabled; the choice then lasts until reload
    }
    document.body.dataset.user = id || '';
    rerenderMessages();
  }

  // ---------------------------------------------------------------- composer

  async function send(event) {
    if (event) event.preventDefault();
    const textarea = $('composer-text');
    const button = $('composer-send');
    const error = $('composer-error');
    const text = textarea.value;
    if (!text.trim() || button.disabled) return;
    if (!state.channel || !state.user) {
      showError(error, 'Pick a channel and a user first.');
      return;
    }
    const body = { channel: state.channel, user: state.user, text };
    if (state.thread) body.thread = state.thread;
    button.disabled = true;
    showError(error, '');
    try {
      const posted = await api('POST', '/api/console/messages', body);
      textarea.value = '';
      if (posted && posted.thread && posted.thread !== state.thread) {
        rememberThread({ thread: posted.thread, user: state.user, text, ts: new Date().toISOString() });
        await openThread(posted.thread);
      } else if (document.body.dataset.live !== 'true' && state.thread) {
        // No event stream right now: fetch the thread so the sender at least sees their own message.
        loadThread(state.thread, false);
      }
    } catch (e) {
      showError(error, e.message);
    } finally {
      button.disabled = false;
      textarea.focus();
    }
  }

  function onComposerKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  }

  // ---------------------------------------------------------------- live updates

  function setConnection(stateName, label) {
    const status = $('connection-status');
    status.dataset.state = stateName;
    status.textContent = label;
    document.body.dataset.live = String(stateName === 'live');
  }

  function connectEvents() {
    if (state.events) state.events.close();
    const source = new EventSource('/api/console/events');
    state.events = source;
    source.addEventListener('open', () => {
      state.reconnectDelay = 1000;
      setConnection('live', 'Live');
      resync();
    });
    source.addEventListener('message', (event) => handleEvent(event, onMessageEvent));
    source.addEventListener('reaction', (event) => handleEvent(event, onReactionEvent));
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (e.g. the server answered with an error): try again, a little later each time.
        setConnection('offline', 'Offline: reconnecting…');
        const delay = state.reconnectDelay;
        state.reconnectDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
        setTimeout(() => {
          if (state.events === source) connectEvents();
        }, delay);
      } else {
        setConnection('reconnecting', 'Reconnecting…');
      }
    });
  }

  function handleEvent(event, handler) {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (data && data.message) handler(data);
  }

  function onMessageEvent(data) {
    const message = data.message;
    const thread = data.thread || message.thread || message.id;
    if (data.channel && data.channel !== state.channel) {
      if (data.kind === 'created' && !state.unreadChannels.has(data.channel)) {
        state.unreadChannels.add(data.channel);
        if (!state.channels.includes(data.channel)) state.channels.push(data.channel);
        renderChannels();
      }
      return;
    }
    if (message.id === thread) {
      rememberThread({ thread, user: message.user, text: message.text, ts: message.ts });
    }
    if (thread === state.thread) {
      applyToOpenThread(message);
    } else if (data.kind === 'created') {
      state.unreadThreads.add(thread);
    }
    if (message.id === thread || thread !== state.thread) renderThreadList();
  }

  function onReactionEvent(data) {
    const thread = data.thread || data.message.thread;
    if (thread === state.thread) applyToOpenThread(data.message);
  }

  function applyToOpenThread(message) {
    if (state.pending) {
      state.pending.push(message);
    } else {
      upsertMessage(message);
    }
  }

  /** After (re)connecting, fetch what may have been missed while no stream was open. */
  function resync() {
    if (!state.channel) return;
    loadThreadList().catch((e) => showError($('page-error'), `Could not refresh the threads: ${e.message}`));
    if (state.thread) loadThread(state.thread, false);
  }

  // ---------------------------------------------------------------- start

  async function start() {
    $('composer').addEventListener('submit', send);
    $('composer-text').addEventListener('keydown', onComposerKey);
    $('new-thread').addEventListener('click', () => {
      closeThread();
      $('composer-text').focus();
    });
    $('user-select').addEventListener('change', (event) => selectUser(event.target.value));
    $('message-list').addEventListener('scroll', (event) => {
      state.stickToBottom = isNearBottom(event.target);
    }, { passive: true });
    window.addEventListener('hashchange', () => {
      const wanted = readLocation();
      if (wanted.channel && wanted.channel !== state.channel) {
        selectChannel(wanted.channel, wanted.thread);
      } else if (wanted.thread && wanted.thread !== state.thread) {
        openThread(wanted.thread);
      }
    });

    try {
      const [users, channels] = await Promise.all([
        api('GET', '/api/console/users'),
        api('GET', '/api/console/channels'),
      ]);
      state.users = ((users && users.users) || []).filter((u) => u.id !== BOT_USER);
      state.users.forEach((u) => state.usersById.set(u.id, u));
      state.channels = ((channels && channels.channels) || []).slice();
    } catch (e) {
      showError($('page-error'), `Could not start the console: ${e.message}`);
      return;
    }
    let saved = null;
    try {
      saved = localStorage.getItem('opsbot.console.user');
    } catch (e) {
      saved = null;
    }
    state.user = state.usersById.has(saved) ? saved : state.users.length ? state.users[0].id : null;
    renderUsers();
    selectUser(state.user);

    const wanted = readLocation();
    const channel = wanted.channel || state.channels[0];
    if (channel) {
      await selectChannel(channel, wanted.thread);
    } else {
      renderChannels();
      renderHeader();
    }
    forgetTokenInAddressBar();
    connectEvents();
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
