// The live wallboard: queue tiles, the day by 15 minutes, alerts as they happen, every advisor's state. Everything
// arrives by push (board.js); the clocks are counted here.
import { html, render, nothing } from '/lib/lit-html/lit-html.js';
import { repeat } from '/lib/lit-html/directives/repeat.js';
import { session, signOut, signInUrl } from './staff.js';
import {
  board, connectBoard, secondsSince, clock, spoken, percent, waitLevel, serverNow, STATE_WORDS,
} from './board.js';

const LEVEL_WORDS = { ok: 'Within limit', warn: 'Nearing limit', alert: 'Over limit' };
const LEVEL_ICONS = { ok: '●', warn: '◆', alert: '▲' };
const STATE_ORDER = ['OFFERED', 'BUSY', 'WRAP_UP', 'READY', 'NOT_READY', 'LOGGED_OUT'];

let showLoggedOut = false;

function advisorsByState(q) {
  const parts = [];
  for (const s of ['READY', 'OFFERED', 'BUSY', 'WRAP_UP', 'NOT_READY']) {
    const n = q.advisors?.[s] ?? 0;
    if (n) parts.push(`${n} ${STATE_WORDS[s].toLowerCase()}`);
  }
  return parts.length ? parts.join(' · ') : `${q.loggedIn} logged in`;
}

function flag(level, words) {
  return html`<span class="wb-flag ${level}"><span aria-hidden="true">${LEVEL_ICONS[level]} </span>${words}</span>`;
}

function tile(q) {
  const wait = secondsSince(q.oldestWaitingSince);
  const level = q.waiting > 0 ? waitLevel(q) : 'ok';
  const tileLevel = !q.open ? 'closed' : level === 'alert' || q.belowTarget ? 'alert' : level === 'warn' ? 'warn' : 'ok';
  const limit = Math.round(q.longestWaitLimitMillis / 1000);
  return html`<article class="wb-tile level-${tileLevel}" aria-labelledby="tile-${q.queue}" data-queue=${q.queue}>
    <h3 id="tile-${q.queue}"><span>${q.queue}</span>${q.open ? nothing : flag('closed', 'Closed')}</h3>
    <dl>
      <div><dt>Waiting</dt><dd class="wb-big waiting">${q.waiting}</dd></div>
      <div><dt>Longest wait</dt>
        <dd class="wb-big longest-wait" aria-label=${spoken(wait)}>${clock(wait)}</dd>
        <dd>${wait === null ? 'nobody waiting' : flag(level, `${LEVEL_WORDS[level]} (${clock(limit)})`)}</dd></div>
      <div><dt>Service level</dt>
        <dd class="wb-big service-level">${percent(q.serviceLevel)}</dd>
        <dd>${q.serviceLevel === null || q.serviceLevel === undefined
          ? 'none yet today'
          : flag(q.belowTarget ? 'alert' : 'ok', `${q.belowTarget ? 'Below' : 'On'} target ${percent(q.serviceLevelTarget)}`)}</dd></div>
      <div><dt>Abandoned</dt><dd class="wb-big abandoned">${q.abandoned}</dd>
        <dd>${q.abandonedShort ? `${q.abandonedShort} short` : ''}</dd></div>
      <div><dt>Answered today</dt><dd class="answered">${q.answered} of ${q.offered} offered</dd></div>
      <div><dt>Being offered</dt><dd>${q.beingOffered}</dd></div>
      <div class="wb-wide"><dt>Advisors</dt><dd class="advisors">${advisorsByState(q)}</dd></div>
    </dl>
  </article>`;
}

