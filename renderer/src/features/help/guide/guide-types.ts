// The operating guide is structured data, not markdown: headings, paragraphs, numbered steps,
// bullet points and notes, rendered by Vue as text. Nothing is parsed or injected as HTML (the CSP
// and the sanitising question never arise), no library is needed, the compiler checks each role's
// file, and a test can walk every page's section in each language.
import type { PageName } from '../../../router/routes';

export type GuideBlock =
  | { kind: 'text'; text: string }
  /** Numbered steps, done in this order. */
  | { kind: 'steps'; items: readonly string[] }
  /** Unordered points. */
  | { kind: 'points'; items: readonly string[] }
  /** A hint or warning set apart from the text. */
  | { kind: 'note'; text: string };

export interface GuideSection {
  title: string;
  blocks: readonly GuideBlock[];
}

/** A section is keyed by the route name of the page it explains; `overview` opens the guide, `training` follows it. */
export type GuideKey = PageName | 'overview' | 'training';

/** One role's guide in one language: the overview, training mode, and a section per page that role may open. */
export type RoleGuide = { overview: GuideSection; training: GuideSection } & Partial<Record<PageName, GuideSection>>;

export const text = (value: string): GuideBlock => ({ kind: 'text', text: value });
export const steps = (...items: string[]): GuideBlock => ({ kind: 'steps', items });
export const points = (...items: string[]): GuideBlock => ({ kind: 'points', items });
export const note = (value: string): GuideBlock => ({ kind: 'note', text: value });
export const section = (title: string, ...blocks: GuideBlock[]): GuideSection => ({ title, blocks });
