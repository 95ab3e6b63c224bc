// `npm run lint:layers`: reads every import of electron/ (static, re-export and dynamic), resolves
// it to a file, and prints the folder → folder graph of the main process with each edge checked
// against the layer table in scripts/main-layers.mjs. Exits 1 when an import runs up the layers or
// reaches Electron from a file that may not. The same table drives the eslint rule; this is the
// picture of the whole tree (docs/main-layers.md quotes it). `--files` lists the importing files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { baseFiles, electronFiles, forbiddenFor, mainFolders, moduleFileSuffix, topFiles } from './main-layers.mjs';

const root = resolve(process.argv.find((arg, i) => i > 1 && !arg.startsWith('--')) ?? join(import.meta.dirname, '..'));
const listFiles = process.argv.includes('--files');
const toPosix = (path) => path.split(sep).join('/');

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const importPattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file) {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return [...text.matchAll(importPattern)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveImport(file, spec) {
  const base = resolve(dirname(file), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return `${base}.ts`;
}

/** The node of the graph a file belongs to: a main folder, a root file of main, cli, preload, shared. */
function nodeOf(file) {
  const path = toPosix(relative(root, file));
  const parts = path.split('/');
  if (parts[0] === 'shared') return 'shared';
  if (parts[0] !== 'electron') return parts[0];
  if (parts[1] !== 'main') return parts[1];
  if (parts.length === 3) return parts[2].replace(/(\.test)?\.ts$/, '');
  // A feature's module file is its own node: it sits above ipc/, unlike the rest of its folder.
  return isModuleFile(path) ? `${parts[2]}/*${moduleFileSuffix}` : parts[2];
}

function isModuleFile(path) {
  return path.startsWith('electron/main/') && path.endsWith(`${moduleFileSuffix}.ts`);
}

/** Why the import from `fromPath` (node `from`) to `toPath` (node `to`) breaks the layers, or null. */
function violation(fromPath, from, toPath, to) {
  if (from === to) return null;
  if (to === 'shared' || baseFiles.includes(to)) return null;
  if (topFiles.includes(to) && !(from === 'index' && to === 'main-context')) return 'imports a composition root';
  if (isModuleFile(toPath) && from !== 'main-context') return 'imports a feature module (only main-context.ts composes them)';
  if (from === 'cli') return ['ipc', 'security'].includes(to) ? 'the command line uses services, not the IPC layer or the window' : null;
  if (from === 'preload') return 'the preload reaches main only through IPC';
  if (to === 'cli') return 'main imports the command line';
  if (topFiles.includes(from)) return null;
  if (isModuleFile(fromPath)) return to === 'security' ? 'a module imports the window' : null;
  if (!(from in mainFolders)) return `electron/main/${from}/ is not placed in scripts/main-layers.mjs`;
  if (isModuleFile(toPath)) return 'imports a feature module (only main-context.ts composes them)';
  if (!(to in mainFolders)) return `electron/main/${to}/ is not placed in scripts/main-layers.mjs`;
  return forbiddenFor(from).includes(to) ? `${from}/ sits below ${to}/` : null;
}

const edges = new Map();
const problems = [];
const files = ['electron/main', 'electron/cli', 'electron/preload'].flatMap((dir) => sourceFiles(join(root, dir)));
for (const file of files) {
  const fromPath = toPosix(relative(root, file));
  const from = nodeOf(file);
  for (const spec of importsOf(file)) {
    if (spec === 'electron' || spec.startsWith('electron/')) {
      if (!electronFiles.includes(fromPath)) problems.push(`${fromPath}: imports Electron (allowed only in ${electronFiles.join(', ')})`);
      continue;
    }
    if (!spec.startsWith('.')) continue;
    const toFile = resolveImport(file, spec);
    const toPath = toPosix(relative(root, toFile));
    const to = nodeOf(toFile);
    // Unit tests beside the code may use the shared test rigs in tests/.
    if (from === to || to === 'shared' || to === 'tests' || to === `${from}/*${moduleFileSuffix}`) continue;
    const why = violation(fromPath, from, toPath, to);
    const key = `${from} -> ${to}`;
    const edge = edges.get(key) ?? { imports: 0, files: new Set(), bad: new Set() };
    edge.imports += 1;
    edge.files.add(fromPath);
    if (why) {
      edge.bad.add(why);
      problems.push(`${fromPath}: '${spec}' (${why})`);
    }
    edges.set(key, edge);
  }
}

console.log(`Import graph of electron/ (${files.length} files; shared/ and each folder's own imports left out)`);
for (const [key, edge] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
  const status = edge.bad.size > 0 ? `UP THE LAYERS: ${[...edge.bad].join('; ')}` : 'ok';
  console.log(`  ${key.padEnd(34)} ${String(edge.imports).padStart(3)} import(s)  ${status}`);
  if (listFiles) for (const path of [...edge.files].sort()) console.log(`      ${path}`);
}
if (problems.length === 0) {
  console.log('No import runs up the layers; Electron is imported only where allowed.');
} else {
  console.log(`${problems.length} import(s) break the layers:`);
  for (const problem of problems) console.log(`  ${problem}`);
  process.exitCode = 1;
}
