// The desk's triggers refuse a write with RAISE(ABORT, '<code>') (an engineer booked twice, a TID
// taken): better-sqlite3 throws a SQLITE_CONSTRAINT error whose message is that code, which the
// service turns into its own reason.

/** True when `error` is a trigger's RAISE(ABORT, `message`). */
export function isTriggerRefusal(error: unknown, message: string): boolean {
  return error instanceof Error && (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true && error.message.includes(message);
}
