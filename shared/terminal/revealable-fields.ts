import { tagToText, Tag } from '../rtp/tags';

/**
 * Secret terminal values an engineer may reveal (audited by main): field name → tag. A Map, because
 * the field name comes from the renderer and an object would also answer `constructor` or `toString`.
 */
export const revealableTerminalFields: ReadonlyMap<string, string> = new Map([['keyCheckValue', tagToText(Tag.E0E1)]]);

/** The field name to ask main for when revealing a parameter, or undefined for a tag that cannot be revealed. */
export function revealableFieldOfTag(tag: string): string | undefined {
  for (const [field, fieldTag] of revealableTerminalFields) if (fieldTag === tag) return field;
  return undefined;
}
