// The kinds of material a case collects: the five every bank asks for, plus any a bank adds
// (named in its requiredMaterials, so a kind is a slug rather than a closed list).
import { z } from 'zod';

/** The materials every rebinding collects (DESIGN.md §1). */
export const standardMaterialKinds = ['business-licence', 'tax-registration', 'legal-rep-id', 'account-opening-permit', 'terminal-model-number'] as const;
/** One of the standard material kinds. */
export type StandardMaterialKind = (typeof standardMaterialKinds)[number];

/** A material kind: a standard one or one a bank adds (lower-case slug, e.g. `site-photo`). */
export const materialKindSchema = z.string().regex(/^[a-z][a-z0-9-]{1,47}$/, 'a material kind is 2-48 lower-case letters, digits or dashes');
/** A material kind. */
export type MaterialKind = z.infer<typeof materialKindSchema>;
