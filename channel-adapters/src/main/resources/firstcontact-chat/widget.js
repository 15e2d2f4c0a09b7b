// FirstContact web chat widget. A council page embeds it with
//   <script src="https://contact.council.example/chat/widget.js" defer></script>
// (optional: data-title="Chat with Harrow Council"). It draws itself in a shadow root, so the page's styles and its
// own never mix, writes every text it shows as text (never as markup), and talks to the server it was loaded from.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || window.__firstContactChat) return;
  window.__firstContactChat = true;

  const base = new URL(script.src).origin;
  const title = script.dataset.title || 'Chat with the council';
  const storeKey = 'firstcontact-chat:' + base;
  const wsBase = base.replace(/^http/, 'ws');

  // ------------------------------------------------------------------ state

  const state = {
    setup: null,
    session: null, // {sessionId, token}
    lastSeq: 0,
    seen: new Set(),
    outbox: new Map(), // clientId -> frame, until acknowledged
    phase: null,
    canContinue: false,
    question: null,
    standing: null,
    socket: null,
    connected: false,
    retries: 0,
    typingSent: false,
    typingTimer: null,
    open: false,
  };

  function save() {
    try {
      if (state.session) {
        localStorage.setItem(storeKey, JSON.stringify({ ...state.session, lastSeq: state.lastSeq, open: state.open }));
      } else {
        localStorage.removeItem(storeKey);
      }
    } catch {
      // storage may be disabled: the chat works, it just cannot be resumed after the page is closed
    }
  }

  function load() {
    try {
      const s = JSON.parse(localStorage.getItem(storeKey) || 'null');
      if (s && typeof s.sessionId === 'string' && typeof s.token === 'string') return s;
    } catch {
      // nothing kept
    }
    return null;
  }

  // ------------------------------------------------------------------ drawing

  const host = document.createElement('div');
  host.className = 'firstcontact-chat';
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `
    :host { all: initial; }
    * { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    .launcher { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000; min-height: 44px; padding: 0.7rem 1.1rem;
      border: 2px solid #0b0c0c; border-radius: 2rem; background: #1d4e89; color: #fff; font-size: 1rem; font-weight: 600;
      cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
    .launcher:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible {
      outline: 3px solid #ffbf47; outline-offset: 2px; }
    .panel { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483001; width: 24rem; max-width: calc(100vw - 2rem);
      height: 36rem; max-height: calc(100vh - 2rem); display: flex; flex-direction: column; background: #fff; color: #0b0c0c;
      border: 2px solid #0b0c0c; border-radius: 0.5rem; box-shadow: 0 4px 16px rgba(0,0,0,.35); font-size: 1rem; }
    .panel[hidden], [hidden] { display: none !important; }
    @media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100%; max-height: 100%; border-radius: 0; } }
    header { display: flex; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.5rem 0.75rem;
      background: #1d4e89; color: #fff; border-radius: 0.35rem 0.35rem 0 0; }
    h2 { margin: 0; font-size: 1.1rem; }
    header button { min-width: 44px; min-height: 44px; background: transparent; color: #fff; border: 2px solid #fff; border-radius: 0.3rem; font-size: 1rem; cursor: pointer; }
    .status { margin: 0; padding: 0.4rem 0.75rem; background: #f3f2f1; border-bottom: 1px solid #b1b4b6; font-size: 0.95rem; min-height: 1.6rem; }
    .status.down { background: #fff7bf; }
    form.prechat { padding: 0.75rem; overflow-y: auto; }
    label { display: block; font-weight: 600; margin: 0.6rem 0 0.2rem; }
    .hint { display: block; font-weight: 400; color: #505a5f; font-size: 0.9rem; }
    input, select, textarea { width: 100%; min-height: 44px; padding: 0.4rem; font-size: 1rem; border: 2px solid #0b0c0c; border-radius: 0.2rem; color: #0b0c0c; background: #fff; }
    input[aria-invalid="true"], select[aria-invalid="true"] { border-color: #d4351c; }
    .error { color: #d4351c; font-weight: 600; margin: 0.3rem 0 0; min-height: 1.2em; }
    button.primary, button.secondary { min-height: 44px; padding: 0.4rem 0.9rem; font-size: 1rem; border-radius: 0.2rem; cursor: pointer; }
    button.primary { background: #00703c; color: #fff; border: 2px solid #00703c; font-weight: 600; }
    button.secondary { background: #fff; color: #0b0c0c; border: 2px solid #0b0c0c; }
    button:disabled { opacity: 0.6; cursor: not-allowed; }
    .log { flex: 1; overflow-y: auto; padding: 0.5rem 0.75rem; margin: 0; }
    .log ol { list-style: none; margin: 0; padding: 0; }
    .log li { margin: 0.35rem 0; padding: 0.4rem 0.6rem; border-radius: 0.5rem; max-width: 88%; white-space: pre-wrap; overflow-wrap: anywhere; }
    .log li .who { display: block; font-size: 0.8rem; font-weight: 700; color: #505a5f; }
    .log li.RESIDENT { margin-left: auto; background: #d2e2f1; }
    .log li.ADVISOR, .log li.SUPERVISOR { background: #e8f1e8; }
    .log li.ASSISTANT { background: #f3f2f1; }
    .log li.CENTRE { max-width: 100%; background: transparent; color: #505a5f; font-style: italic; text-align: center; }
    .log a { color: #1d4e89; text-decoration: underline; }
    .options { display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0 0.75rem; }
    .typing { margin: 0; padding: 0 0.75rem; min-height: 1.3rem; font-size: 0.9rem; color: #505a5f; }
    form.compose { display: flex; gap: 0.4rem; padding: 0.5rem 0.75rem; border-top: 1px solid #b1b4b6; align-items: flex-end; }
    form.compose label { margin: 0; }
    form.compose .field { flex: 1; }
    .tools { display: flex; flex-wrap: wrap; gap: 0.35rem; padding: 0 0.75rem 0.6rem; }
    .tools button { min-height: 36px; font-size: 0.9rem; padding: 0.2rem 0.6rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;
  root.appendChild(style);

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c) e.appendChild(c);
    return e;
  }

  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'fc-chat-panel', text: title });
  const heading = el('h2', { id: 'fc-chat-title', text: title });
  const minimise = el('button', { type: 'button', 'aria-label': 'Minimise the chat', text: '–' });
  const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const prechat = el('form', { class: 'prechat', novalidate: true, 'aria-labelledby': 'fc-chat-title' });
  // The log region holds the list (a list given the log role would lose its list semantics).
  const entries = el('ol', { 'aria-label': 'Messages' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' }, entries);
  const options = el('div', { class: 'options', role: 'group', 'aria-label': 'Quick answers' });
  const typing = el('p', { class: 'typing', 'aria-live': 'polite' });
  const input = el('input', { id: 'fc-chat-message', name: 'message', autocomplete: 'off', 'aria-describedby': 'fc-chat-message-error' });
  const inputLabel = el('label', { for: 'fc-chat-message', class: 'visually-hidden', text: 'Your message' });
  const inputError = el('p', { id: 'fc-chat-message-error', class: 'error', role: 'alert' });
  const send = el('button', { type: 'submit', class: 'primary', text: 'Send' });
  const compose = el('form', { class: 'compose', 'aria-label': 'Write a message' },
    el('div', { class: 'field' }, inputLabel, input, inputError), send);
  const fileInput = el('input', { type: 'file', class: 'visually-hidden', id: 'fc-chat-file', tabindex: '-1', 'aria-hidden': 'true' });
  const attach = el('button', { type: 'button', class: 'secondary', text: 'Send a file' });
  const emailIt = el('button', { type: 'button', class: 'secondary', text: 'Email me the transcript' });
  const textLink = el('button', { type: 'button', class: 'secondary', text: 'Text me the link', hidden: true });
  const carryOn = el('button', { type: 'button', class: 'primary', text: 'Carry on chatting', hidden: true });
  const leave = el('button', { type: 'button', class: 'secondary', text: 'End chat' });
  const startOver = el('button', { type: 'button', class: 'secondary', text: 'Start a new chat', hidden: true });
  const tools = el('div', { class: 'tools', role: 'group', 'aria-label': 'Chat actions' }, attach, emailIt, textLink, carryOn, leave, startOver, fileInput);
  const conversation = el('div', { hidden: true, style: 'display:flex;flex-direction:column;flex:1;min-height:0' }, log, options, typing, compose, tools);
  const panel = el('section', { class: 'panel', id: 'fc-chat-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'fc-chat-title', hidden: true },
    el('header', {}, heading, minimise), status, prechat, conversation);
  root.append(launcher, panel);

  function setStatus(text, down = false) {
    status.textContent = text;
    status.classList.toggle('down', down);
  }

  function linkified(text) {
    const frag = document.createDocumentFragment();
    const re = /https?:\/\/[^\s<>"]+/g;
    let last = 0;
    for (const m of text.matchAll(re)) {
      frag.appendChild(document.createTextNode(text.slice(last, m.index)));
      let url;
      try {
        url = new URL(m[0]);
      } catch {
        url = null;
      }
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        frag.appendChild(el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', text: m[0] }));
      } else {
        frag.appendChild(document.createTextNode(m[0]));
      }
      last = m.index + m[0].length;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }

  const WHO = { RESIDENT: 'You', ASSISTANT: 'Assistant', CENTRE: '' };

  function addEntry(e) {
    if (state.seen.has(e.seq)) return;
    state.seen.add(e.seq);
    state.lastSeq = Math.max(state.lastSeq, e.seq);
    // A supervisor who joined is marked as one, whatever their name.
    const who = e.role in WHO ? WHO[e.role]
      : e.role === 'SUPERVISOR' ? (e.name ? `${e.name} (supervisor)` : 'Supervisor')
      : e.name || 'Advisor';
    const li = el('li', { class: e.role, 'data-seq': String(e.seq) });
    if (who) li.appendChild(el('span', { class: 'who', text: who }));
    li.appendChild(linkified(e.text));
    // keep the order of seq whatever order the entries arrive in
    const after = [...entries.children].find((c) => Number(c.dataset.seq) > e.seq);
    entries.insertBefore(li, after || null);
    log.scrollTop = log.scrollHeight;
    save();
  }

  function drawQuestion() {
    options.replaceChildren();
    const q = state.phase === 'SELF_SERVICE' ? state.question : null;
    input.type = q && q.sensitive ? 'password' : 'text';
    inputLabel.textContent = q && q.sensitive ? 'Card details (hidden as you type, never kept)' : 'Your message';
    if (q && q.options && q.options.length && !q.sensitive) {
      for (const o of q.options) {
        options.appendChild(el('button', { type: 'button', class: 'secondary', text: o, 'aria-label': `Answer ${o}`, onclick: () => say(o) }));
      }
    }
  }

  function drawPhase() {
    const ended = state.phase === 'ENDED';
    input.disabled = ended;
    send.disabled = ended;
    attach.disabled = ended;
    leave.hidden = ended;
    carryOn.hidden = !(ended && state.canContinue);
    startOver.hidden = !ended;
    drawQuestion();
    drawStatus();
  }

  function minutes(seconds) {
    if (seconds < 60) return 'under a minute';
    const m = Math.round(seconds / 60);
    return m === 1 ? 'about 1 minute' : `about ${m} minutes`;
  }

  function drawStatus() {
    if (!state.connected && state.session) {
      setStatus('Connection lost — reconnecting…', true);
      return;
    }
    switch (state.phase) {
      case 'SELF_SERVICE':
        setStatus('Our assistant can help straight away.');
        break;
      case 'WAITING':
        setStatus('Finding you an advisor…');
        break;
      case 'QUEUED': {
        const s = state.standing;
        if (!s) setStatus('You are in the queue.');
        else if (s.expectedWaitSeconds >= 0) setStatus(`You are number ${s.position} in the queue. Expected wait: ${minutes(s.expectedWaitSeconds)}.`);
        else setStatus(`You are number ${s.position} in the queue.`);
        break;
      }
      case 'CONNECTED':
        setStatus('You are chatting with an advisor.');
        break;
      case 'ENDED':
        setStatus(state.canContinue ? 'The chat has ended. You can carry on for a while.' : 'The chat has ended.');
        break;
      default:
        setStatus('Connecting…');
    }
  }

  // ------------------------------------------------------------------ the connection

  function connect() {
    if (!state.session) return;
    const ws = new WebSocket(`${wsBase}/chat/socket`);
    state.socket = ws;
    ws.addEventListener('open', () => {
      ws.send(JSON.stringify({ type: 'hello', sessionId: state.session.sessionId, token: state.session.token, after: state.lastSeq }));
    });
    ws.addEventListener('message', (m) => {
      let f;
      try {
        f = JSON.parse(m.data);
      } catch {
        return;
      }
      receive(f);
    });
    ws.addEventListener('close', (e) => {
      if (state.socket !== ws) return;
      state.connected = false;
      state.socket = null;
      if (e.reason === 'unknown chat') {
        forgetChat('This chat has ended. You can start a new one.');
        return;
      }
      if (e.reason === 'opened elsewhere') {
        setStatus('This chat is open in another window.', true);
        return;
      }
      drawStatus();
      const delay = state.retries === 0 ? 0 : Math.min(10000, 500 * 2 ** state.retries);
      state.retries++;
      setTimeout(connect, delay);
    });
  }

  function receive(f) {
    switch (f.type) {
      case 'welcome':
        state.connected = true;
        state.retries = 0;
        state.phase = f.phase;
        for (const frame of state.outbox.values()) state.socket.send(JSON.stringify(frame)); // resend what was not acknowledged
        drawPhase();
        break;
      case 'entry':
        addEntry(f);
        break;
      case 'ack':
        state.outbox.delete(f.id);
        break;
      case 'state':
        state.phase = f.phase;
        state.canContinue = !!f.canContinue;
        if (f.phase !== 'QUEUED') state.standing = null;
        drawPhase();
        break;
      case 'question':
        state.question = f.kind ? f : null;
        drawQuestion();
        break;
      case 'standing':
        state.standing = f;
        drawStatus();
        break;
      case 'offer-link':
        textLink.hidden = false;
        break;
      case 'typing':
        typing.textContent = f.on ? `${f.name || 'The advisor'} is typing…` : '';
        break;
      case 'error':
        if (f.id) state.outbox.delete(f.id);
        inputError.textContent = f.message || 'Something went wrong.';
        if (f.code === 'rate-limited' && f.id) inputError.textContent += ' Your message was not sent.';
        break;
    }
  }

  function frame(f) {
    if (state.socket && state.connected) state.socket.send(JSON.stringify(f));
  }

  function newId() {
    const a = new Uint8Array(12);
    crypto.getRandomValues(a);
    return 'm' + Array.from(a, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function say(text) {
    const t = text.trim();
    if (!t) return;
    const max = state.setup ? state.setup.maxMessageChars : 2000;
    if (t.length > max) {
      inputError.textContent = `A message is at most ${max} characters.`;
      return;
    }
    inputError.textContent = '';
    const f = { type: 'say', id: newId(), text: t };
    state.outbox.set(f.id, f);
    frame(f);
    stopTyping();
  }

  function stopTyping() {
    clearTimeout(state.typingTimer);
    if (state.typingSent) frame({ type: 'typing', on: false });
    state.typingSent = false;
  }

  // ------------------------------------------------------------------ the pre-chat form

  async function setup() {
    if (state.setup) return state.setup;
    const r = await fetch(`${base}/chat/api/setup`, { credentials: 'omit' });
    if (!r.ok) throw new Error('setup');
    state.setup = await r.json();
    return state.setup;
  }

  function field(id, labelText, hint, control) {
    const error = el('p', { id: `${id}-error`, class: 'error' });
    control.id = id;
    control.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
    return {
      error,
      control,
      node: el('div', {}, el('label', { for: id, text: labelText }, el('span', { class: 'hint', id: `${id}-hint`, text: hint })), control, error),
    };
  }

  async function drawPrechat() {
    prechat.replaceChildren(el('p', { text: 'Loading…' }));
    let s;
    try {
      s = await setup();
    } catch {
      prechat.replaceChildren(el('p', { class: 'error', role: 'alert', text: 'The chat is not available just now. Please try again later.' }));
      return;
    }
    const name = field('fc-name', 'Your name', 'So the advisor knows what to call you.', el('input', { name: 'name', autocomplete: 'name', maxlength: '80', required: true }));
    const contact = field('fc-contact', 'Email or phone number', 'In case we are cut off, or you want the transcript.', el('input', { name: 'contact', autocomplete: 'email', maxlength: '120', required: true }));
    const topic = el('select', { name: 'topic', required: true });
    topic.appendChild(el('option', { value: '', text: 'Choose…' }));
    for (const t of s.topics) topic.appendChild(el('option', { value: t.id, text: t.label }));
    const topicField = field('fc-topic', 'What is it about?', 'Choose the closest.', topic);
    const formError = el('p', { class: 'error', role: 'alert' });
    const start = el('button', { type: 'submit', class: 'primary', text: 'Start chat' });
    prechat.replaceChildren(
      el('p', { text: 'Ask us anything about council services. Please do not type card details unless our assistant asks for them.' }),
      name.node, contact.node, topicField.node, formError, start);
    prechat.onsubmit = async (e) => {
      e.preventDefault();
      let bad = null;
      for (const [f, ok, message] of [
        [name, name.control.value.trim().length > 0, 'Enter your name'],
        [contact, contact.control.value.trim().length > 0, 'Enter an email address or a phone number'],
        [topicField, topic.value !== '', 'Choose what your chat is about'],
      ]) {
        f.error.textContent = ok ? '' : message;
        f.control.setAttribute('aria-invalid', ok ? 'false' : 'true');
        if (!ok && !bad) bad = f.control;
      }
      if (bad) {
        bad.focus();
        return;
      }
      start.disabled = true;
      formError.textContent = '';
      try {
        const r = await fetch(`${base}/chat/api/sessions`, {
          method: 'POST',
          credentials: 'omit',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: name.control.value.trim(), contact: contact.control.value.trim(), topic: topic.value }),
        });
        const body = await r.json().catch(() => ({}));
        if (!r.ok) {
          formError.textContent = body.detail ? body.detail.charAt(0).toUpperCase() + body.detail.slice(1) + '.' : 'The chat could not start. Please try again.';
          start.disabled = false;
          return;
        }
        begin({ sessionId: body.sessionId, token: body.token });
      } catch {
        formError.textContent = 'The chat could not start. Please check your connection and try again.';
        start.disabled = false;
      }
    };
  }

  function begin(session) {
    state.session = session;
    state.lastSeq = session.lastSeq || 0;
    state.seen.clear();
    entries.replaceChildren();
    prechat.hidden = true;
    conversation.hidden = false;
    save();
    connect();
    input.focus();
  }

  function forgetChat(message) {
    state.session = null;
    state.phase = null;
    state.outbox.clear();
    save();
    conversation.hidden = true;
    prechat.hidden = false;
    drawPrechat();
    setStatus(message || '');
  }

  // ------------------------------------------------------------------ events

  function openPanel() {
    state.open = true;
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute('aria-expanded', 'true');
    save();
    if (!state.session) {
      drawPrechat().then(() => prechat.querySelector('input')?.focus());
    } else {
      input.focus();
    }
  }

  function closePanel() {
    state.open = false;
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute('aria-expanded', 'false');
    save();
    launcher.focus();
  }

  launcher.addEventListener('click', openPanel);
  minimise.addEventListener('click', closePanel);
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closePanel();
  });
  compose.addEventListener('submit', (e) => {
    e.preventDefault();
    say(input.value);
    input.value = '';
  });
  input.addEventListener('input', () => {
    if (state.phase !== 'CONNECTED') return;
    if (!state.typingSent) {
      frame({ type: 'typing', on: true });
      state.typingSent = true;
    }
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(stopTyping, 3000);
  });
  leave.addEventListener('click', () => frame({ type: 'leave' }));
  carryOn.addEventListener('click', () => frame({ type: 'continue' }));
  startOver.addEventListener('click', () => forgetChat(''));
  emailIt.addEventListener('click', () => {
    const to = window.prompt('Send the transcript to this email address:');
    if (to) frame({ type: 'email-transcript', to: to.trim() });
  });
  textLink.addEventListener('click', () => frame({ type: 'text-link' }));
  attach.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files[0];
    fileInput.value = '';
    if (!file || !state.session) return;
    const max = state.setup ? state.setup.maxUploadBytes : 5 * 1024 * 1024;
    if (file.size > max) {
      inputError.textContent = `The file is too large: at most ${Math.floor(max / 1024 / 1024)} MB.`;
      return;
    }
    const r = await fetch(`${base}/chat/api/files`, {
      method: 'POST',
      credentials: 'omit',
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'X-Chat-Session': state.session.sessionId,
        'X-Chat-Token': state.session.token,
        'X-Filename': encodeURIComponent(file.name),
      },
      body: file,
    }).catch(() => null);
    if (!r || !r.ok) {
      const body = r ? await r.json().catch(() => ({})) : {};
      inputError.textContent = body.detail ? `The file was not sent: ${body.detail}.` : 'The file was not sent.';
    }
  });

  // ------------------------------------------------------------------ start

  function mount() {
    document.body.appendChild(host);
    const kept = load();
    if (kept) {
      setup().catch(() => {});
      prechat.hidden = true;
      conversation.hidden = false;
      state.session = { sessionId: kept.sessionId, token: kept.token };
      state.lastSeq = 0; // the whole conversation is drawn again from the server
      connect();
      if (kept.open) openPanel();
      else launcher.textContent = 'Continue your chat';
    }
  }

  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // For tests and for pages that want their own button.
  window.FirstContactChat = { open: openPanel, close: closePanel };
})();
