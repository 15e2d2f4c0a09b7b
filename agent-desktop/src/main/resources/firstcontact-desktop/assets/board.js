// The live board both supervisor pages hold: one WebSocket (/supervisor/push) that receives the whole board on
// connect and then only what changed (the supervisor view's also carries the chats its supervisor joined). Times on
// screen are counted here from the instants the server sends, corrected for this computer's clock, so nothing is
// pushed just because a second went by.
import { session, signInUrl } from './staff.js';

export const STATE_WORDS = {
  READY: 'Ready',
  OFFERED: 'Ringing',
  BUSY: 'Busy',
  WRAP_UP: 'Wrap-up',
  NOT_READY: 'Not ready',
  LOGGED_OUT: 'Logged out',
};

/** The board as the server last described it, and the connection's state. */
export const board = {
  entryId: null,
  advisors: new Map(), // agentId -> row
  queues: new Map(), // queue -> tile
  alerts: [],
  day: new Map(), // interval start (RFC 3339) -> the centre's interval: offered, answered, abandoned, serviceLevel
  dayVersion: 0, // counts changes of the day, so the chart is redrawn only when it changed
  statistics: false, // whether the server has statistics (today's figures, the chart)
  connection: 'connecting',
  skewMillis: 0, // server clock − this computer's clock
  lastAt: null, // engine time of the latest entry shown
};

let listener = () => {};
let chats = null;
let socket = null;
let retries = 0;

/**
 * Connects, and calls {@code onChange(kind)} after every message ('board', 'patch', 'connection'). With {@code onChat}
 * (the supervisor view), the chats this supervisor joined come too, each of their messages handed to it.
 */
export function connectBoard(onChange, onChat = null) {
  listener = onChange;
  chats = onChat;
  open();
}

function open() {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const q = new URLSearchParams();
  if (chats) q.set('chats', 'joined');
  if (board.entryId) q.set('after', board.entryId);
  const query = q.size ? `?${q}` : '';
  socket = new WebSocket(`${scheme}://${location.host}/supervisor/push${query}`);
  socket.addEventListener('open', () => {
    retries = 0;
    board.connection = 'up';
    listener('connection');
  });
  socket.addEventListener('message', (e) => receive(JSON.parse(e.data)));
  socket.addEventListener('close', (e) => {
    board.connection = 'down';
    listener('connection');
    if (e.reason === 'signed out') {
      location.assign(signInUrl());
      return;
    }
    const delay = retries === 0 ? 0 : Math.min(5000, 500 * 2 ** retries);
    retries++;
    setTimeout(reopen, delay);
  });
}

async function reopen() {
  try {
    const s = await session();
    if (!s.signedIn) {
      location.assign(signInUrl());
      return;
    }
  } catch {
    // the server is away: try again
  }
  open();
}

function receive(m) {
  if (m.now) board.skewMillis = Date.parse(m.now) - Date.now();
  if (m.entryId) board.entryId = m.entryId;
  switch (m.type) {
    case 'board':
      board.advisors = new Map(m.advisors.map((a) => [a.agentId, a]));
      board.queues = new Map(m.queues.map((q) => [q.queue, q]));
      board.alerts = m.alerts;
      board.statistics = m.statistics === true;
      board.day = new Map((m.day ?? []).map((i) => [i.startAt, i]));
      board.dayVersion++;
      break;
    case 'patch':
      for (const a of m.advisors) board.advisors.set(a.agentId, a);
      for (const q of m.queues) board.queues.set(q.queue, q);
      if (m.alerts) board.alerts = m.alerts;
      if (m.day?.length) {
        for (const i of m.day) board.day.set(i.startAt, i);
        board.dayVersion++;
      }
      break;
    case 'current':
      break;
    default:
      chats?.(m);
      return;
  }
  if (m.at) board.lastAt = m.at;
  listener(m.type, m);
}

/** Now, by the server's clock. */
export function serverNow() {
  return Date.now() + board.skewMillis;
}

/** Seconds since an instant (RFC 3339), by the server's clock; null for none. */
export function secondsSince(instant) {
  if (!instant) return null;
  return Math.max(0, Math.floor((serverNow() - Date.parse(instant)) / 1000));
}

/** 75 → "1:15", 3700 → "1:01:40". */
export function clock(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A duration for a screen reader: "1 minute 15 seconds". */
export function spoken(seconds) {
  if (seconds === null || seconds === undefined) return 'none';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s || !m) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/** 0.8123 → "81 %", null → "—". */
export function percent(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${Math.round(ratio * 100)} %`;
}

/**
 * How a queue's longest wait stands against its limit: 'alert' at or past it, 'warn' past half of it, else 'ok'.
 */
export function waitLevel(q) {
  const s = secondsSince(q.oldestWaitingSince);
  if (s === null) return 'ok';
  const limit = q.longestWaitLimitMillis / 1000;
  return s >= limit ? 'alert' : s >= limit / 2 ? 'warn' : 'ok';
}
