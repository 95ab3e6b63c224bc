// The checklist templates the app ships (resources/checklists/<bank>.json), parsed with the same
// schema and checks as an admin's save, so a broken file is refused at start-up rather than stored.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkTemplate, checklistTemplateContentSchema, type ChecklistTemplateContent } from '../../../shared/checklist';
import { inEnglish, type MainReason } from '../../../shared/errors/reasons-en';

const shippedFileSchema = z.strictObject({
  format: z.literal('rebinddesk-checklist-template'),
  version: z.literal(1),
  template: checklistTemplateContentSchema,
});

/** Every template in `dir`, by file name; throws naming the file and its first problem. */
export function readShippedTemplates(dir: string): ChecklistTemplateContent[] {
  const files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  return files.map((name) => {
    const path = join(dir, name);
    const parsed = shippedFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`The checklist template ${path} is broken at ${issue.path.join('.')}: ${issue.message}`);
    }
    const problems = checkTemplate(parsed.data.template.steps);
    if (problems.length > 0) throw new Error(`The checklist template ${path} is broken: ${inEnglish(problems[0] as MainReason)}`);
    if (`${parsed.data.template.bankCode}.json` !== name) throw new Error(`The checklist template ${path} is for ${parsed.data.template.bankCode}; name it ${parsed.data.template.bankCode}.json.`);
    return parsed.data.template;
  });
}
