// The call controls on a work card: hold and resume, a blind transfer (to a queue, a colleague or a number) and a
// consult (warm transfer) with a colleague, completed or cancelled. What the card shows — on hold since when, the
// colleague rung or talking — comes from the pushed desk; these controls only send the advisor's choice.
import { html, nothing } from '/lib/lit-html/lit-html.js';
import { call } from './staff.js';

const forms = new Map(); // assignmentId -> {open: 'transfer' | 'consult', to: 'queue' | 'agent' | 'number'}
const consults = new Map(); // assignmentId -> the consult it started, as last pushed
const ending = new Set(); // assignmentIds whose advisor ended their consult here (they heard it already)
let colleagues = [];
let act = async () => undefined;
let announce = () => {};
let redraw = () => {};
let setup = () => ({ queues: [] });

/** What the desk lends: its request function (which shows errors), its announcer, its draw and its setup. */
export function init(desk) {
  act = desk.act;
  announce = desk.announce;
  redraw = desk.draw;
  setup = desk.setup;
}

/**
 * The desk's work changed: forms of work no longer held, or no longer in progress, close; a consult the advisor
 * started that is answered or ends by the colleague's doing is said aloud (it changes what they can do next).
 */
export function held(work) {
  const active = work.filter((w) => w.status === 'ACTIVE');
  const open = new Set(active.map((w) => w.assignmentId));
  for (const id of [...forms.keys()]) if (!open.has(id)) forms.delete(id);
  for (const w of active) {
    const before = consults.get(w.assignmentId);
    const now = w.consult?.role === 'CONSULTING' ? w.consult : null;
    if (before && now && !before.answered && now.answered) {
      announce(`${now.colleague.name} answered. Complete the transfer or cancel the consult.`);
    } else if (before && !now && !ending.has(w.assignmentId)) {
      announce(`The consult with ${before.colleague.name} has ended; the caller is still with you.`);
    }
    ending.delete(w.assignmentId);
  }
  consults.clear();
  for (const w of active) if (w.consult?.role === 'CONSULTING') consults.set(w.assignmentId, w.consult);
}

const path = (w, what) => `/desk/api/work/${encodeURIComponent(w.assignmentId)}/${what}`;

async function open(w, which) {
  const was = forms.get(w.assignmentId)?.open;
  if (was === which) {
    close(w, which);
    return;
  }
  forms.set(w.assignmentId, { open: which, to: 'queue' });
  const r = await act('GET', '/desk/api/colleagues');
  colleagues = r?.colleagues ?? [];
  redraw();
  document.getElementById(`${which}-first-${w.assignmentId}`)?.focus();
}

function close(w, which) {
  forms.delete(w.assignmentId);
  redraw();
  document.getElementById(`${which}-toggle-${w.assignmentId}`)?.focus();
}

async function hold(w, on) {
  const r = await act('POST', path(w, on ? 'hold' : 'resume'), {});
  if (r !== undefined) {
    announce(on ? 'The caller is on hold.' : 'The caller is back with you.');
    // The button the advisor pressed is replaced by its opposite: the focus follows it.
    document.getElementById(`hold-${w.assignmentId}`)?.focus();
  }
}

async function transfer(e, w) {
  e.preventDefault();
  const f = e.target;
  const to = forms.get(w.assignmentId)?.to ?? 'queue';
  const body = {};
  if (to === 'queue') body.queue = f.elements.queue.value;
  else if (to === 'agent') body.agentId = f.elements.agent.value;
  else body.number = f.elements.number.value.trim();
  const r = await act('POST', path(w, 'transfer'), body);
  if (r !== undefined) {
    forms.delete(w.assignmentId);
    announce('Transferred. Wrap up when you are ready.');
  }
}

async function consult(e, w) {
  e.preventDefault();
  const agentId = e.target.elements.agent.value;
  const r = await act('POST', path(w, 'consult'), { agentId });
  if (r !== undefined) {
    forms.delete(w.assignmentId);
    announce('Ringing your colleague. The caller hears the hold music.');
  }
}

async function endConsult(w, outcome) {
  ending.add(w.assignmentId);
  const r = await act('POST', path(w, 'consult/end'), { outcome });
  if (r !== undefined) {
    announce(outcome === 'COMPLETED' ? 'Transferred to your colleague. Wrap up when you are ready.' : 'The consult is over.');
  }
}

function choose(w, to) {
  forms.get(w.assignmentId).to = to;
  redraw();
}

/** The status line of a call: on hold (with the time held), and the consult in progress. */
export function callStatus(w, elapsed) {
  const parts = [];
  if (w.held) {
    parts.push(html`<p class="call-status on-hold" id="held-${w.assignmentId}"><strong>On hold</strong>
      ${w.heldSince ? html`<span class="clock" aria-label="for">${elapsed(w.heldSince)}</span>` : nothing}</p>`);
  }
  const c = w.consult;
  if (c?.role === 'CONSULTING') {
    parts.push(html`<p class="call-status consulting">${c.answered ? 'Consulting' : 'Ringing'} ${c.colleague.name}${c.answered ? '' : '…'}</p>`);
  } else if (c?.role === 'CONSULTED') {
    parts.push(html`<p class="call-status consulted">${c.colleague.name} asked you into this call</p>`);
  }
  return parts.length ? parts : nothing;
}

