// The advisor's desk. The server pushes the whole desk after every change (WebSocket); this page renders it with
// lit-html, which writes every value as text (never as markup), and sends the advisor's actions over HTTP.
import { html, render, nothing } from '/lib/lit-html/lit-html.js';
import { repeat } from '/lib/lit-html/directives/repeat.js';
import { session, call, signOut, signInUrl } from './staff.js';
import * as chats from './chat-panel.js';
import * as calls from './call-controls.js';

const CHANNEL_NAMES = { voice: 'call', chat: 'chat', email: 'email' };
const OUTCOMES = [
  ['OFFERED', 'Offered'],
  ['ACCEPTED', 'Accepted'],
  ['DECLINED', 'Declined'],
  ['NOT_SUITABLE', 'Not suitable'],
];

const app = {
  user: null,
  setup: null,
  desk: null,
  history: [],
  entryId: null,
  pops: new Map(), // interactionId -> screen pop {account, accountStatus, crossSell}
  connection: 'connecting',
  delivered: new Set(),
  drafts: new Map(), // assignmentId -> {codes: Set, notes}
  message: '',
  now: Date.now(),
};

// ------------------------------------------------------------------ push

let socket = null;
let retries = 0;

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const after = app.entryId ? '?after=' + encodeURIComponent(app.entryId) : '';
  socket = new WebSocket(`${scheme}://${location.host}/desk/push${after}`);
  socket.addEventListener('open', () => {
    retries = 0;
    chats.reconnected();
    app.connection = 'up';
    draw();
  });
  socket.addEventListener('message', (e) => receive(JSON.parse(e.data)));
  socket.addEventListener('close', (e) => {
    app.connection = 'down';
    draw();
    if (e.reason === 'signed out') {
      location.assign(signInUrl());
      return;
    }
    // The first retry is immediate, so a blip costs nothing even where a hidden tab's timers are slowed.
    const delay = retries === 0 ? 0 : Math.min(5000, 500 * 2 ** retries);
    retries++;
    setTimeout(reconnect, delay);
  });
}

async function reconnect() {
  try {
    const s = await session();
    if (!s.signedIn) {
      location.assign(signInUrl());
      return;
    }
  } catch {
    // the server is away: try again
  }
  connect();
}

function receive(m) {
  if (chats.received(m)) return;
  switch (m.type) {
    case 'desk':
      deskChanged(m.state);
      break;
    case 'current':
      app.entryId = m.entryId;
      break;
    case 'history':
      app.history = m.contacts;
      draw();
      break;
    case 'screenPop':
      app.pops.set(m.interactionId, m);
      window.dispatchEvent(new CustomEvent('fc-screen-pop', { detail: m }));
      draw();
      break;
  }
}

function deskChanged(state) {
  const before = new Set((app.desk?.offers ?? []).map((o) => o.offerId));
  app.desk = state;
  app.entryId = state.entryId;
  chats.held(state.work);
  calls.held(state.work);
  for (const o of state.offers) {
    if (!before.has(o.offerId)) {
      announce(o.kind === 'CONSULT'
        ? `${o.consultFrom?.name ?? 'A colleague'} asks you into a call.`
        : `Incoming ${CHANNEL_NAMES[o.channel] ?? o.channel} for ${o.queue}.`);
    }
    if (o.status === 'RESERVED' && !app.delivered.has(o.offerId)) {
      // The offer is on screen: routing hears that it is ringing here.
      app.delivered.add(o.offerId);
      act('POST', `/desk/api/offers/${encodeURIComponent(o.offerId)}/delivered`, undefined, true);
    }
  }
  document.title = (state.offers.length ? `(${state.offers.length}) ` : '') + 'Desk — FirstContact';
  draw();
}

function announce(text) {
  const a = document.getElementById('announcer');
  a.textContent = text;
}

// ------------------------------------------------------------------ actions

async function act(method, path, body, quiet = false) {
  try {
    const r = await call(method, path, body);
    if (!quiet) app.message = '';
    return r;
  } catch (e) {
    if (!quiet) {
      app.message = e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.';
      announce(app.message);
      draw();
    }
    return undefined;
  }
}

