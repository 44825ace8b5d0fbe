// `npm run user:add -- --name "Ann Lee" --role reviewer`: adds a user for team mode and prints a
// new password (for the sign-in form) and an API token (for scripts: Authorization: Bearer ...).
// Both are shown once: the users file keeps only their scrypt hashes. The file is var/users.json
// (gitignored), or the path in CONCORDANCE_USERS.
import { addUser, ROLES, UserError, usersFileOf } from '../store/users.js';
import { fail, parseCli } from './args.js';

const USAGE = `usage: npm run user:add -- --name "Name" --role ${ROLES.join('|')}`;
const { flags, positionals } = parseCli(process.argv.slice(2), { name: { type: 'string' }, role: { type: 'string' } }, USAGE);
if (positionals.length > 0) fail(`user:add: unexpected argument ${JSON.stringify(positionals[0])}\n${USAGE}`);
if (typeof flags.name !== 'string' || typeof flags.role !== 'string') fail(`user:add: --name and --role are required\n${USAGE}`);

const file = usersFileOf();
try {
  const { user, password, token } = await addUser(file, flags.name, flags.role);
  console.log(`added ${user.name} (${user.role}) to ${file}`);
  console.log(`password: ${password}`);
  console.log(`token:    ${token}`);
  console.log(
    'Both are shown only now: the file keeps their hashes. Sign in with the password in the explorer; send the token from scripts as "Authorization: Bearer <token>".',
  );
} catch (err) {
  if (err instanceof UserError) fail(`user:add: ${err.message}`);
  throw err;
}
