#!/usr/bin/env node
// Makes better-sqlite3 loadable by Electron WITHOUT touching node_modules/better-sqlite3/build,
// which stays the Node build that `npm test` uses. The Electron build goes to
// .cache/electron-sqlite/<electron version>-<platform>-<arch>/better_sqlite3.node and the main
// process loads it through better-sqlite3's `nativeBinding` option. So `npm start` and `npm test`
// never rebuild over each other, in either order.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules/electron');
const sqliteDir = join(root, 'node_modules/better-sqlite3');

function die(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

if (!existsSync(electronDir)) die('Electron is not installed. Run "npm install" first.');
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

// Electron downloads its binary on first use; read path.txt rather than require('electron').
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary) {
  console.log(`Downloading the Electron ${electronVersion} binary…`);
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  binary = electronBinary();
  if (!binary) {
    die(
      `The Electron ${electronVersion} binary could not be downloaded, so the desktop app cannot start on this machine.\n` +
        '  Check the network (or set ELECTRON_MIRROR), then run "npm start" again.\n' +
        '  The test suite does not need it: "npm test" runs the browser end-to-end tests against the same main-process code.',
    );
  }
}

const target = join(root, '.cache/electron-sqlite', `${electronVersion}-${process.platform}-${process.arch}`);
const bindingFile = join(target, 'better_sqlite3.node');

function bindingLoads() {
  if (!existsSync(bindingFile)) return false;
  const probe = `const D=require(${JSON.stringify(sqliteDir)});const db=new D(':memory:',{nativeBinding:${JSON.stringify(bindingFile)}});db.prepare('select 1').get();db.close();`;
  const run = spawnSync(binary, ['-e', probe], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  return run.status === 0;
}

if (bindingLoads()) process.exit(0);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${target}…`);
const work = join(target, 'src');
rmSync(work, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
cpSync(sqliteDir, work, { recursive: true, filter: (src) => !src.includes(`${join(sqliteDir, 'build')}`) });

// npm_config_nodedir points node-gyp at Node's headers; for Electron it must use Electron's.
const env = { ...process.env };
for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
const bin = (name) => join(root, 'node_modules/.bin', name);
const common = [`--target=${electronVersion}`, `--arch=${process.arch}`];

let built = spawnSync(bin('prebuild-install'), ['--runtime=electron', ...common, `--platform=${process.platform}`], { cwd: work, env, stdio: 'inherit' }).status === 0;
if (!built) {
  console.log('No prebuilt binary; compiling with node-gyp against the Electron headers…');
  built =
    spawnSync(bin('node-gyp'), ['rebuild', '--release', '--runtime=electron', ...common, '--dist-url=https://electronjs.org/headers'], { cwd: work, env, stdio: 'inherit' }).status === 0;
}
const output = join(work, 'build/Release/better_sqlite3.node');
if (!built || !existsSync(output)) die('better-sqlite3 could not be built for Electron. See the messages above (a C++ toolchain and Python are needed to compile).');
cpSync(output, bindingFile);
rmSync(work, { recursive: true, force: true });
if (!bindingLoads()) die(`The Electron build of better-sqlite3 at ${bindingFile} does not load in Electron ${electronVersion}.`);
console.log(`better-sqlite3 for Electron is ready: ${bindingFile}`);
