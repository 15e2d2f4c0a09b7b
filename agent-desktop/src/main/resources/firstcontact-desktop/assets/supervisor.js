// The supervisor view: act on advisors and queues, find a contact and read its decision trace in words, join calls,
// read the audit trail. Advisors and queues stay live through the board's push (board.js), and so does a chat the
// supervisor joined (shown by the desk's chat panel, chat-panel.js); actions go over HTTP and are audited by the server.
import { html, render, nothing } from '/lib/lit-html/lit-html.js';
import { repeat } from '/lib/lit-html/directives/repeat.js';
import { session, call, signOut, signInUrl } from './staff.js';
import { board, connectBoard, secondsSince, clock, spoken, STATE_WORDS } from './board.js';
import * as chats from './chat-panel.js';

chats.configure({
  me: 'SUPERVISOR',
  base: (w) => `/supervisor/api/contacts/${encodeURIComponent(w.interactionId)}/chat`,
  typing: false,
  attachments: false,
  reply: 'Write to the resident (shown to them and the advisor as from a supervisor)',
  send: 'Send to the resident',
  words: { ADVISOR: 'Advisor' },
});

const app = {
  setup: null,
  selected: '', // agentId acted on
  contacts: null, // the last search's results
  filter: { state: 'live', queue: '' },
  story: null, // the contact whose trace is open
  audit: [],
  ivr: null, // {unavailable, calendars}
  message: { text: '', error: false },
  device: '',
  exportRange: { from: localDate(), to: localDate(), queue: '', channel: '' }, // '' = every queue / channel
  joined: null, // the chat joined, as the chat panel's card: {interactionId, channel}
};

function localDate() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function announce(text) {
  document.getElementById('announcer').textContent = text;
}

function say(text, error = false) {
  app.message = { text, error };
  if (!error) announce(text);
  draw();
}