const work = (id, what, body) => act('POST', `/desk/api/work/${encodeURIComponent(id)}/${what}`, body ?? {});
const offer = (id, what) => act('POST', `/desk/api/offers/${encodeURIComponent(id)}/${what}`);

function logIn(ready) {
  const device = document.getElementById('device')?.value.trim() ?? '';
  act('POST', '/desk/api/login', { ready, device: device || null });
}

function notReady() {
  const reason = document.getElementById('reason').value;
  act('POST', '/desk/api/presence', { presence: 'NOT_READY', reason });
}

function draft(assignmentId) {
  if (!app.drafts.has(assignmentId)) app.drafts.set(assignmentId, { codes: new Set(), notes: '' });
  return app.drafts.get(assignmentId);
}

async function saveWrapUp(w, finish) {
  const d = draft(w.assignmentId);
  const saved = await work(w.assignmentId, 'wrap-up', { codes: [...d.codes], notes: d.notes || null });
  if (saved !== undefined && finish) {
    await work(w.assignmentId, 'done');
    app.drafts.delete(w.assignmentId);
  } else if (saved !== undefined) {
    announce('Wrap-up saved.');
  }
}

async function submitScript(e, w, script) {
  e.preventDefault();
  const form = e.target;
  const answers = {};
  for (const q of script.questions) {
    const field = form.elements[`q-${q.id}`];
    const value = q.kind === 'YES_NO' ? form.querySelector(`input[name="q-${q.id}"]:checked`)?.value : field?.value;
    if (value) answers[q.id] = value.trim();
  }
  const r = await work(w.assignmentId, 'script', { scriptId: script.id, answers });
  if (r !== undefined) announce(`${script.title}: answers saved.`);
}

async function promiseCallback(e, w) {
  e.preventDefault();
  const f = e.target;
  const when = f.elements.when.value;
  const r = await work(w.assignmentId, 'callback', {
    at: when ? new Date(when).toISOString() : null,
    to: f.elements.to.value,
    number: f.elements.number.value.trim() || null,
    note: f.elements.note.value.trim() || null,
  });
  if (r !== undefined) {
    announce('Callback promised.');
    f.reset();
  }
}

async function clickToCall(e) {
  e.preventDefault();
  const f = e.target;
  const r = await act('POST', '/desk/api/calls', {
    number: f.elements.number.value.trim(),
    customerRef: f.elements.customerRef?.value || null,
  });
  if (r !== undefined) announce('Calling.');
}

// ------------------------------------------------------------------ rendering

