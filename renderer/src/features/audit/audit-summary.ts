// A readable line for an audit entry's payload (canonical JSON): its plain fields as "label: value",
// a `changes` map as "label: from → to", long hashes shortened. Nested details (a step's result, a
// carried entry) stay in the raw JSON, which the page shows on request. The wording comes from the
// caller, so this stays a pure function of the payload.

/** How the caller names fields and values in the user's language. */
export interface AuditWording {
  /** The field's name, or the key itself when there is none. */
  field(key: string): string;
  /** A value as the user reads it (a role, a step, yes/no …), given its field. */
  value(key: string, value: string | number | boolean | null): string;
}

/** One part of the summary: a field and what it says. */
export interface AuditSummaryPart {
  key: string;
  label: string;
  text: string;
}

const maxText = 80;
const hash = /^[0-9a-f]{40,}$/;

function shorten(text: string): string {
  if (hash.test(text)) return `${text.slice(0, 12)}…`;
  return text.length > maxText ? `${text.slice(0, maxText - 1)}…` : text;
}

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** The payload's readable parts; an empty list for an empty or unreadable payload. */
export function summarizeAuditPayload(payload: string, wording: AuditWording): AuditSummaryPart[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return [];
  const say = (key: string, value: Scalar) => shorten(wording.value(key, value));
  const parts: AuditSummaryPart[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (key === 'changes' && typeof value === 'object' && value !== null) {
      for (const [changed, change] of Object.entries(value as Record<string, unknown>)) {
        const { from, to } = (change ?? {}) as { from?: unknown; to?: unknown };
        if (isScalar(from ?? null) && isScalar(to ?? null)) {
          parts.push({ key: changed, label: wording.field(changed), text: `${say(changed, (from ?? null) as Scalar)} → ${say(changed, (to ?? null) as Scalar)}` });
        }
      }
      continue;
    }
    if (isScalar(value)) parts.push({ key, label: wording.field(key), text: say(key, value) });
  }
  return parts;
}
