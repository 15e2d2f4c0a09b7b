// A written conversation: the transcript (merged by seq from the first read and the pushes, so a reconnect loses
// nothing and shows nothing twice), the resident's typing, and the reply box. The desk shows one in each work card of a
// written channel; the supervisor view shows the chat its supervisor joined (see configure). Every value is written as
// text by lit-html, never as markup.
import { html, nothing } from '/lib/lit-html/lit-html.js';
import { repeat } from '/lib/lit-html/directives/repeat.js';
import { call } from './staff.js';

const chats = new Map(); // interactionId -> {entries: Map(seq -> entry), loading, typing, draft, error, open}
let redraw = () => {};

// Whose page this is. The desk's by default: the advisor writes, says they are typing and downloads attachments, at
// /desk/api/work/{assignmentId}/….
let side = {
  me: 'ADVISOR',
  base: (w) => `/desk/api/work/${encodeURIComponent(w.assignmentId)}`,
  typing: true,
  attachments: true,
  reply: 'Reply',
  send: 'Send',
  words: {},
};

/** Another page than the desk: its writer's role, its routes' base for a card, what it offers and its labels. */
export function configure(s) {
  side = { ...side, ...s };
}

// A card's own name on the page: the desk's assignment, else the interaction.
function key(w) {
  return w.assignmentId ?? w.interactionId;
}

/** The desk's draw function, called after every change here. */
export function onChange(draw) {
  redraw = draw;
}

function chat(id) {
  if (!chats.has(id)) chats.set(id, { entries: new Map(), loading: false, loaded: false, typing: false, draft: '', error: '', open: true, typingSent: 0 });
  return chats.get(id);
}

function merge(c, entry) {
  c.entries.set(entry.seq, entry);
}

async function load(w) {
  const c = chat(w.interactionId);
  if (c.loading) return;
  c.loading = true;
  try {
    const t = await call('GET', `${side.base(w)}/conversation`);
    t.entries.forEach((e) => merge(c, e));
    c.open = t.open && !c.ended; // a read that left before the end was pushed does not open it again
    c.error = '';
  } catch (e) {
    if (e.message.includes('no written conversation')) c.none = true; // the demo's simulated contacts have none
    else c.error = e.message;
  } finally {
    c.loading = false;
    c.loaded = true;
    redraw();
  }
}

/** The push connection came back: every transcript is read again (and merged) to fill what was missed. */
export function reconnected() {
  for (const c of chats.values()) c.loaded = false;
}

/** The cards shown changed (the desk's work, the chat joined): conversations no longer shown are forgotten. */
export function held(work) {
  const ids = new Set(work.map((w) => w.interactionId));
  for (const id of [...chats.keys()]) if (!ids.has(id)) chats.delete(id);
}

/** A push message about a conversation; true when it was one. */
export function received(m) {
  if (m.type === 'conversation') {
    const c = chat(m.interactionId);
    merge(c, m.entry);
    if (m.entry.role === 'RESIDENT') c.typing = false;
    if (m.entry.role !== side.me) announceNew(m.entry);
    redraw();
    scrollDown(m.interactionId);
    return true;
  }
  if (m.type === 'conversation-ended') {
    const c = chat(m.interactionId);
    Object.assign(c, { ended: true, open: false, typing: false });
    redraw();
    return true;
  }
  if (m.type === 'typing') {
    chat(m.interactionId).typing = m.on;
    redraw();
    return true;
  }
  return false;
}

function announceNew(entry) {
  const a = document.getElementById('announcer');
  if (a) a.textContent = `${author(entry)}: ${entry.text}`;
}

function scrollDown(interactionId) {
  requestAnimationFrame(() => {
    const el = document.querySelector(`.transcript[data-interaction="${CSS.escape(interactionId)}"]`);
    if (el) el.scrollTop = el.scrollHeight;
  });
}

function who(role) {
  const words = { RESIDENT: 'Resident', ADVISOR: 'You', SUPERVISOR: 'Supervisor', ASSISTANT: 'Assistant', CENTRE: 'Centre', ...side.words };
  return words[role] ?? role;
}

// Who wrote an entry: a supervisor who joined is marked as one beside their name.
function author(e) {
  if (e.role === 'SUPERVISOR') return e.name ? `${e.name} (supervisor)` : who(e.role);
  return e.name ?? who(e.role);
}

