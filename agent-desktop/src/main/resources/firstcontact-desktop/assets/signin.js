import { session, call } from './staff.js';

const form = document.getElementById('signin');
const error = document.getElementById('signin-error');
const button = document.getElementById('signin-button');

function next(home) {
  const n = new URLSearchParams(location.search).get('next');
  // Only a path on this site: never an address elsewhere.
  return n && n.startsWith('/') && !n.startsWith('//') ? n : home;
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    error.textContent = 'Enter your username and password.';
    (username ? form.password : form.username).focus();
    return;
  }
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const r = await call('POST', '/auth/password', { username, password });
    location.assign(next(r.home));
  } catch (err) {
    error.textContent = err.message.charAt(0).toUpperCase() + err.message.slice(1) + '.';
    form.password.value = '';
    form.password.focus();
  } finally {
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
});

// The button works once the form is handled here (a plain submission would not sign in).
const s = await session();
if (s.singleSignOn) document.getElementById('sso').hidden = false;
if (s.signedIn) location.replace(next(s.user.home));
button.disabled = false;
