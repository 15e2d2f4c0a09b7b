// What every staff page shares: the session (who is signed in and the CSRF token) and requests carrying the token.

let token = null;

/** The session as the server knows it: {signedIn, user, csrfToken, singleSignOn}. */
export async function session() {
  const r = await fetch('/auth/session', { credentials: 'same-origin', cache: 'no-store' });
  if (!r.ok) throw new Error(`session: ${r.status}`);
  const s = await r.json();
  token = s.csrfToken;
  return s;
}

/** Where to go to sign in, coming back to this page afterwards. */
export function signInUrl() {
  return '/signin?next=' + encodeURIComponent(location.pathname);
}

/**
 * A JSON request with the session's CSRF token. Resolves to the parsed body (null for 204); rejects with an Error
 * whose message is the server's problem detail. A lost session sends the page to sign in.
 */
export async function call(method, path, body, retried = false) {
  if (token === null) await session();
  const r = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = r.headers.get('Content-Type')?.includes('json') ? await r.json() : null;
  if (r.status === 401 && data?.type?.endsWith('/unauthenticated')) {
    location.assign(signInUrl());
    throw new Error('signed out');
  }
  if (r.status === 403 && !retried) {
    // The token may be stale (a new session after signing in elsewhere): fetch it again once.
    await session();
    return call(method, path, body, true);
  }
  if (r.status === 204) return null;
  if (!r.ok) throw new Error(data?.detail ?? `request failed (${r.status})`);
  return data;
}

export async function signOut(everywhere = false) {
  await call('POST', everywhere ? '/auth/signout-everywhere' : '/auth/signout');
  location.assign('/signin');
}