function clientId() {
  return 'd' + crypto.getRandomValues(new Uint32Array(2)).join('-');
}

async function send(w, form) {
  const c = chat(w.interactionId);
  const text = c.draft.trim();
  if (!text) return;
  const id = c.pendingId ?? clientId();
  c.pendingId = id; // a retry after a failure resends under the same id: the server keeps it once
  try {
    const e = await call('POST', `${side.base(w)}/messages`, { clientId: id, text });
    merge(c, e);
    c.draft = '';
    c.pendingId = undefined;
    c.error = '';
    form.querySelector('textarea').value = '';
    scrollDown(w.interactionId);
  } catch (err) {
    c.error = err.message.charAt(0).toUpperCase() + err.message.slice(1) + '.';
  }
  redraw();
}

function typed(w, value) {
  const c = chat(w.interactionId);
  c.draft = value;
  c.pendingId = undefined;
  const now = Date.now();
  if (side.typing && w.channel === 'chat' && value && now - c.typingSent > 3000) { // an email's reader sees no typing
    c.typingSent = now;
    call('POST', `${side.base(w)}/typing`, { on: true }).catch(() => {});
  }
}

function entryView(w, e) {
  const mine = e.role === side.me;
  const time = new Date(e.at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return html`<li class="entry ${e.role.toLowerCase()} ${mine ? 'mine' : ''}">
    <span class="who">${author(e)}</span> <time datetime=${new Date(e.at).toISOString()}>${time}</time>
    ${e.subject ? html`<p class="subject">Subject: ${e.subject}</p>` : nothing}
    <p>${e.text}</p>
    ${e.attachments.length
      ? html`<ul class="files">${e.attachments.map((a) => html`<li>${side.attachments
          ? html`<a href="${side.base(w)}/attachments/${encodeURIComponent(a.id)}"
              download=${a.filename}>Download ${a.filename} (${Math.ceil(a.size / 1024)} KB)</a>`
          : html`${a.filename} (${Math.ceil(a.size / 1024)} KB)`}</li>`)}</ul>`
      : nothing}
  </li>`;
}

// In a chat Enter sends (Shift+Enter starts a new line); an email is written in lines and paragraphs, so there Enter
// starts a new line and only the Send button sends.
function enterSends(w, e) {
  return w.channel === 'chat' && e.key === 'Enter' && !e.shiftKey;
}

/** The conversation of a card (a written channel's work, a joined chat): transcript and, while live, the reply box. */
export function chatPanel(w, inWrapUp) {
  const c = chat(w.interactionId);
  if (!c.loaded && !c.loading) load(w);
  if (c.none) return html`<p class="muted">No conversation is kept for this ${w.channel} (a simulated contact).</p>`;
  const entries = [...c.entries.values()].sort((a, b) => a.seq - b.seq);
  const live = !inWrapUp && !w.interactionEnded && c.open;
  const boxId = `reply-${key(w)}`;
  return html`<section class="conversation" aria-label="Conversation">
    <ol class="transcript" data-interaction=${w.interactionId} tabindex="0" aria-label="Transcript">
      ${entries.length === 0 ? html`<li class="muted">${c.loading ? 'Loading the conversation…' : 'No messages yet.'}</li>` : nothing}
      ${repeat(entries, (e) => e.seq, (e) => entryView(w, e))}
    </ol>
    <p class="typing muted" aria-live="polite">${c.typing ? 'The resident is typing…' : ''}</p>
    ${live
      ? html`<form class="reply" @submit=${(e) => { e.preventDefault(); send(w, e.target); }}>
          <label for=${boxId}>${side.reply}</label>
          <textarea id=${boxId} rows="2" maxlength="8000" .value=${c.draft}
            @input=${(e) => typed(w, e.target.value)}
            @keydown=${(e) => { if (enterSends(w, e)) { e.preventDefault(); send(w, e.target.form); } }}></textarea>
          <button type="submit" class="send">${side.send}</button>
        </form>`
      : nothing}
    ${!c.open && w.channel === 'chat' ? html`<p class="muted ended">The chat has ended.</p>` : nothing}
    ${c.error ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
  </section>`;
}
