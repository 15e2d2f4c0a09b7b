// The live wallboard: queue tiles, the day by 15 minutes, alerts as they happen, every advisor's state. Everything
// arrives by push (board.js); the clocks are counted here.
import { html, render, nothing } from '/lib/lit-html/lit-html.js';
import { repeat } from '/lib/lit-html/directives/repeat.js';
import { session, signOut, signInUrl } from './staff.js';
import {
  board, connectBoard, secondsSince, clock, spoken, percent, waitLevel, serverNow, STATE_WORDS,
} from './board.js';

// Short enough for the flag to stay on one line of a tile; the limit follows the words.
const LEVEL_WORDS = { ok: 'Within', warn: 'Nearing', alert: 'Over' };
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
      <div><dt>Abandoned</dt><dd class="wb-big abandoned">${q.abandoned}</dd>
        ${q.abandonedShort ? html`<dd>${q.abandonedShort} short</dd>` : nothing}</div>
      <div><dt>Ringing</dt><dd class="wb-big being-offered">${q.beingOffered}</dd></div>
      <div class="wb-half"><dt>Longest wait</dt>
        <dd class="wb-big longest-wait" aria-label=${spoken(wait)}>${clock(wait)}</dd>
        <dd>${wait === null ? 'nobody waiting' : flag(level, `${LEVEL_WORDS[level]} ${clock(limit)}`)}</dd></div>
      <div class="wb-half"><dt>Service level</dt>
        <dd class="wb-big service-level" data-ratio=${q.serviceLevel ?? ''}>${percent(q.serviceLevel)}</dd>
        <dd>${q.serviceLevel === null || q.serviceLevel === undefined
          ? 'none yet today'
          : flag(q.belowTarget ? 'alert' : 'ok', `${q.belowTarget ? 'Below' : 'Target'} ${percent(q.serviceLevelTarget)}`)}</dd></div>
      <div class="wb-minor wb-wide"><dt>Answered</dt><dd class="answered">${q.answered} of ${q.offered} offered</dd>
        ${q.asaSeconds === null || q.asaSeconds === undefined ? nothing : html`<dd class="asa">· <abbr title="average speed of answer">ASA</abbr> ${clock(Math.round(q.asaSeconds))}</dd>`}</div>
      <div class="wb-minor wb-wide"><dt class="visually-hidden">Advisors</dt><dd class="advisors">${advisorsByState(q)}</dd></div>
    </dl>
  </article>`;
}

function when(instant) {
  return new Date(instant).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

// The board shows this many alerts, the lasting ones first, and counts the others: it never scrolls.
const ALERTS_SHOWN = 4;

function alertsPanel() {
  const alerts = board.alerts.slice(0, ALERTS_SHOWN);
  const more = board.alerts.length - alerts.length;
  return html`<section class="wb-alerts" aria-labelledby="alerts-heading">
    <h2 id="alerts-heading" tabindex="-1">Alerts</h2>
    <div role="log" aria-live="polite" aria-relevant="additions" id="alerts"><ul>
      ${repeat(alerts, (a) => a.key, (a) => html`<li class=${a.lasting ? 'lasting' : 'moment'}>
        <span class="wb-when">${when(a.raisedAt)}</span> ${a.text}</li>`)}
    </ul></div>
    ${alerts.length === 0 ? html`<p>No alerts.</p>` : nothing}
    ${more > 0 ? html`<p class="wb-more">and ${more} more (the supervisor view lists the advisors and queues)</p>` : nothing}
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
    <div class="wb-advisors-head">
      <h2 id="advisors-heading" tabindex="-1">Advisors</h2>
      <p class="wb-summary" id="advisor-summary">${STATE_ORDER.filter((s) => counts[s]).map((s) => `${counts[s]} ${STATE_WORDS[s].toLowerCase()}`).join(' · ') || 'No advisors defined.'}</p>
      <label class="wb-toggle"><input type="checkbox" role="switch" .checked=${showLoggedOut}
        @change=${(e) => { showLoggedOut = e.target.checked; draw(); }}> Show logged out</label>
    </div>
    <ul class="wb-advisors">${repeat(shown, (a) => a.agentId, advisorCard)}</ul>
  </section>`;
}

// ------------------------------------------------------------------ the day by 15 minutes (Chart.js)

const DAY_COLOURS = { answered: '#58a6ff', abandoned: '#ff9e80', serviceLevel: '#ffffff' };
let chart = null;
let chartVersion = -1;

function intervalLabel(startAt) {
  return new Date(startAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

function daySummary(day) {
  if (day.length === 0) return 'Nothing has happened today yet.';
  const offered = day.reduce((n, i) => n + i.offered, 0);
  const last = day[day.length - 1];
  return `${day.length} intervals since ${intervalLabel(day[0].startAt)}: ${offered} contacts offered; `
    + `in the latest, from ${intervalLabel(last.startAt)}, ${last.answered} answered, ${last.abandoned} abandoned, `
    + `service level ${percent(last.serviceLevel)}.`;
}

function chartPanel() {
  const day = [...board.day.values()];
  return html`<section class="wb-chart" aria-labelledby="chart-heading" id="chart-section">
    <h2 id="chart-heading">Today by 15 minutes</h2>
    ${board.statistics
      ? html`<div class="wb-chart-box"><canvas id="day-chart" role="img"
          aria-label=${`Chart of today by 15 minutes. ${daySummary(day)}`}></canvas></div>
        <details><summary>The day as a table</summary>
          <table id="day-table"><thead><tr><th scope="col">From</th><th scope="col">Offered</th><th scope="col">Answered</th>
            <th scope="col">Abandoned</th><th scope="col">Service level</th></tr></thead>
            <tbody>${day.map((i) => html`<tr><th scope="row">${intervalLabel(i.startAt)}</th><td>${i.offered}</td>
              <td>${i.answered}</td><td>${i.abandoned}</td><td>${percent(i.serviceLevel)}</td></tr>`)}</tbody></table>
        </details>`
      : html`<p>The statistics by interval are not available on this server.</p>`}
  </section>`;
}

/** Draws the chart when the day changed; Chart.js keeps the canvas, its data is replaced. */
function drawChart() {
  const canvas = document.getElementById('day-chart');
  if (!canvas || typeof Chart === 'undefined' || chartVersion === board.dayVersion) return;
  chartVersion = board.dayVersion;
  const day = [...board.day.values()];
  const data = {
    labels: day.map((i) => intervalLabel(i.startAt)),
    datasets: [
      { type: 'bar', label: 'Answered', data: day.map((i) => i.answered), backgroundColor: DAY_COLOURS.answered, stack: 'contacts', maxBarThickness: 48 },
      { type: 'bar', label: 'Abandoned', data: day.map((i) => i.abandoned), backgroundColor: DAY_COLOURS.abandoned, stack: 'contacts', maxBarThickness: 48 },
      { type: 'line', label: 'Service level %', yAxisID: 'serviceLevel', borderColor: DAY_COLOURS.serviceLevel,
        backgroundColor: DAY_COLOURS.serviceLevel, borderDash: [6, 4], pointStyle: 'rectRot', pointRadius: 5,
        data: day.map((i) => (i.serviceLevel === null ? null : Math.round(i.serviceLevel * 100))) },
    ],
  };
  if (chart && chart.canvas === canvas) {
    chart.data = data;
    chart.update('none');
    return;
  }
  chart?.destroy();
  Chart.defaults.color = '#ffffff';
  Chart.defaults.font.size = 16;
  chart = new Chart(canvas, {
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { usePointStyle: true } } },
      scales: {
        x: { stacked: true, grid: { color: '#30363d' } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'Contacts' }, grid: { color: '#30363d' }, ticks: { precision: 0 } },
        serviceLevel: { position: 'right', min: 0, max: 100, title: { display: true, text: 'Service level %' }, grid: { drawOnChartArea: false } },
      },
    },
  });
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
      <div class="wb-top">
        <section aria-labelledby="queues-heading" class="wb-queues">
          <h2 id="queues-heading" class="visually-hidden">Queues</h2>
          <div class="wb-tiles">${repeat(queues, (q) => q.queue, tile)}</div>
          ${queues.length === 0 ? html`<p>No queues configured yet.</p>` : nothing}
        </section>
        ${alertsPanel()}
      </div>
      <div class="wb-row">
        ${chartPanel()}
        ${advisorsPanel()}
      </div>
    </main>`;
}

function draw() {
  render(view(), document.getElementById('wallboard'));
  drawChart();
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