function when(instant) {
  return new Date(instant).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

function alertsPanel() {
  const alerts = board.alerts;
  return html`<section class="wb-alerts" aria-labelledby="alerts-heading">
    <h2 id="alerts-heading" tabindex="-1">Alerts</h2>
    <ul role="log" aria-live="polite" aria-relevant="additions" id="alerts">
      ${repeat(alerts, (a) => a.key, (a) => html`<li class=${a.lasting ? 'lasting' : 'moment'}>
        <span class="wb-when">${when(a.raisedAt)}</span> ${a.text}</li>`)}
    </ul>
    ${alerts.length === 0 ? html`<p>No alerts.</p>` : nothing}
  </section>`;
}

function advisorCard(a) {
  const t = secondsSince(a.stateSince);
  const state = STATE_WORDS[a.state] ?? a.state;
  return html`<li class=${a.state} data-agent=${a.agentId}>
    <span class="wb-name">${a.name}</span>
    <span class="wb-time" aria-label=${`for ${spoken(t)}`}>${clock(t)}</span>
    <span class="wb-state">${state}${a.reason ? `: ${a.reason}` : ''}${a.work ? ` — ${a.work}` : ''}${a.pending ? `, then ${a.pending.toLowerCase().replace('_', ' ')}` : ''}${a.state !== 'LOGGED_OUT' && !a.desktopConnected ? ' (desktop disconnected)' : ''}</span>
  </li>`;
}

function advisorsPanel() {
  const all = [...board.advisors.values()];
  const counts = {};
  for (const a of all) counts[a.state] = (counts[a.state] ?? 0) + 1;
  const shown = all
    .filter((a) => showLoggedOut || a.state !== 'LOGGED_OUT')
    .sort((x, y) => STATE_ORDER.indexOf(x.state) - STATE_ORDER.indexOf(y.state) || x.name.localeCompare(y.name));
  return html`<section aria-labelledby="advisors-heading">
    <h2 id="advisors-heading" tabindex="-1">Advisors</h2>
    <p class="wb-summary" id="advisor-summary">${STATE_ORDER.filter((s) => counts[s]).map((s) => `${counts[s]} ${STATE_WORDS[s].toLowerCase()}`).join(' · ') || 'No advisors defined.'}
      <label class="wb-toggle"><input type="checkbox" role="switch" .checked=${showLoggedOut}
        @change=${(e) => { showLoggedOut = e.target.checked; draw(); }}> Show logged out</label></p>
    <ul class="wb-advisors">${repeat(shown, (a) => a.agentId, advisorCard)}</ul>
  </section>`;
}

function view() {
  const queues = [...board.queues.values()];
  const now = new Date(serverNow()).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return html`<header class="wb-bar">
      <h1>FirstContact — live</h1>
      <p class="wb-status ${board.connection === 'up' ? '' : 'down'}" role="status">
        ${board.connection === 'up' ? 'Connected' : board.connection === 'down' ? 'Reconnecting…' : 'Connecting…'}</p>
      <p class="wb-clock" aria-hidden="true">${now}</p>
      <p><a href="/supervisor/">Supervisor view</a>
        <button type="button" class="secondary outline" @click=${() => signOut(false)}>Sign out</button></p>
    </header>
    <main class="wb-main">
      <section aria-labelledby="queues-heading">
        <h2 id="queues-heading">Queues</h2>
        <div class="wb-tiles">${repeat(queues, (q) => q.queue, tile)}</div>
        ${queues.length === 0 ? html`<p>No queues configured yet.</p>` : nothing}
      </section>
      <div class="wb-row">
        <section class="wb-chart" aria-labelledby="chart-heading" id="chart-section">
          <h2 id="chart-heading">Today by 15 minutes</h2>
          <p>The statistics by interval are not available on this server.</p>
        </section>
        ${alertsPanel()}
      </div>
      ${advisorsPanel()}
    </main>`;
}

function draw() {
  render(view(), document.getElementById('wallboard'));
}

// ------------------------------------------------------------------ start

const s = await session();
if (!s.signedIn) {
  location.assign(signInUrl());
} else {
  draw();
  connectBoard(() => draw());
  // The clocks on screen only; changes arrive by push whatever this timer does.
  setInterval(draw, 1000);
}
