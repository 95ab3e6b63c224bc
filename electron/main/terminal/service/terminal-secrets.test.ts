import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditedOn } from '../../db/audited';
import { createTerminalSecretReveal } from './terminal-secrets';
import type { TerminalService } from './terminal-service';

describe('terminal secret reveal', () => {
  it('looks field names up as own entries only: constructor and toString are refused before the terminal is asked', async () => {
    // A stand-in terminal that records being asked: the refusal must come before any use of it,
    // so the real link is not needed here (the router-level test uses the demo terminal).
    const asked: string[] = [];
    const terminal = new Proxy({}, { get: (_target, name) => () => void asked.push(String(name)) }) as unknown as TerminalService;
    const db = new Database(':memory:');
    const reveal = createTerminalSecretReveal({ terminal, audited: auditedOn(() => db), now: () => new Date(0) });
    const admin = { operatorId: 1, username: 'an.admin', role: 'admin' as const };
    for (const field of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      await expect(reveal.reveal(admin, '1170012345', field)).rejects.toMatchObject({ code: 'invalid-input', field: 'field' });
    }
    expect(asked).toEqual([]);
    db.close();
  });
});
