import type { z } from 'zod';

/** Turns the first zod issue into one line naming the field, e.g. `language: Invalid option …`. */
export function describeFirstIssue(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '(input)', message: 'invalid input' };
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return { field: issue.path.length > 0 ? field : keys, message: `unknown field(s): ${keys}` };
  }
  return { field, message: issue.message };
}
