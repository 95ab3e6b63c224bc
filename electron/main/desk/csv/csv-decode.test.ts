import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, decodeCsvBytesAs } from './csv-decode';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const gbk = (text: string) => new Uint8Array(iconv.encode(text, 'gbk'));
const gb18030 = (text: string) => new Uint8Array(iconv.encode(text, 'gb18030'));
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    expect(decodeCsvBytes(withBom(utf8('商户名称,uscc\r\n')))).toEqual({ ok: true, text: '商户名称,uscc\r\n', encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('name\n福州'))).toEqual({ ok: true, text: 'name\n福州', encoding: 'utf-8' });
  });

  it('reads a GBK file (Excel\'s "CSV (comma delimited)" on Chinese Windows) as GB18030', () => {
    const bytes = gbk('商户名称,法定代表人\r\n福州市鼓楼区便利店,张敏\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: '商户名称,法定代表人\r\n福州市鼓楼区便利店,张敏\r\n', encoding: 'gb18030' });
  });

  it('reads characters that only GB18030 has (four-byte sequences, outside GBK)', () => {
    // 𠀀 (U+20000, CJK Extension B) and 㐀 (U+3400, Extension A) are not in GBK; GB18030 has both.
    const text = '商户名称\r\n𠀀㐀记\r\n';
    expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk')).not.toBe(text);
    expect(decodeCsvBytes(gb18030(text))).toEqual({ ok: true, text, encoding: 'gb18030' });
  });

  it('keeps a U+FFFD that GB18030 really encodes, and refuses bytes that are text in neither encoding', () => {
    expect(decodeCsvBytes(gb18030('名\uFFFD\n'))).toEqual({ ok: true, text: '名\uFFFD\n', encoding: 'gb18030' });
    const broken = new Uint8Array([...gbk('name\n张敏\n'), 0x81, 0x0a, ...gbk('李伟\n')]);
    expect(decodeCsvBytes(broken)).toEqual({ ok: false, problem: { row: null, line: 3, column: null, reason: { code: 'csv-not-decodable', params: { line: 3 } } } });
  });

  it('refuses UTF-16 in either byte order, saying which', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('name', 'utf16le')]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x6e]);
    expect(decodeCsvBytes(le)).toMatchObject({ ok: false, problem: { reason: { code: 'csv-utf16-unsupported', params: { encoding: 'UTF-16LE' } } } });
    expect(decodeCsvBytes(be)).toMatchObject({ ok: false, problem: { reason: { code: 'csv-utf16-unsupported', params: { encoding: 'UTF-16BE' } } } });
    expect(decodeCsvBytesAs(le, 'gb18030')).toMatchObject({ ok: false, problem: { reason: { code: 'csv-utf16-unsupported' } } });
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });
});

describe('decodeCsvBytesAs (the encoding the user chose in the preview)', () => {
  it('reads valid UTF-8 as GB18030 when told to (the mojibake the preview shows)', () => {
    const decoded = decodeCsvBytesAs(utf8('商户'), 'gb18030');
    expect(decoded).toEqual({ ok: true, text: iconv.decode(Buffer.from('商户', 'utf8'), 'gb18030'), encoding: 'gb18030' });
  });

  it('refuses a GBK file forced to UTF-8, at the first line that is not UTF-8', () => {
    expect(decodeCsvBytesAs(new Uint8Array([...utf8('name\nabc\n'), ...gbk('张敏\n')]), 'utf-8')).toEqual({
      ok: false,
      problem: { row: null, line: 3, column: null, reason: { code: 'csv-not-in-encoding', params: { encoding: 'UTF-8', line: 3 } } },
    });
  });

  it('drops a UTF-8 BOM when UTF-8 is forced, and says so', () => {
    expect(decodeCsvBytesAs(withBom(utf8('a')), 'utf-8')).toEqual({ ok: true, text: 'a', encoding: 'utf-8-bom' });
  });
});
