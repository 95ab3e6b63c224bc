// The desk's merchant and terminal channels: search and read (masked), save through the forms'
// schemas, and the CSV import and export. The ID and account numbers never travel in clear here;
// the clear value comes only through sensitive:reveal (entity `merchant`, fields legalRepId and accountNo).
import { z } from 'zod';
import { deskReadRoles, deskRoles, adminOnly } from './channel-roles';
import { merchantEditFormSchema, terminalFormSchema } from '../desk/forms';
import { accountStatusSchema, recordBaseSchema, recordIdSchema, recordMetaSchema } from '../desk/model';
import { csvKinds } from '../desk/csv/csv-columns';
import { mainReasonSchema } from '../errors/main-reason-schema';

/** A terminal as every list shows it. */
export const terminalViewSchema = z.strictObject({
  ...recordMetaSchema.shape,
  modelId: recordIdSchema,
  serial: z.string(),
  tid: z.string(),
  mid: z.string(),
  firmware: z.string().optional(),
  currentBank: z.string(),
  merchantId: recordIdSchema,
});
export type TerminalView = z.infer<typeof terminalViewSchema>;

/** A merchant as the desk and the engineer see it: the ID and account numbers masked to their last 4. */
export const merchantViewSchema = z.strictObject({
  ...recordMetaSchema.shape,
  name: z.string(),
  uscc: z.string(),
  legalRep: z.string(),
  legalRepId: z.string(),
  contact: z.string(),
  phone: z.string(),
  address: z.string(),
  area: z.string(),
  settlement: z.strictObject({ bank: z.string(), branch: z.string(), cnaps: z.string(), accountNo: z.string(), swift: z.string().optional() }),
  accountStatus: accountStatusSchema,
  accountCheckedOn: z.string().optional(),
  shortName: z.string(),
  terminals: z.array(terminalViewSchema),
});
export type MerchantView = z.infer<typeof merchantViewSchema>;

/** The longest page a search returns. */
export const merchantSearchMaxLimit = 100;

const csvKind = z.enum(csvKinds);
// 20 MB of CSV is some 100k merchants; base64 makes it a third longer.
const csvBase64 = z.base64().max(28_000_000);
const csvProblemSchema = z.strictObject({ row: z.int().nullable(), line: z.int().nullable(), column: z.string().nullable(), reason: mainReasonSchema });
const importSource = z.discriminatedUnion('from', [z.strictObject({ from: z.literal('bytes'), base64: csvBase64 }), z.strictObject({ from: z.literal('picker') })]);
const forcedEncoding = z.enum(['utf-8', 'gb18030']).optional();

export const importPreviewSchema = z.strictObject({
  kind: csvKind,
  /** The bytes read, so the commit sends back exactly what was previewed. */
  base64: z.string(),
  encoding: z.string().nullable(),
  rowCount: z.int(),
  problems: z.array(csvProblemSchema),
  warnings: z.array(csvProblemSchema),
  /** The header and the first rows, cell by cell. */
  preview: z.array(z.strictObject({ row: z.int(), cells: z.array(z.string()) })),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const deskMerchantsContract = {
  'desk:merchants-search': {
    input: z.strictObject({ text: z.string().trim().min(1).max(100), limit: z.int().min(1).max(merchantSearchMaxLimit).default(50), offset: z.int().min(0).max(100_000).default(0) }),
    output: z.strictObject({ merchants: z.array(merchantViewSchema), more: z.boolean() }),
    roles: deskReadRoles,
  },
  'desk:merchant-get': { input: z.strictObject({ id: recordIdSchema }), output: merchantViewSchema, roles: deskReadRoles },
  'desk:merchant-save': { input: z.strictObject({ base: recordBaseSchema, record: merchantEditFormSchema }), output: merchantViewSchema, roles: deskRoles },
  'desk:terminal-save': { input: z.strictObject({ base: recordBaseSchema, record: terminalFormSchema }), output: terminalViewSchema, roles: deskRoles },
  // null: the user closed the file dialog.
  'desk:import-preview': { input: z.strictObject({ kind: csvKind, source: importSource, encoding: forcedEncoding }), output: importPreviewSchema.nullable(), roles: adminOnly },
  'desk:import-commit': {
    input: z.strictObject({ kind: csvKind, base64: csvBase64, encoding: forcedEncoding }),
    output: z.union([z.strictObject({ imported: z.int(), encoding: z.string() }), z.strictObject({ problems: z.array(csvProblemSchema) })]),
    roles: adminOnly,
  },
  'desk:export': {
    input: z.strictObject({ kind: csvKind, encoding: z.enum(['utf-8', 'gbk']).default('utf-8'), includeSensitive: z.boolean().default(false) }),
    output: z.strictObject({ path: z.string(), rows: z.int() }).nullable(),
    roles: adminOnly,
  },
} as const;
