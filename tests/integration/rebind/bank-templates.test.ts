// The sample bank templates in resources/bank-templates load, merge into valid sets, and a broken
// template is refused with its field named.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../shared/bytes';
import { mergeBankTemplate } from '../../../shared/rebind/bank-template';
import { canonicalParameterSet } from '../../../shared/rtp';
import { parameterDigest } from '../../../electron/main/terminal/parameter-digest';
import { SAMPLE_NEW_DIGEST_HEX } from '../../fixtures/rtp-vectors';
import { loadBankTemplates } from '../../../electron/main/rebind/bank-templates';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('rebinddesk-templates-');
const samples = join(import.meta.dirname, '../../../resources/bank-templates');
const merchant = { tid: '87654321', mid: '105290058120007', name: '上海示例便利店', mcc: '5411' };

describe('bank templates on disk', () => {
  it('the samples load, and each merges into a set the terminal accepts', () => {
    const { templates, refused } = loadBankTemplates(samples);
    expect(refused).toEqual([]);
    expect(templates.map((t) => t.id)).toEqual(['acquirer-b', 'acquirer-c']);
    for (const template of templates) expect(mergeBankTemplate(template, merchant).ok).toBe(true);
    const b = mergeBankTemplate(templates[0]!, merchant);
    expect(b.ok && bytesToHex(parameterDigest(canonicalParameterSet(b.params)))).toBe(SAMPLE_NEW_DIGEST_HEX);
  });

  it('refuses a broken file, naming the field, and keeps the others', () => {
    const dir = tempDir();
    const good = JSON.parse(JSON.stringify(loadBankTemplates(samples).templates[0]));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...good, id: 'bank-b', params: { ...good.params, tpdu: '60001200' } }));
    writeFileSync(join(dir, 'c.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'd.json'), '{ not json');
    const { templates, refused } = loadBankTemplates(dir);
    expect(templates.map((t) => t.id)).toEqual(['acquirer-b']);
    expect(refused.map((r) => [r.file, r.problems[0]?.field])).toEqual([
      ['b.json', 'params.tpdu'],
      ['c.json', 'id'],
      ['d.json', '(file)'],
    ]);
    expect(refused[0]?.problems[0]?.message).toBe('params.tpdu (A008 TPDU must be 10 hex digits)');
  });
});
