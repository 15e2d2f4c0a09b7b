import { session, signOut } from './staff.js';

const s = await session();
document.getElementById('who').textContent = s.signedIn ? s.user.name : '…';
document.getElementById('signout').addEventListener('click', () => signOut());
