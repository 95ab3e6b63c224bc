// Run by backup-failures.test.ts in a child process: opens the app on a data directory, signs the
// admin in and starts a backup, then waits to be killed in the middle of it (SIGKILL: no clean-up).
import { callAs, testAdmin, testMainContext, testWindow } from './main-context';

const dataDir = process.argv[2]!;
const ctx = testMainContext(dataDir);
const sender = testWindow();
await callAs(ctx, sender, 'auth:sign-in', { username: testAdmin.username, password: testAdmin.password });
process.stdout.write('backing-up\n');
await callAs(ctx, sender, 'backup:create', { destination: 'default' });
process.stdout.write('finished\n');
await ctx.close();
