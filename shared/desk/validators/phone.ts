// Mainland phone numbers as merchants write them: a mobile (11 digits, 13x-19x) or a landline
// with its area code (010, 02x, or 0 and three digits 3xx-9xx, then a 7- or 8-digit local number
// not beginning with 0 or 1), optionally with an extension. Stored as `13800138000`,
// `0591-87654321` or `0591-87654321-8001`. Service numbers (400/800, 95xxx) are not merchant
// contact phones and are refused.
import { accepted, deskReason, refused, shown, type FieldCheck } from './field-check';

/** What kind of number was given. */
export type PhoneKind = 'mobile' | 'landline';

/** A phone check: the field check, and the kind when it is valid. */
export type PhoneCheck = FieldCheck & { kind?: PhoneKind };

const MOBILE = /^1[3-9][0-9]{9}$/;
const AREA_CODE = /^0(?:10|2[0-9]|[3-9][0-9]{2})/;
const LOCAL_NUMBER = /^[2-9][0-9]{6,7}$/;

interface Parts {
  digits: string;
  groups: string[];
  extension: string | undefined;
  international: boolean;
}

// "+86 591 8765 4321 转 8001" → the digits without separators, their groups and the extension.
function split(input: string): Parts | undefined {
  let text = input.normalize('NFKC').trim().toLowerCase();
  const international = /^(?:\+|00)86(?=[\s\-(]|[0-9])/.test(text);
  if (international) text = text.replace(/^(?:\+|00)86/, '');
  let extension: string | undefined;
  const marked = /\s*(?:转|ext\.?|x|#)\s*([0-9]{1,6})$/.exec(text);
  if (marked) {
    extension = marked[1];
    text = text.slice(0, marked.index);
  }
  // An area code in brackets, "(0591)87654321", is a group like any other.
  text = text.replace(/[()]/g, ' ').trim();
  if (!/^[0-9][0-9\s-]*$/.test(text)) return undefined;
  const groups = text.split(/[\s-]+/).filter((group) => group !== '');
  return { digits: groups.join(''), groups, extension, international };
}

function landline(digits: string): { area: string; local: string } | { badArea: string } | { badLocal: string } {
  const area = AREA_CODE.exec(digits)?.[0];
  if (area === undefined) return { badArea: digits.slice(0, 4) };
  const local = digits.slice(area.length);
  return LOCAL_NUMBER.test(local) ? { area, local } : { badLocal: local };
}

/** Checks a mobile or landline number and gives it in its stored form. */
export function checkPhone(input: string): PhoneCheck {
  const parts = split(input);
  if (parts === undefined) return input.trim() === '' ? refused('', [deskReason('desk-field-required')]) : refused(input.trim(), [deskReason('phone-bad-format')]);
  const { groups, extension, international } = parts;
  let { digits } = parts;
  if (digits.startsWith('1')) {
    if (extension !== undefined) return refused(digits, [deskReason('phone-bad-format')]);
    return MOBILE.test(digits) ? { ...accepted(digits), kind: 'mobile' } : refused(digits, [deskReason('phone-bad-mobile', { number: shown(digits) })]);
  }
  // Dialled from abroad a landline drops its leading 0; without it and from home, it has no area code.
  if (international) digits = `0${digits}`;
  if (!digits.startsWith('0')) return refused(digits, [deskReason('phone-bad-format')]);
  let found = landline(digits);
  let ext = extension;
  // "0591-87654321-8001": a last group that does not fit the number is its extension.
  if (!('area' in found) && ext === undefined && groups.length >= 2 && groups.at(-1)!.length <= 6) {
    const shorter = landline(digits.slice(0, digits.length - groups.at(-1)!.length));
    if ('area' in shorter) [found, ext] = [shorter, groups.at(-1)];
  }
  if ('badArea' in found) return refused(digits, [deskReason('phone-bad-area-code', { code: found.badArea })]);
  if ('badLocal' in found) return refused(digits, [deskReason('phone-bad-local-number', { number: shown(found.badLocal) })]);
  return { ...accepted(`${found.area}-${found.local}${ext === undefined ? '' : `-${ext}`}`), kind: 'landline' };
}
