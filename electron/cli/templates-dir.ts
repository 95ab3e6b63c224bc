// Where the shipped bank templates are: resources/bank-templates of the checkout or the package,
// found by walking up from this module (electron/cli/ in a checkout, out/node/ when built).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** resources/bank-templates above this module; the first candidate when none exists (the error then names it). */
export function defaultTemplatesDir(from: string = import.meta.dirname): string {
  let dir = from;
  for (let level = 0; level < 6; level++) {
    const candidate = join(dir, 'resources', 'bank-templates');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(from, 'resources', 'bank-templates');
}
