// A UNIQUE or partial-index violation: another writer got there first (two processes on one file).
export function isConstraintViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}