/** The buttons (and open form) of a work card in progress; the page's own End button follows them. */
export function controls(w, kind) {
  const c = w.consult;
  if (c?.role === 'CONSULTED') {
    return html`<div class="card-actions call-controls">
      <button type="button" class="secondary" @click=${() => endConsult(w, 'CANCELLED')}>Give the call back</button>
    </div>`;
  }
  const voice = w.channel === 'voice';
  const form = forms.get(w.assignmentId);
  const consulting = c?.role === 'CONSULTING';
  return html`<div class="card-actions call-controls" role="group" aria-label="${kind} controls">
      ${voice
        ? html`<button type="button" class="secondary" id="hold-${w.assignmentId}" @click=${() => hold(w, !w.held)}>${w.held ? 'Resume' : 'Hold'}</button>`
        : nothing}
      ${consulting
        ? html`<button type="button" ?disabled=${!c.answered} @click=${() => endConsult(w, 'COMPLETED')}>Complete transfer</button>
            <button type="button" class="secondary" @click=${() => endConsult(w, 'CANCELLED')}>Cancel consult</button>`
        : html`<button type="button" class="secondary" id="transfer-toggle-${w.assignmentId}"
              aria-expanded=${form?.open === 'transfer' ? 'true' : 'false'} aria-controls="transfer-${w.assignmentId}"
              @click=${() => open(w, 'transfer')}>Transfer…</button>
            ${voice
              ? html`<button type="button" class="secondary" id="consult-toggle-${w.assignmentId}"
                  aria-expanded=${form?.open === 'consult' ? 'true' : 'false'} aria-controls="consult-${w.assignmentId}"
                  @click=${() => open(w, 'consult')}>Consult…</button>`
              : nothing}`}
    </div>
    ${form?.open === 'transfer' && !consulting ? transferForm(w, kind, form) : nothing}
    ${form?.open === 'consult' && !consulting ? consultForm(w) : nothing}`;
}

function queuesFor(w) {
  return (setup()?.queues ?? []).filter((q) => q.channel === w.channel && q.id !== w.queue);
}

function colleagueOptions() {
  return colleagues.map((a) => html`<option value=${a.agentId}>${a.name}${a.presence === 'READY' ? '' : ' — not ready'}</option>`);
}

function transferForm(w, kind, form) {
  const id = w.assignmentId;
  const voice = w.channel === 'voice';
  const queues = queuesFor(w);
  const choice = (to, label) => html`<label><input type="radio" name="to" value=${to} .checked=${form.to === to}
    id=${to === 'queue' ? `transfer-first-${id}` : nothing} @change=${() => choose(w, to)}> ${label}</label>`;
  return html`<form class="call-form" id="transfer-${id}" aria-label="Transfer this ${kind}"
      @submit=${(e) => transfer(e, w)} @keydown=${(e) => { if (e.key === 'Escape') close(w, 'transfer'); }}>
    <fieldset><legend>Transfer to</legend>
      ${choice('queue', 'A queue')} ${choice('agent', 'A colleague')} ${voice ? choice('number', 'A number') : nothing}
    </fieldset>
    ${form.to === 'queue'
      ? html`<label for="transfer-queue-${id}">Queue</label>
          <select id="transfer-queue-${id}" name="queue" required>
            ${queues.map((q) => html`<option value=${q.id}>${q.id}</option>`)}
          </select>
          ${queues.length === 0 ? html`<p class="muted">No other queue takes this channel.</p>` : nothing}`
      : form.to === 'agent'
        ? html`<label for="transfer-agent-${id}">Colleague</label>
            <select id="transfer-agent-${id}" name="agent" required>${colleagueOptions()}</select>
            ${colleagues.length === 0 ? html`<p class="muted">No colleague is logged in.</p>` : nothing}`
        : html`<label for="transfer-number-${id}">Number</label>
            <input id="transfer-number-${id}" name="number" type="tel" autocomplete="off" required>`}
    <p class="muted">The ${kind} keeps its customer, reason and what they keyed; you wrap up once it is gone.</p>
    <div class="card-actions">
      <button type="submit">Transfer</button>
      <button type="button" class="secondary outline" @click=${() => close(w, 'transfer')}>Close</button>
    </div>
  </form>`;
}

function consultForm(w) {
  const id = w.assignmentId;
  return html`<form class="call-form" id="consult-${id}" aria-label="Consult a colleague"
      @submit=${(e) => consult(e, w)} @keydown=${(e) => { if (e.key === 'Escape') close(w, 'consult'); }}>
    <label for="consult-first-${id}">Colleague</label>
    <select id="consult-first-${id}" name="agent" required>${colleagueOptions()}</select>
    ${colleagues.length === 0 ? html`<p class="muted">No colleague is logged in.</p>` : nothing}
    <p class="muted">Your colleague's phone rings; the caller hears the hold music while you talk. Then complete the
      transfer or cancel.</p>
    <div class="card-actions">
      <button type="submit">Consult</button>
      <button type="button" class="secondary outline" @click=${() => close(w, 'consult')}>Close</button>
    </div>
  </form>`;
}
