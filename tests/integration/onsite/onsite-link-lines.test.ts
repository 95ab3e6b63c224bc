import { describe, expect, it } from 'vitest';
import type { RebindEvent } from '../../../shared/rebind';
import { demoPortPath } from '../../../shared/terminal/port-info';
import { LINK_LOG_VIEW_LINES } from '../../../shared/terminal/link-log-line';
import type { LinkLogEntry } from '../../../shared/terminal/terminal-state';
import { useTempDir } from '../support/temp-dir';
import { callAs, createFirstAdmin, testMainContext, testWindow } from '../support/main-context';

// What a rebind sends over the event bus (the renderer's IPC), counted on the bus itself.
const tempDir = useTempDir();
const merchant = { tid: '12345678', mid: '898310048140001', name: '上海示例便利店', mcc: '5411' };
const lineKey = (line: { port: string; index: number; monoMs: number; text: string }) => `${line.port}#${line.index}@${line.monoMs}:${line.text}`;

describe('link lines of a rebind on the event bus', () => {
  it('sends each link line once, and the outcome event carries no log lines', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    const sent = new Map<string, number>();
    const count = (key: string) => sent.set(key, (sent.get(key) ?? 0) + 1);
    const rebindEvents: RebindEvent[] = [];
    ctx.events.addSink((event, payload) => {
      if (event === 'terminal:log') for (const line of payload as LinkLogEntry[]) count(lineKey(line));
      if (event === 'rebind:event') {
        const e = payload as RebindEvent & { entry?: LinkLogEntry };
        rebindEvents.push(e);
        if (e.entry !== undefined) count(lineKey(e.entry));
      }
    });
    await createFirstAdmin(ctx);
    const admin = testWindow();
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    await callAs(ctx, admin, 'rebind:start', { templateId: 'acquirer-b', merchant, workOrder: { expectedSerial: '1170012345' } });
    await ctx.onsite.idle();
    // The Terminal page's buffer pushes in batches (100 ms); let the last one go out.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const outcome = rebindEvents.find((e) => e.type === 'outcome');
    expect(outcome).toMatchObject({ outcome: { outcome: 'rebound' } });
    expect(Object.keys((outcome as { outcome: object }).outcome)).not.toContain('linkLog');
    expect(JSON.stringify(outcome)).not.toMatch(/"hex"/);

    // A rebind of the demo terminal makes dozens of link lines (HELLO, staging, CONFIRM, …).
    expect(sent.size).toBeGreaterThan(20);
    const twice = [...sent].filter(([, times]) => times !== 1);
    expect(twice).toEqual([]);
    await ctx.close();
  });

  it('answers terminal:link-log with at most the lines the Terminal page keeps', async () => {
    const ctx = testMainContext(tempDir(), {}, { demoLine: null });
    await createFirstAdmin(ctx);
    const admin = testWindow();
    await callAs(ctx, admin, 'terminal:connect', { path: demoPortPath, baudRate: 115200 });
    // More lines than the view keeps: each read of the batch is a handful of link lines.
    let reads = 0;
    while (((await callAs(ctx, admin, 'terminal:link-log', { afterSeq: 0 })) as { entries: unknown[] }).entries.length < LINK_LOG_VIEW_LINES) {
      for (let i = 0; i < 100; i++) await callAs(ctx, admin, 'terminal:read-batch', {});
      reads += 100;
    }
    await callAs(ctx, admin, 'terminal:read-batch', {});
    expect(reads).toBeGreaterThan(0);
    const all = (await callAs(ctx, admin, 'terminal:link-log', {})) as { entries: LinkLogEntry[] };
    expect(all.entries).toHaveLength(LINK_LOG_VIEW_LINES);
    // The newest lines: the last read's answer is the last line kept.
    expect(all.entries.at(-1)!.seq).toBeGreaterThan(LINK_LOG_VIEW_LINES);
    const after = (await callAs(ctx, admin, 'terminal:link-log', { afterSeq: all.entries.at(-3)!.seq })) as { entries: LinkLogEntry[] };
    expect(after.entries).toHaveLength(2);
    await ctx.close();
  });
});
