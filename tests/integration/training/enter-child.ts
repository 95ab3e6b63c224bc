// Run by training-crash.test.ts as its own OS process: opens the app's data directory as the app
// does, signs the admin in, enters training, prints one line once the entry is committed and then
// waits to be killed (SIGKILL: no shutdown, no "left" entry).
import { callAs, testAdmin, testMainContext, testWindow } from '../support/main-context';

const ctx = testMainContext(process.argv[2]!);
const window = testWindow('crash-window');
await callAs(ctx, window, 'auth:sign-in', { username: testAdmin.username, password: testAdmin.password });
await callAs(ctx, window, 'training:enter', {});
process.stdout.write('entered\n');
setInterval(() => undefined, 60_000);