function elapsed(since) {
  if (!since) return '';
  const s = Math.max(0, Math.floor((app.now - Date.parse(since)) / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

function presenceText(a) {
  if (!a) return 'Unknown advisor';
  switch (a.presence) {
    case 'READY':
      return 'Ready';
    case 'NOT_READY':
      return `Not ready: ${a.reason}`;
    default:
      return 'Logged out';
  }
}

function header() {
  return html`<header class="desk-bar">
    <h1>FirstContact desk</h1>
    <p class="who">${app.setup.name} <span class="muted">(${app.setup.agentId}${app.setup.device ? `, ${app.setup.device}` : ''})</span></p>
    <p class="connection ${app.connection === 'up' ? '' : 'down'}" role="status">
      ${app.connection === 'up' ? 'Connected' : app.connection === 'down' ? 'Reconnecting…' : 'Connecting…'}
    </p>
    <div class="actions">
      <button type="button" class="secondary outline" @click=${() => signOut(false)}>Sign out</button>
      <button type="button" class="secondary outline" @click=${() => signOut(true)}>Sign out everywhere</button>
    </div>
  </header>`;
}

function statePanel() {
  const a = app.desk?.agent;
  if (!a) {
    return html`<section aria-labelledby="state-heading"><h2 id="state-heading">Your state</h2>
      <p>Routing does not know advisor ${app.setup.agentId}. Ask an administrator to define it.</p></section>`;
  }
  const reasons = app.setup.notReadyReasons;
  const loggedOut = a.presence === 'LOGGED_OUT';
  return html`<section aria-labelledby="state-heading">
    <h2 id="state-heading">Your state</h2>
    <p class="presence" id="presence">${presenceText(a)}<span class="clock" aria-label="for">${elapsed(a.presenceSince)}</span></p>
    ${a.pendingPresence
      ? html`<p class="pending" id="pending">${a.pendingPresence === 'LOGGED_OUT' ? 'Log out' : `Not ready: ${a.pendingReason}`}
          pending — it starts when your open work ends.</p>`
      : nothing}
    ${loggedOut
      ? html`<div class="state-panel">
          <label for="device">Phone you sit at (for calls)
            <input id="device" name="device" placeholder="PJSIP/1001" .value=${app.setup.device ?? ''} autocomplete="off">
          </label>
          <button type="button" id="login-ready" @click=${() => logIn(true)}>Log in ready</button>
          <button type="button" class="secondary" @click=${() => logIn(false)}>Log in not ready</button>
        </div>`
      : html`<div class="state-panel">
          <button type="button" id="ready" ?disabled=${a.presence === 'READY' && !a.pendingPresence}
            @click=${() => act('POST', '/desk/api/presence', { presence: 'READY' })}>Ready</button>
          <label for="reason">Reason
            <select id="reason">${reasons.map((r) => html`<option value=${r}>${r}</option>`)}</select>
          </label>
          <button type="button" class="secondary" id="not-ready" @click=${notReady}>Not ready</button>
          <button type="button" class="secondary outline" id="logout"
            @click=${() => act('POST', '/desk/api/presence', { presence: 'LOGGED_OUT' })}>Log out</button>
        </div>`}
    <p class="error" role="alert">${app.message}</p>
  </section>`;
}

function contextFacts(c) {
  if (!c) return nothing;
  return html`<dl class="facts">
    <dt>Reason</dt><dd class="reason">${c.reason ?? 'not given'}</dd>
    ${c.direction !== 'INBOUND' ? html`<dt>Direction</dt><dd>${c.direction.toLowerCase()}</dd>` : nothing}
    ${c.attributes
      .filter((a) => a.name !== app.setup.reasonAttribute)
      .map((a) => html`<dt>${ATTRIBUTE_NAMES[a.name] ?? a.name}</dt><dd>${a.value}</dd>`)}
  </dl>`;
}

// What the written channels keep of the resident (the chat's form, an email's sender), in words.
const ATTRIBUTE_NAMES = { residentName: 'Name given', residentContact: 'Contact given' };

function money(pence) {
  return (pence < 0 ? '−£' : '£') + (Math.abs(pence) / 100).toFixed(2);
}

function account(c, w) {
  if (!c) return nothing;
  // Whoever the account context identified (a customerRef, the caller's number, an email, a keyed reference).
  const pop = app.pops.get(c.interactionId);
  if (!pop) return html`<p class="muted" aria-busy="true">Loading the account…</p>`;
  if (pop.accountStatus === 'none') return html`<p class="muted">Customer not identified.</p>`;
  if (pop.accountStatus === 'unavailable') {
    return html`<p class="error">The back office is not answering: the account cannot be shown. Everything else works.</p>`;
  }
  if (pop.accountStatus === 'not-found') return html`<p class="muted">No account found for this customer.</p>`;
  const a = pop.account;
  return html`<section class="account" aria-label="Account of ${a.name}">
    <h4 class="customer-name">${a.name}</h4>
    <dl class="facts">
      <dt>Address</dt><dd>${a.address.lines.join(', ')}, ${a.address.postcode}</dd>
      <dt>UPRN</dt><dd>${a.uprn}</dd>
      ${a.phone ? html`<dt>Phone</dt><dd>${a.phone}</dd>` : nothing}
      ${a.email ? html`<dt>Email</dt><dd>${a.email}</dd>` : nothing}
      <dt>Online account</dt><dd>${a.online.registered ? 'registered' : 'not registered'}</dd>
      ${a.councilTax.map((t) => html`<dt>Council tax ${t.reference}</dt>
        <dd>${money(t.balancePence)} owed, ${t.billing === 'PAPER' ? 'paper bills' : 'e-billing'}, ${t.paymentMethod.toLowerCase().replaceAll('_', ' ')}${t.closedOn ? ', closed' : ''}</dd>`)}
      ${a.pcns.filter((p) => p.status === 'OPEN').map((p) => html`<dt>PCN ${p.reference}</dt>
        <dd>${money(p.amountDuePence)} due, ${p.vehicleRegistration}, issued ${p.issuedOn}</dd>`)}
    </dl>
    ${a.openServiceRequests.length
      ? html`<h5>Open cases</h5><ul>${a.openServiceRequests.map((r) => html`<li>${r.reference}: ${r.type}, ${r.status.toLowerCase()}${r.nextStep ? ` — ${r.nextStep.description}` : ''}</li>`)}</ul>`
      : nothing}
    ${a.recentContacts.length
      ? html`<h5>Recent contacts</h5><ul>${a.recentContacts.slice(0, 5).map((r) => html`<li>${new Date(r.at).toLocaleDateString('en-GB')} ${r.channel}: ${r.reason} (${r.outcome})</li>`)}</ul>`
      : nothing}
    ${w ? callForms(a, w) : nothing}
  </section>`;
}

function callForms(a, w) {
  return html`<details>
      <summary>Call back or promise a callback</summary>
      <form @submit=${clickToCall} aria-label="Call the customer now">
        <input type="hidden" name="customerRef" .value=${a.customerRef}>
        <label>Number <input name="number" .value=${a.phone ?? ''} autocomplete="off"></label>
        <button type="submit" class="secondary">Call now</button>
      </form>
      <form @submit=${(e) => promiseCallback(e, w)} aria-label="Promise a callback">
        <label>When <input type="datetime-local" name="when" required></label>
        <label>Who calls
          <select name="to"><option value="ME">Me</option><option value="QUEUE">Anyone in the queue</option></select>
        </label>
        <label>Number <input name="number" .value=${a.phone ?? ''} autocomplete="off"></label>
        <label>Note for whoever calls <input name="note" autocomplete="off"></label>
        <button type="submit" class="secondary">Promise callback</button>
      </form>
    </details>`;
}

function prompts(c, w) {
  const pop = c ? app.pops.get(c.interactionId) : null;
  if (!pop?.crossSell?.length) return nothing;
  return html`<section class="prompts" aria-label="Digital services to suggest">
    <h4>Suggest</h4>
    ${pop.crossSell.map((p) => html`<div class="prompt">
      <p><strong>${p.label}</strong>${p.pitch ? html` — ${p.pitch}` : nothing}</p>
      ${w
        ? html`<div class="outcomes" role="group" aria-label="Outcome for ${p.label}">
            ${OUTCOMES.map(([o, label]) => html`<button type="button" class="secondary"
              aria-pressed=${w.crossSell?.[p.service] === o ? 'true' : 'false'}
              @click=${() => work(w.assignmentId, 'cross-sell', { service: p.service, outcome: o })}>${label}</button>`)}
          </div>`
        : nothing}
    </div>`)}
  </section>`;
}

function scriptFor(c) {
  if (!c?.reason) return null;
  return app.setup.scripts.find((s) => s.reasons.includes(c.reason)) ?? null;
}

function scriptForm(c, w) {
  const s = scriptFor(c);
  if (!s) return nothing;
  return html`<details class="script">
    <summary>Script: ${s.title}</summary>
    <form @submit=${(e) => submitScript(e, w, s)}>
      ${s.questions.map((q) => question(w, q))}
      <button type="submit" class="secondary">Save answers</button>
    </form>
  </details>`;
}

function question(w, q) {
  const id = `q-${w.assignmentId}-${q.id}`;
  const name = `q-${q.id}`;
  switch (q.kind) {
    case 'YES_NO':
      return html`<fieldset><legend>${q.label}</legend>
        <label><input type="radio" name=${name} value="yes" ?required=${q.required}> Yes</label>
        <label><input type="radio" name=${name} value="no"> No</label></fieldset>`;
    case 'CHOICE':
      return html`<label for=${id}>${q.label}
        <select id=${id} name=${name} ?required=${q.required}>
          <option value="">Choose…</option>${q.choices.map((ch) => html`<option>${ch}</option>`)}
        </select></label>`;
    default: {
      const type = q.kind === 'DATE' ? 'date' : q.kind === 'NUMBER' ? 'number' : 'text';
      return html`<label for=${id}>${q.label}<input id=${id} name=${name} type=${type} ?required=${q.required} autocomplete="off"></label>`;
    }
  }
}

function offerCard(o) {
  const c = o.context;
  const consult = o.kind === 'CONSULT';
  const kind = consult ? 'consult' : CHANNEL_NAMES[o.channel] ?? o.channel;
  const title = consult
    ? `Consult: ${o.consultFrom?.name ?? 'a colleague'} asks you into a call (${o.queue})`
    : `Incoming ${kind}: ${o.queue}`;
  return html`<article class="offer ${consult ? 'consult' : ''}" aria-labelledby="offer-${o.offerId}">
    <header><h3 id="offer-${o.offerId}">${title}</h3>
      <p class="muted">Ringing ${elapsed(o.offeredAt)}</p></header>
    ${contextFacts(c)}
    ${account(c, null)}
    ${prompts(c, null)}
    <footer class="card-actions">
      <button type="button" class="accept" @click=${() => offer(o.offerId, 'accept')}>Accept ${kind}</button>
      <button type="button" class="secondary reject" @click=${() => offer(o.offerId, 'reject')}>Reject</button>
    </footer>
  </article>`;
}

function workCard(w) {
  const c = w.context;
  const kind = CHANNEL_NAMES[w.channel] ?? w.channel;
  const inWrapUp = w.status === 'WRAP_UP';
  const d = draft(w.assignmentId);
  const title = inWrapUp ? `Wrap-up: ${kind}, ${w.queue}` : `${kind.charAt(0).toUpperCase() + kind.slice(1)}: ${w.queue}`;
  const wrapUp = html`<form class="wrap-up-form" @submit=${(e) => { e.preventDefault(); saveWrapUp(w, true); }}>
      <fieldset class="codes"><legend>Wrap-up codes</legend>
        ${app.setup.wrapUpCodes.map((code) => html`<label><input type="checkbox" name="code" value=${code.id}
          .checked=${d.codes.has(code.id) || w.wrapUpCodes.includes(code.id)}
          @change=${(e) => { e.target.checked ? d.codes.add(code.id) : d.codes.delete(code.id); }}> ${code.label}</label>`)}
      </fieldset>
      <label for="notes-${w.assignmentId}">Notes (yours only; never card numbers)
        <textarea id="notes-${w.assignmentId}" rows="2" .value=${d.notes} @input=${(e) => { d.notes = e.target.value; }}></textarea>
      </label>
      <div class="card-actions">
        <button type="button" class="secondary" @click=${() => saveWrapUp(w, false)}>Save wrap-up</button>
        ${inWrapUp
          ? html`<button type="submit" class="finish">Finish wrap-up</button>
              <button type="button" class="secondary outline" @click=${() => work(w.assignmentId, 'extend', { seconds: 30 })}>30 s more</button>`
          : nothing}
      </div>
    </form>`;
  return html`<article class="work ${inWrapUp ? 'wrap-up' : ''} ${w.held ? 'on-hold' : ''}" aria-labelledby="work-${w.assignmentId}">
    <header><h3 id="work-${w.assignmentId}">${title}</h3>
      <p class="muted">${inWrapUp ? `Wrap-up ends in ${remaining(w.wrapUpUntil)}` : `Started ${elapsed(w.startedAt)} ago`}${w.interactionEnded && !inWrapUp ? ', customer gone' : ''}</p>
      ${inWrapUp ? nothing : calls.callStatus(w, elapsed)}</header>
    ${!inWrapUp && !w.interactionEnded ? calls.controls(w, kind) : nothing}
    ${inWrapUp ? wrapUp : nothing}
    ${w.channel === 'chat' || w.channel === 'email' ? chats.chatPanel(w, inWrapUp) : nothing}
    ${contextFacts(c)}
    ${account(c, w)}
    ${prompts(c, w)}
    ${scriptForm(c, w)}
    ${!inWrapUp && w.consult?.role !== 'CONSULTED'
      ? html`<div class="card-actions"><button type="button" class="end" @click=${() => work(w.assignmentId, 'end')}>End ${kind}</button></div>`
      : nothing}
    ${inWrapUp ? nothing : wrapUp}
  </article>`;
}

function remaining(until) {
  if (!until) return '';
  const s = Math.max(0, Math.ceil((Date.parse(until) - app.now) / 1000));
  return `${s} s`;
}

function history() {
  const h = app.history;
  return html`<section aria-labelledby="history-heading">
    <h2 id="history-heading">Your recent contacts</h2>
    ${h.length === 0
      ? html`<p class="muted">None yet today.</p>`
      : html`<table class="history"><thead><tr><th scope="col">Ended</th><th scope="col">Channel</th><th scope="col">Queue</th>
          <th scope="col">Reason</th><th scope="col">Wrap-up</th><th scope="col">Notes</th></tr></thead>
          <tbody>${h.map((c) => html`<tr><td>${new Date(c.endedAt).toLocaleTimeString('en-GB')}</td><td>${c.channel}</td>
            <td>${c.queue}</td><td>${c.reason ?? ''}</td><td>${c.wrapUpCodes.join(', ')}</td><td>${c.notes ?? ''}</td></tr>`)}</tbody></table>`}
  </section>`;
}

function capacityNote() {
  const cap = app.desk?.agent?.capacity ?? {};
  const chats = cap.chat ?? 0;
  return chats > 1 ? html`<p class="muted">Up to ${chats} chats side by side.</p>` : nothing;
}

function view() {
  if (!app.setup) return html`<main class="container"><h1>Desk</h1><p aria-busy="true">Loading your desk…</p></main>`;
  const offers = app.desk?.offers ?? [];
  const work = app.desk?.work ?? [];
  return html`${header()}
  <main class="container-fluid desk-layout">
    <div class="desk-side">
      ${statePanel()}
      <section aria-labelledby="offers-heading">
        <h2 id="offers-heading" tabindex="-1">Offers</h2>
        ${offers.length === 0
          ? html`<p class="muted">No offer ringing.</p>`
          : html`<div class="offers">${repeat(offers, (o) => o.offerId, offerCard)}</div>`}
      </section>
    </div>
    <div class="desk-main">
      <section aria-labelledby="work-heading">
        <h2 id="work-heading" tabindex="-1">Your work</h2>
        ${capacityNote()}
        ${work.length === 0
          ? html`<p class="muted">Nothing open.</p>`
          : html`<div class="cards">${repeat(work, (w) => w.assignmentId, workCard)}</div>`}
      </section>
      ${history()}
    </div>
  </main>`;
}

function draw() {
  // A card that changes state (a call ending moves its wrap-up form to the top) re-creates its controls: the
  // advisor typing notes keeps the focus on the control with the same id rather than losing it to the page.
  const focusedId = document.activeElement?.id;
  render(view(), document.getElementById('desk'));
  if (focusedId && document.activeElement === document.body) {
    document.getElementById(focusedId)?.focus();
  }
}
chats.onChange(draw);
calls.init({ act, announce, draw, setup: () => app.setup });

// Alt+Shift+A accepts the oldest offer ringing, from anywhere on the page.
document.addEventListener('keydown', (e) => {
  if (e.altKey && e.shiftKey && (e.key === 'A' || e.key === 'a')) {
    const o = app.desk?.offers?.[0];
    if (o) {
      e.preventDefault();
      offer(o.offerId, 'accept');
    }
  }
});

// ------------------------------------------------------------------ start

const s = await session();
if (!s.signedIn) {
  location.assign(signInUrl());
} else {
  app.user = s.user;
  app.setup = await call('GET', '/desk/api/setup');
  draw();
  connect();
  // The clocks on screen only: offers arrive by push whatever this timer does in a background tab.
  setInterval(() => {
    app.now = Date.now();
    draw();
  }, 1000);
}