async function act(method, path, body, done) {
  try {
    const r = await call(method, path, body);
    say(done);
    loadAudit();
    return r ?? true;
  } catch (e) {
    say(e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.', true);
    return undefined;
  }
}

const enc = encodeURIComponent;

function advisorName(id) {
  return board.advisors.get(id)?.name ?? id;
}

// ------------------------------------------------------------------ actions

function presence(presence, force = false) {
  const id = app.selected;
  if (!id) {
    say('Choose an advisor first.', true);
    return;
  }
  const reason = presence === 'NOT_READY' ? document.getElementById('reason').value : null;
  const words = presence === 'READY' ? 'ready'
    : presence === 'NOT_READY' ? `not ready (${reason})`
    : force ? 'logged out now' : 'logged out once their work ends';
  act('POST', `/supervisor/api/advisors/${enc(id)}/presence`, { presence, reason, force },
    `${advisorName(id)}: ${words}.`);
}

function moveProfile() {
  const id = app.selected;
  const profile = document.getElementById('profile').value;
  if (!id) {
    say('Choose an advisor first.', true);
    return;
  }
  act('POST', `/supervisor/api/advisors/${enc(id)}/routing-profile`, { routingProfile: profile },
    `${advisorName(id)} now takes the queues of ${profile}.`);
}

function queue(q, open) {
  act('POST', `/supervisor/api/queues/${enc(q)}/${open ? 'open' : 'close'}`, {}, `${q} ${open ? 'opened' : 'closed'}.`);
}

function manage(agentId) {
  app.selected = agentId;
  draw();
  document.getElementById('advisor').focus();
}

async function findContacts(e) {
  e?.preventDefault();
  const q = new URLSearchParams({ state: app.filter.state });
  if (app.filter.queue) q.set('queue', app.filter.queue);
  try {
    app.contacts = (await call('GET', `/supervisor/api/contacts?${q}`)).items;
    announce(`${app.contacts.length} contacts found.`);
  } catch (err) {
    say(err.message, true);
  }
  draw();
}

async function openStory(id) {
  try {
    app.story = await call('GET', `/supervisor/api/contacts/${enc(id)}/story`);
    draw();
    document.getElementById('story-heading')?.focus();
  } catch (err) {
    say(err.message, true);
  }
}

async function supervise(mode) {
  const c = app.story;
  const device = document.getElementById('supervise-device').value.trim();
  app.device = device;
  await act('POST', `/supervisor/api/contacts/${enc(c.interactionId)}/supervise`, { mode, device },
    `Your phone ${device} is ringing to ${mode.toLowerCase()} on the call.`);
}

async function chat(move) {
  const c = app.story;
  const done = await act('POST', `/supervisor/api/contacts/${enc(c.interactionId)}/chat/${move}`, {},
    move === 'join' ? 'You have joined the chat.' : 'Done.');
  if (done !== undefined && move === 'join') app.joined = { interactionId: c.interactionId, channel: 'chat' };
  if (move === 'take-over') app.joined = null;
  chats.held(app.joined ? [app.joined] : []);
  draw();
}

// A message of the push about a chat: only the one shown is kept (the server pushes every chat this supervisor joined).
function chatPushed(m) {
  if (app.joined?.interactionId === m.interactionId) chats.received(m);
}

async function loadCalendars() {
  try {
    app.ivr = await call('GET', '/supervisor/api/ivr/calendars');
  } catch {
    // shown as it was
  }
  draw();
}

async function emergency(calendar, close) {
  const r = await act('POST', `/supervisor/api/ivr/calendars/${enc(calendar)}/${close ? 'close' : 'open'}`, {},
    close ? `${calendar} closed for an emergency: callers hear its emergency message.` : `${calendar} open again by its hours.`);
  if (r !== undefined) loadCalendars();
}

async function loadAudit() {
  try {
    app.audit = (await call('GET', '/supervisor/api/audit?limit=100')).items;
  } catch {
    // shown as it was
  }
  draw();
}

// ------------------------------------------------------------------ rendering

function header() {
  return html`<header class="desk-bar">
    <h1>FirstContact supervisor</h1>
    <p class="who">${app.setup.name}</p>
    <p class="connection ${board.connection === 'up' ? '' : 'down'}" role="status">
      ${board.connection === 'up' ? 'Live' : board.connection === 'down' ? 'Reconnecting…' : 'Connecting…'}</p>
    <div class="actions">
      <a href="/supervisor/wallboard" role="button" class="secondary outline">Wallboard</a>
      <button type="button" class="secondary outline" @click=${() => signOut(false)}>Sign out</button>
    </div>
  </header>`;
}

function actPanel() {
  const advisors = [...board.advisors.values()].sort((a, b) => a.name.localeCompare(b.name));
  const chosen = board.advisors.get(app.selected);
  return html`<section aria-labelledby="act-heading">
    <h2 id="act-heading" tabindex="-1">Act on an advisor</h2>
    <div class="sv-actions">
      <label for="advisor">Advisor
        <select id="advisor" @change=${(e) => { app.selected = e.target.value; draw(); }}>
          <option value="" ?selected=${!app.selected}>Choose…</option>
          ${advisors.map((a) => html`<option value=${a.agentId} ?selected=${a.agentId === app.selected}>${a.name}</option>`)}
        </select></label>
      <button type="button" @click=${() => presence('READY')}>Make ready</button>
      <label for="reason">Reason
        <select id="reason">${app.setup.notReadyReasons.map((r) => html`<option value=${r}>${r}</option>`)}</select></label>
      <button type="button" class="secondary" @click=${() => presence('NOT_READY')}>Make not ready</button>
      <button type="button" class="secondary outline" @click=${() => presence('LOGGED_OUT')}>Log out after their work</button>
      <button type="button" class="contrast outline" @click=${() => presence('LOGGED_OUT', true)}>Log out now</button>
    </div>
    <div class="sv-actions sv-second">
      <label for="profile">Queues to take (routing profile)
        <select id="profile">${app.setup.routingProfiles.map((p) => html`<option value=${p.id}
          ?selected=${chosen?.routingProfile === p.id}>${p.id}: ${p.queues.map((q) => q.tier === 1 ? q.queue : `${q.queue} (tier ${q.tier})`).join(', ')}</option>`)}</select></label>
      <button type="button" @click=${moveProfile}>Move to these queues</button>
    </div>
    ${chosen ? html`<p class="sv-note">${chosen.name} is ${(STATE_WORDS[chosen.state] ?? chosen.state).toLowerCase()}${chosen.reason ? ` (${chosen.reason})` : ''}, taking the queues of ${chosen.routingProfile}.</p>` : nothing}
    <p class="error" role="alert" id="action-error">${app.message.error ? app.message.text : ''}</p>
    <p id="action-status">${app.message.error ? '' : app.message.text}</p>
  </section>`;
}

function advisorsTable() {
  const advisors = [...board.advisors.values()].sort((a, b) => a.name.localeCompare(b.name));
  return html`<section aria-labelledby="advisors-heading">
    <h2 id="advisors-heading">Advisors</h2>
    <table class="sv-table" id="advisors"><thead><tr><th scope="col">Advisor</th><th scope="col">State</th><th scope="col">For</th>
      <th scope="col">Routing profile</th><th scope="col">Work</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(advisors, (a) => a.agentId, (a) => {
        const t = secondsSince(a.stateSince);
        return html`<tr data-agent=${a.agentId}>
          <th scope="row">${a.name}</th>
          <td class="sv-state-${a.state}">${STATE_WORDS[a.state] ?? a.state}${a.reason ? `: ${a.reason}` : ''}${a.pending ? `, then ${a.pending.toLowerCase()}` : ''}${a.state !== 'LOGGED_OUT' && !a.desktopConnected ? ' (desktop disconnected)' : ''}</td>
          <td><span aria-label=${spoken(t)}>${clock(t)}</span></td>
          <td>${a.routingProfile}</td>
          <td>${a.work ?? ''}</td>
          <td><button type="button" class="secondary" @click=${() => manage(a.agentId)}>Manage ${a.name}</button></td>
        </tr>`;
      })}</tbody></table>
  </section>`;
}

function queuesTable() {
  const queues = [...board.queues.values()];
  return html`<section aria-labelledby="queues-heading">
    <h2 id="queues-heading">Queues</h2>
    <table class="sv-table" id="queues"><thead><tr><th scope="col">Queue</th><th scope="col">Channel</th><th scope="col">Open</th>
      <th scope="col">Waiting</th><th scope="col">Longest wait</th><th scope="col">Logged in</th>
      <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody>${repeat(queues, (q) => q.queue, (q) => {
        const w = secondsSince(q.oldestWaitingSince);
        return html`<tr data-queue=${q.queue}>
          <th scope="row">${q.queue}</th><td>${q.channel}</td><td>${q.open ? 'Open' : 'Closed'}</td><td>${q.waiting}</td>
          <td><span aria-label=${spoken(w)}>${clock(w)}</span></td><td>${q.loggedIn}</td>
          <td>${q.open
            ? html`<button type="button" class="secondary" @click=${() => queue(q.queue, false)}>Close ${q.queue}</button>`
            : html`<button type="button" @click=${() => queue(q.queue, true)}>Open ${q.queue}</button>`}</td>
        </tr>`;
      })}</tbody></table>
  </section>`;
}

const CALENDAR_WORDS = { OPEN: 'Open', CLOSED: 'Closed by its hours', EMERGENCY: 'Closed for an emergency' };

function ivrPanel() {
  if (!app.ivr) return nothing;
  return html`<section aria-labelledby="ivr-heading">
    <h2 id="ivr-heading">IVR opening hours</h2>
    ${app.ivr.unavailable
      ? html`<p class="sv-note">Not available: ${app.ivr.unavailable}.</p>`
      : html`<table class="sv-table" id="calendars"><thead><tr><th scope="col">Calendar</th><th scope="col">Now</th>
          <th scope="col">Changes</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${app.ivr.calendars.map((c) => html`<tr data-calendar=${c.calendar}>
            <th scope="row">${c.calendar}</th><td>${CALENDAR_WORDS[c.state] ?? c.state}</td>
            <td>${c.closesAt ? `closes ${time(c.closesAt)}` : c.opensAt ? `opens ${new Date(c.opensAt).toLocaleString('en-GB')}` : ''}</td>
            <td>${c.state === 'EMERGENCY'
              ? html`<button type="button" @click=${() => emergency(c.calendar, false)}>Open ${c.calendar} again</button>`
              : html`<button type="button" class="contrast outline" @click=${() => emergency(c.calendar, true)}>Close ${c.calendar} for an emergency</button>`}</td>
          </tr>`)}</tbody></table>`}
  </section>`;
}

function time(instant) {
  return instant ? new Date(instant).toLocaleTimeString('en-GB') : '';
}

function contactsPanel() {
  return html`<section aria-labelledby="contacts-heading">
    <h2 id="contacts-heading" tabindex="-1">Contacts and their decision traces</h2>
    <form class="sv-actions" @submit=${findContacts} aria-label="Find contacts of the last hour">
      <label for="contact-state">Which
        <select id="contact-state" @change=${(e) => { app.filter.state = e.target.value; }}>
          <option value="live" ?selected=${app.filter.state === 'live'}>Live now</option>
          <option value="ended" ?selected=${app.filter.state === 'ended'}>Ended</option>
          <option value="all" ?selected=${app.filter.state === 'all'}>All</option>
        </select></label>
      <label for="contact-queue">Queue
        <select id="contact-queue" @change=${(e) => { app.filter.queue = e.target.value; }}>
          <option value="">Any</option>
          ${app.setup.queues.map((q) => html`<option value=${q.queue} ?selected=${app.filter.queue === q.queue}>${q.queue}</option>`)}
        </select></label>
      <button type="submit">Find contacts</button>
    </form>
    ${app.contacts === null ? nothing : app.contacts.length === 0
      ? html`<p>No contacts of the last hour match.</p>`
      : html`<table class="sv-table" id="contacts"><thead><tr><th scope="col">Arrived</th><th scope="col">Contact</th>
          <th scope="col">Channel</th><th scope="col">Queue</th><th scope="col">Now</th><th scope="col">Advisor</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>${app.contacts.map((c) => html`<tr data-interaction=${c.interactionId}>
            <td>${time(c.createdAt)}</td><th scope="row">${c.interactionId}</th><td>${c.channel}</td><td>${c.queue ?? ''}</td>
            <td>${c.phase.toLowerCase().replace('_', ' ')}</td><td>${c.advisor ?? ''}</td>
            <td><button type="button" class="secondary" @click=${() => openStory(c.interactionId)}>Trace<span class="visually-hidden"> of ${c.interactionId}</span></button></td>
          </tr>`)}</tbody></table>`}
    ${storyPanel()}
  </section>`;
}

function superviseControls(c) {
  const isCall = c.channel === 'voice';
  const isChat = c.channel === 'chat';
  if (isCall) {
    const why = app.setup.callSupervision;
    const connected = c.phase === 'CONNECTED' || c.phase === 'PARKED';
    return html`<h4>Listen in</h4>
      <div class="sv-actions">
        <label for="supervise-device">Your phone
          <input id="supervise-device" placeholder="PJSIP/2001" .value=${app.device} autocomplete="off"></label>
        ${['LISTEN', 'WHISPER', 'BARGE'].map((m) => html`<button type="button" class="secondary"
          ?disabled=${why !== null || !connected} @click=${() => supervise(m)}>${m.charAt(0) + m.slice(1).toLowerCase()}${why !== null ? ' (needs Asterisk)' : ''}</button>`)}
      </div>
      <p class="sv-note">${why !== null ? `Not available: ${why}.` : !connected ? 'The call is not connected to an advisor now.' : 'Your phone rings first; answer it to join.'}</p>`;
  }
  if (isChat) {
    const why = app.setup.chatSupervision;
    return html`<h4>Join the chat</h4>
      <div class="sv-actions">
        <button type="button" class="secondary" ?disabled=${why !== null} @click=${() => chat('join')}>Join chat</button>
        <button type="button" class="secondary" ?disabled=${why !== null} @click=${() => chat('take-over')}>Take over chat</button>
      </div>
      ${why !== null ? html`<p class="sv-note">Not available: ${why}.</p>` : nothing}
      ${app.joined?.interactionId === c.interactionId ? joinedChat(app.joined) : nothing}`;
  }
  return nothing;
}

// The chat joined, live: new messages and its end come over the push (see chatPushed).
function joinedChat(card) {
  return html`<section aria-labelledby="joined-chat-heading">
    <h4 id="joined-chat-heading">The conversation</h4>
    <div id="joined-chat">${chats.chatPanel(card, false)}</div>
  </section>`;
}

function storyPanel() {
  const c = app.story;
  if (!c) return nothing;
  return html`<article class="sv-story" aria-labelledby="story-heading">
    <header><h3 id="story-heading" tabindex="-1">Decision trace of ${c.interactionId}</h3>
      <p class="sv-note">${c.channel} ${c.direction.toLowerCase()}, ${c.queue ?? 'not queued'}, ${c.phase.toLowerCase()}
        — ${c.traceEntries} journal entries (GET /api/v1/interactions/${c.interactionId}/trace)</p></header>
    ${c.earlierUnknown ? html`<p class="sv-note">The server restarted while this contact was live: what happened before is not known here.</p>` : nothing}
    ${c.steps?.length
      ? html`<ol id="story-steps">${c.steps.map((s) => html`<li><time datetime=${s.happenedAt}>${time(s.happenedAt)}</time>${s.text}</li>`)}</ol>`
      : html`<p>No steps known for this contact.</p>`}
    ${superviseControls(c)}
    <button type="button" class="secondary outline" @click=${() => openStory(c.interactionId)}>Read it again</button>
  </article>`;
}

// ------------------------------------------------------------------ CSV exports

// What is wrong with the dates chosen, before the server says it too (it checks them again).
function exportRangeProblem() {
  const { from, to } = app.exportRange;
  if (!from || !to) return 'Choose the first and the last day.';
  if (from > to) return 'The first day must not be after the last.';
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
  if (days > app.setup.exportMaxDays) return `An export spans at most ${app.setup.exportMaxDays} days (the history kept).`;
  return null;
}

function exportsPanel() {
  const why = app.setup.exports;
  const problem = why ? null : exportRangeProblem();
  const { from, to, queue, channel } = app.exportRange;
  const query = `from=${enc(from)}&to=${enc(to)}${queue ? `&queue=${enc(queue)}` : ''}${channel ? `&channel=${enc(channel)}` : ''}`;
  const pick = (e, field) => { app.exportRange = { ...app.exportRange, [field]: e.target.value }; draw(); };
  const queues = app.setup.queues.map((q) => q.queue);
  const channels = [...new Set(app.setup.queues.map((q) => q.channel))];
  return html`<section aria-labelledby="exports-heading">
    <h2 id="exports-heading" tabindex="-1">Export statistics as CSV</h2>
    ${why ? html`<p class="sv-note">Not available: ${why}.</p>` : html`
      <form class="sv-actions" aria-label="What to export" @submit=${(e) => e.preventDefault()}>
        <label for="export-from">First day
          <input type="date" id="export-from" .value=${app.exportRange.from} @change=${(e) => pick(e, 'from')}></label>
        <label for="export-to">Last day
          <input type="date" id="export-to" .value=${app.exportRange.to} @change=${(e) => pick(e, 'to')}></label>
        <label for="export-queue">Queue to export
          <select id="export-queue" @change=${(e) => pick(e, 'queue')}>
            <option value="" ?selected=${!queue}>Every queue</option>
            ${queues.map((q) => html`<option value=${q} ?selected=${q === queue}>${q}</option>`)}
          </select></label>
        <label for="export-channel">Channel to export
          <select id="export-channel" @change=${(e) => pick(e, 'channel')}>
            <option value="" ?selected=${!channel}>Every channel</option>
            ${channels.map((c) => html`<option value=${c} ?selected=${c === channel}>${c}</option>`)}
          </select></label>
      </form>
      <p class="error" role="alert" id="export-error">${problem ?? ''}</p>
      ${problem ? nothing : html`<p class="sv-actions">
        <a download href="/supervisor/api/exports/contacts?${query}">Download contacts (CSV)</a>
        <a download href="/supervisor/api/exports/intervals?${query}">Download 15-minute intervals (CSV)</a>
      </p>`}
      <p class="sv-note">The statistics API's own files: one row per contact (ids, queues, times, outcome, wrap-up codes —
        no customer's details), or per 15 minutes of each queue, channel and the centre. A queue or a channel chosen
        keeps only its rows: a contact by its channel and its first or last queue; the intervals of that queue, or of
        that channel and its queues (the centre's only with neither). Each download is audited.</p>`}
  </section>`;
}

function auditPanel() {
  return html`<section aria-labelledby="audit-heading">
    <h2 id="audit-heading" tabindex="-1">Audit trail</h2>
    <p class="sv-note">Every supervisor action, who did it and when (the last 24 hours, newest first).</p>
    <button type="button" class="secondary outline" @click=${loadAudit}>Refresh the audit trail</button>
    ${app.audit.length === 0
      ? html`<p>Nothing done in the last 24 hours.</p>`
      : html`<table class="sv-table" id="audit"><thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th>
          <th scope="col">On</th><th scope="col">Detail</th><th scope="col">Outcome</th><th scope="col">Journal entry</th></tr></thead>
          <tbody>${app.audit.map((r) => html`<tr><td>${new Date(r.doneAt).toLocaleString('en-GB')}</td>
            <td>${r.name} (${r.username})</td><td>${r.action}</td><td>${r.subject}</td><td>${r.detail ?? ''}</td>
            <td>${r.outcome}</td><td>${r.entryId ?? ''}</td></tr>`)}</tbody></table>`}
  </section>`;
}

function view() {
  if (!app.setup) return html`<main class="container"><h1>Supervisor</h1><p aria-busy="true">Loading…</p></main>`;
  return html`${header()}
    <main class="container-fluid sv-layout">
      ${actPanel()}
      ${queuesTable()}
      ${ivrPanel()}
      ${advisorsTable()}
      ${contactsPanel()}
      ${exportsPanel()}
      ${auditPanel()}
    </main>`;
}

function draw() {
  render(view(), document.getElementById('supervisor'));
}

// ------------------------------------------------------------------ start

const s = await session();
if (!s.signedIn) {
  location.assign(signInUrl());
} else {
  app.setup = await call('GET', '/supervisor/api/setup');
  draw();
  chats.onChange(draw);
  connectBoard((kind) => {
    if (kind === 'connection' && board.connection === 'up') chats.reconnected(); // read again what was missed
    draw();
  }, chatPushed);
  loadAudit();
  loadCalendars();
  setInterval(draw, 1000);
}
