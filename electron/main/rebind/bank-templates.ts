// Bank templates on disk (resources/bank-templates/*.json): read, checked field by field, and
// reported per file, so one broken template does not hide the others.
import { reason } from '../../../shared/errors/reason';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBankTemplate } from '../../../shared/rebind/bank-template';
import type { BankTemplate, FieldProblem } from '../../../shared/rebind/bank-template';

/** The templates found in a folder, and the files that were refused with their problems. */
export interface LoadedTemplates {
  templates: BankTemplate[];
  refused: { file: string; problems: FieldProblem[] }[];
}

/** Reads every *.json in `dir` as a bank template; sorted by id. A duplicate id is refused. */
export function loadBankTemplates(dir: string): LoadedTemplates {
  const templates: BankTemplate[] = [];
  const refused: LoadedTemplates['refused'] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      refused.push({ file, problems: [loggedProblem('(file)', `${file} is not JSON: ${(error as Error).message}`)] });
      continue;
    }
    const parsed = parseBankTemplate(json);
    if (!parsed.ok) refused.push({ file, problems: parsed.problems });
    else if (templates.some((t) => t.id === parsed.template.id)) {
      refused.push({ file, problems: [loggedProblem('id', `id "${parsed.template.id}" is used by another template: give each bank its own id`)] });
    } else templates.push(parsed.template);
  }
  templates.sort((a, b) => a.id.localeCompare(b.id));
  return { templates, refused };
}

/** A template file's problem that only the log shows (a refused file is never offered): said as it came. */
function loggedProblem(field: string, message: string): FieldProblem {
  return { field, tag: null, message, reason: reason('detail-text', { text: message }) };
}
