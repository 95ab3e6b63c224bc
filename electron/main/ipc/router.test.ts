import { describe, expect, it, vi } from 'vitest';
import { roles, type ChannelRoles, type Role } from '../../../shared/auth/roles';
import { invokeChannels, type InvokeChannel } from '../../../shared/ipc/channels';
import { invokeContract } from '../../../shared/ipc/contract';
import { AppError } from '../app-error';
import { AuthError } from '../auth/auth-error';
import type { Caller } from '../auth/session-service';
import { createRouter, type ChannelHandlers, type SenderInfo } from './router';

const trusted = { url: 'app://renderer/index.html', id: 1 };
const settings = { language: 'zh-CN', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } as const;

/** Callers by session id; the fake sign-in handler binds the window to the session named by the username. */
function callerFor(sessionId: string): Caller | null {
  const [role, pending] = sessionId.split('.') as [Role, string | undefined];
  if (!roles.includes(role)) return null;
  return {
    sessionId,
    operatorId: roles.indexOf(role) + 1,
    username: `a.${role}`,
    displayName: role,
    role,
    signedInAt: '2025-01-01T00:00:00.000Z',
    viaTemporaryPassword: false,
    pending: { passwordChange: pending === 'password', twoFactorEnrolment: pending === 'totp' },
    deskLead: pending === 'lead',
  };
}

function setup(overrides: Partial<ChannelHandlers> = {}) {
  const sessions = { current: vi.fn((id: string | null | undefined) => (id ? callerFor(id) : null)), signOut: vi.fn() };
  // Every handler throws a marker by default, so an answer with it proves the service was reached.
  const reached = (channel: string) => vi.fn(() => {
    throw new AppError('not-found', { code: 'detail-text', params: { text: `reached ${channel}` } });
  });
  const handlers = Object.fromEntries(invokeChannels.map((channel) => [channel, reached(channel)])) as unknown as ChannelHandlers;
  Object.assign(handlers, {
    'auth:sign-in': vi.fn((input: { username: string }, context: { attachSession: (id: string) => void }) => {
      context.attachSession(input.username);
      return { status: 'code-required', challengeId: 'c', expiresAt: 'x' };
    }),
    'auth:lock': vi.fn((_input: unknown, context: { setLocked: (locked: boolean) => void }) => {
      context.setLocked(true);
      return { session: null, locked: true };
    }),
    'settings:get': vi.fn(() => settings),
    'settings:update': vi.fn((patch) => ({ ...settings, ...patch })),
    ...overrides,
  });
  const router = createRouter({ handlers, sessions, isTrustedSender: (s) => s.url === trusted.url, logError: () => undefined });
  /** A window signed in as `who` (`admin`, `desk.password` …), or not at all. */
  const windowAs = async (who: string | null, id: number): Promise<SenderInfo> => {
    const sender = { url: trusted.url, id };
    if (who) expect(await router.handle('auth:sign-in', { username: who, password: 'x' }, sender)).toMatchObject({ ok: true });
    vi.mocked(handlers['auth:sign-in']).mockClear();
    return sender;
  };
  return { router, handlers, sessions, windowAs };
}

// Who may call each channel, written out by hand: the contract must say the same, and a new
// channel fails this test (and the typecheck of this table) until its callers are decided here.
const declared: Record<InvokeChannel, ChannelRoles> = {
  'app:info': 'public',
  'settings:get': 'public',
  'settings:update': 'signed-in',
  'settings:update-device-default': 'public',
  'settings:support-contact': 'signed-in',
  'settings:support-contact-update': ['admin'],
  'preferences:get': 'session',
  'preferences:update': 'session',
  'backup:list': ['admin'],
  'backup:create': ['admin'],
  'backup:restore': ['admin'],
  'terminal:list-ports': ['engineer', 'admin'],
  'terminal:state': ['engineer', 'admin'],
  'terminal:connect': ['engineer', 'admin'],
  'terminal:disconnect': ['engineer', 'admin'],
  'terminal:read-batch': ['engineer', 'admin'],
  'terminal:read-params': ['engineer', 'admin'],
  'terminal:link-log': ['engineer', 'admin'],
  'terminal:export-log': ['engineer', 'admin'],
  'auth:needs-first-admin': 'public',
  'auth:create-first-admin': 'public',
  'auth:sign-in': 'public',
  'auth:sign-in-code': 'public',
  'auth:session': 'public',
  'auth:sign-out': 'session',
  'auth:change-password': 'session',
  'auth:replace-temporary-password': 'session',
  'auth:lock': 'session',
  'auth:unlock': 'session',
  'two-factor:status': 'session',
  'two-factor:begin': 'session',
  'two-factor:confirm': 'session',
  'two-factor:regenerate-codes': 'signed-in',
  'security:policy-get': 'signed-in',
  'sensitive:reveal': 'signed-in',
  'operators:list': ['admin'],
  'operators:create': ['admin'],
  'operators:update': ['admin'],
  'operators:reset-password': ['admin'],
  'operators:unlock': ['admin'],
  'operators:reset-two-factor': ['admin'],
  'security:policy-update': ['admin'],
  'security:key-status': ['admin'],
  'security:rotate-key': ['admin'],
  'security:set-cli-passphrase': ['admin'],
  'audit:list': ['admin'],
  'audit:verify': ['admin'],
  'audit:export': ['admin'],
  'rebind:templates': ['engineer', 'admin'],
  'rebind:pending': ['engineer', 'admin'],
  'rebind:start': ['engineer', 'admin'],
  'rebind:recover': ['engineer', 'admin'],
  'rebind:cancel': ['engineer', 'admin'],
  'terminal:demo-control': ['engineer', 'admin'],
  'desk:reference': 'signed-in',
  'desk:save-bank': ['admin'],
  'desk:save-model': ['admin'],
  'desk:save-compatibility': ['admin'],
  'desk:save-engineer': ['admin'],
  'desk:load-samples': ['admin'],
  'desk:merchants-search': ['desk', 'engineer', 'admin'],
  'desk:merchant-get': ['desk', 'engineer', 'admin'],
  'desk:merchant-save': ['desk', 'admin'],
  'desk:terminal-save': ['desk', 'admin'],
  'desk:import-preview': ['admin'],
  'desk:import-commit': ['admin'],
  'desk:export': ['admin'],
  'desk:book': ['desk', 'admin'],
  'desk:reschedule': ['desk', 'admin'],
  'desk:cancel-appointment': ['desk', 'admin'],
  'desk:find-slots': ['desk', 'admin'],
  'desk:calendar': 'signed-in',
  'desk:calendar-open': 'signed-in',
  'desk:today': ['engineer', 'admin'],
  'desk:appointment-work-order': ['engineer', 'admin'],
  'desk:case-open': ['desk', 'admin'],
  'desk:case-get': ['desk', 'engineer', 'admin'],
  'desk:cases-list': ['desk', 'engineer', 'admin'],
  'desk:case-transition': ['desk', 'admin'],
  'desk:material-update': ['desk', 'admin'],
  'desk:attachment-add': ['desk', 'admin'],
  'desk:attachment-get': ['desk', 'engineer', 'admin'],
  'desk:case-review': ['desk', 'admin'],
  'desk:case-agreement': ['desk', 'admin'],
  'desk:case-candidates': ['desk', 'admin'],
  'checklist:templates': ['desk', 'engineer', 'admin'],
  'checklist:template-get': ['desk', 'engineer', 'admin'],
  'checklist:template-save': ['admin'],
  'checklist:run-start': ['engineer', 'admin'],
  'checklist:run-get': ['desk', 'engineer', 'admin'],
  'checklist:answer': ['engineer', 'admin'],
  'checklist:evidence-add': ['engineer', 'admin'],
  'checklist:fill-automatic': ['engineer', 'admin'],
  'checklist:finish': ['engineer', 'admin'],
  // Every role trains (docs/training.md): the desk books, engineers rebind, admins show and reset.
  'training:status': 'signed-in',
  'training:enter': ['desk', 'engineer', 'admin'],
  'training:leave': ['desk', 'engineer', 'admin'],
  'training:reset': ['desk', 'engineer', 'admin'],
  // The engineer of the visit (the service checks it is theirs) or an admin issues; everyone signed in reads and verifies.
  'report:list': ['desk', 'engineer', 'admin'],
  'report:issue': ['engineer', 'admin'],
  'report:pdf': ['desk', 'engineer', 'admin'],
  'report:verify': ['desk', 'engineer', 'admin'],
  'reports:service': ['admin', 'desk-lead'],
  'reports:compliance': ['admin'],
};

// A valid input per channel, so an allowed call gets past parsing to the service.
const validInput: Record<InvokeChannel, unknown> = {
  'app:info': {},
  'settings:get': {},
  'settings:update': { language: 'en-US' },
  'settings:update-device-default': { language: 'en-US' },
  'settings:support-contact': {},
  'settings:support-contact-update': { supportName: '王敏', supportPhone: '400-820-8820', supportEmail: '', supportHours: '' },
  'preferences:get': {},
  'preferences:update': { theme: 'dark' },
  'backup:list': {},
  'backup:create': { destination: 'default' },
  'backup:restore': { source: { kind: 'choose' } },
  'terminal:list-ports': {},
  'terminal:state': {},
  'terminal:connect': { path: '/dev/ttyUSB0', baudRate: 9600 },
  'terminal:disconnect': {},
  'terminal:read-batch': {},
  'terminal:read-params': {},
  'terminal:link-log': {},
  'terminal:export-log': { format: 'text' },
  'auth:needs-first-admin': {},
  'auth:create-first-admin': { username: 'first.admin', displayName: 'First', password: 'long enough password 1' },
  'auth:sign-in': { username: 'nobody', password: 'x' },
  'auth:sign-in-code': { challengeId: 'c', code: '123456' },
  'auth:session': {},
  'auth:sign-out': {},
  'auth:change-password': { currentPassword: 'a', newPassword: 'b' },
  'auth:replace-temporary-password': { newPassword: 'b' },
  'auth:lock': {},
  'auth:unlock': { password: 'x' },
  'two-factor:status': {},
  'two-factor:begin': {},
  'two-factor:confirm': { code: '123456' },
  'two-factor:regenerate-codes': { code: '123 456' },
  'security:policy-get': {},
  'sensitive:reveal': { entityType: 'merchant', entityId: '1', field: 'bankAccount' },
  'operators:list': {},
  'operators:create': { username: 'li.wei', displayName: 'Li Wei', role: 'desk' },
  'operators:update': { id: 2, disabled: true },
  'operators:reset-password': { id: 2 },
  'operators:unlock': { id: 2 },
  'operators:reset-two-factor': { id: 2 },
  'security:policy-update': { idleLockMinutes: 5 },
  'security:key-status': {},
  'security:rotate-key': {},
  'security:set-cli-passphrase': { passphrase: 'depot passphrase 2026 bench' },
  'audit:list': { limit: 10 },
  'audit:verify': {},
  'audit:export': {},
  'rebind:templates': {},
  'rebind:pending': {},
  'rebind:start': { templateId: 'acquirer-b', merchant: { tid: '12345678', mid: '898310048140001', name: 'Shop', mcc: '5411' }, workOrder: {} },
  'rebind:recover': { operationId: 1, mode: 'restore' },
  'rebind:cancel': {},
  'terminal:demo-control': { hostReachable: false },
  'desk:reference': {},
  'desk:save-bank': { base: null, record: { code: 'acquirer-x', name: 'X', timeZone: 'Asia/Shanghai', windows: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }, exceptions: [], templateId: 'acquirer-b', requiredMaterials: [], notices: [], feeRates: { debitPercent: 0.5, creditPercent: 0.6 }, areas: [] } },
  'desk:save-model': { base: null, record: { vendor: 'PAX', model: 'A80', usbVendorId: '2fb8', usbProductId: '0080' } },
  'desk:save-compatibility': { base: null, record: { modelId: '019a0000-0000-7000-8000-000000000004', bankCode: 'acquirer-b', support: 'supported' } },
  'desk:save-engineer': { base: null, record: { operatorId: 3, skills: [], areas: [], timeZone: 'Asia/Shanghai', hours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] }, absences: [] } },
  'desk:load-samples': {},
  'desk:merchants-search': { text: '便利店' },
  'desk:merchant-get': { id: '019a0000-0000-7000-8000-000000000010' },
  'desk:merchant-save': { base: null, record: { name: '示例便利店', uscc: '91350100M000100Y43', legalRep: '张三', legalRepId: '11010519491231002X', contact: '李四', phone: '0591-87654321', address: '福州', area: '350102', settlement: { bank: '中国银行', branch: '鼓楼支行', cnaps: '104391000011', accountNo: '4061234567890123' }, accountStatus: 'normal', shortName: '示例便利店' } },
  'desk:terminal-save': { base: null, record: { modelId: '019a0000-0000-7000-8000-000000000004', serial: '1170012345', tid: '12345678', mid: '898350154110001', currentBank: 'acquirer-b', merchantId: '019a0000-0000-7000-8000-000000000010' } },
  'desk:import-preview': { kind: 'merchants', source: { from: 'bytes', base64: 'bmFtZQ==' } },
  'desk:import-commit': { kind: 'terminals', base64: 'bmFtZQ==' },
  'desk:export': { kind: 'merchants' },
  'desk:book': { caseId: '019a0000-0000-7000-8000-00000000000a', engineerId: '019a0000-0000-7000-8000-00000000000b', zone: 'Asia/Shanghai', slot: { start: '2026-12-02T01:00:00.000Z', end: '2026-12-02T02:00:00.000Z' } },
  'desk:reschedule': { appointmentId: '019a0000-0000-7000-8000-00000000000a', version: 1, zone: 'Asia/Shanghai', slot: { date: '2026-12-02', time: '09:00', durationMinutes: 60 }, reason: '商户改期' },
  'desk:cancel-appointment': { appointmentId: '019a0000-0000-7000-8000-00000000000a', version: 1, reason: '商户撤销' },
  'desk:find-slots': { caseId: '019a0000-0000-7000-8000-00000000000a', from: '2026-12-02T00:00:00.000Z', durationMinutes: 60, count: 3, stepMinutes: 30 },
  'desk:calendar': { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z', engineerIds: ['019a0000-0000-7000-8000-00000000000b'] },
  'desk:calendar-open': { from: '2026-12-01T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' },
  'desk:today': {},
  'desk:appointment-work-order': { appointmentId: '019a0000-0000-7000-8000-00000000000a' },
  'desk:case-open': { terminalId: '019a0000-0000-7000-8000-000000000010', targetBank: 'acquirer-c' },
  'desk:case-get': { caseId: '019a0000-0000-7000-8000-000000000011' },
  'desk:cases-list': { search: '1170012345' },
  'desk:case-transition': { caseId: '019a0000-0000-7000-8000-000000000011', version: 1, action: 'cancel', reason: '商户撤销' },
  'desk:material-update': { caseId: '019a0000-0000-7000-8000-000000000011', kind: 'business-licence', receivedOn: '2026-11-30', verified: true },
  'desk:attachment-add': { caseId: '019a0000-0000-7000-8000-000000000011', purpose: 'agreement', fileName: 'a.pdf', dataBase64: 'JVBERi0xLjQK' },
  'desk:attachment-get': { attachmentId: '019a0000-0000-7000-8000-000000000012' },
  'desk:case-review': { caseId: '019a0000-0000-7000-8000-000000000011', version: 3, decision: 'approved' },
  'desk:case-agreement': { caseId: '019a0000-0000-7000-8000-000000000011', version: 4, signedOn: '2026-11-30', signatory: 'Wang Fang', attachmentId: '019a0000-0000-7000-8000-000000000012' },
  'desk:case-candidates': { terminalId: '019a0000-0000-7000-8000-000000000010' },
  'checklist:templates': {},
  'checklist:template-get': { templateId: '019a0000-0000-7000-8000-000000000020' },
  'checklist:template-save': {
    content: { bankCode: 'acquirer-b', title: { 'zh-CN': '检查单', 'en-US': 'Checklist' }, steps: [{ id: 'powered', kind: 'tick', required: true, label: { 'zh-CN': '终端通电', 'en-US': 'Terminal powered' } }] },
    basedOn: null,
  },
  'checklist:run-start': { appointmentId: '019a0000-0000-7000-8000-000000000013' },
  'checklist:run-get': { appointmentId: '019a0000-0000-7000-8000-000000000013' },
  'checklist:answer': { runId: '019a0000-0000-7000-8000-000000000021', stepId: 'powered', value: { kind: 'tick', checked: true } },
  'checklist:evidence-add': { runId: '019a0000-0000-7000-8000-000000000021', stepId: 'photo', fileName: 'a.png', dataBase64: 'iVBORw0KGgo=' },
  'checklist:fill-automatic': { runId: '019a0000-0000-7000-8000-000000000021' },
  'checklist:finish': { runId: '019a0000-0000-7000-8000-000000000021', outcome: { kind: 'failed', cause: 'merchant-absent', text: '商户不在场，店铺关门' } },
  'training:status': {},
  'training:enter': {},
  'training:leave': {},
  'training:reset': {},
  'report:list': { caseId: '019a0000-0000-7000-8000-000000000011' },
  'report:issue': { runId: '019a0000-0000-7000-8000-000000000021', language: 'zh-CN' },
  'report:pdf': { reportId: '019a0000-0000-7000-8000-000000000031' },
  'report:verify': { dataBase64: 'JVBERi0xLjQK' },
  'reports:service': { from: '2026-11-01', to: '2026-11-30', zone: 'Asia/Shanghai' },
  'reports:compliance': { from: '2026-11-01', to: '2026-11-30', zone: 'Asia/Shanghai' },
};

// desk.lead: a desk operator marked lead; engineer.lead: the flag on another role counts for nothing.
type CallerKind = 'nobody' | Role | 'admin.password' | 'desk.totp' | 'desk.lead' | 'engineer.lead';
const callerKinds: CallerKind[] = ['nobody', ...roles, 'admin.password', 'desk.totp', 'desk.lead', 'engineer.lead'];

/** The rule, stated independently of checkChannelAccess: the answer each kind of caller must get. */
function expectedAnswer(required: ChannelRoles, who: CallerKind): 'reached' | 'unauthenticated' | 'forbidden' {
  if (required === 'public') return 'reached';
  if (who === 'nobody') return 'unauthenticated';
  if (required === 'session') return 'reached';
  if (who === 'desk.lead' || who === 'engineer.lead') {
    const role = who === 'desk.lead' ? 'desk' : 'engineer';
    return required === 'signed-in' || required.includes(role) || (role === 'desk' && required.includes('desk-lead')) ? 'reached' : 'forbidden';
  }
  if (who.includes('.')) return 'forbidden';
  return required === 'signed-in' || required.includes(who as Role) ? 'reached' : 'forbidden';
}

describe('router', () => {
  it('has a schema pair and a roles declaration for every channel of the contract', () => {
    for (const channel of invokeChannels) {
      expect(invokeContract[channel].input, channel).toBeDefined();
      expect(invokeContract[channel].output, channel).toBeDefined();
      expect(invokeContract[channel].roles, channel).toEqual(declared[channel]);
    }
    expect(Object.keys(invokeContract).sort()).toEqual([...invokeChannels].sort());
    expect(Object.keys(declared).sort()).toEqual([...invokeChannels].sort());
  });

  describe.each(callerKinds)('as %s', (who) => {
    it.each([...invokeChannels])('%s answers as its roles say, before any service code for a refusal', async (channel) => {
      const { router, handlers, windowAs } = setup();
      const sender = await windowAs(who === 'nobody' ? null : who, 7);
      const expected = expectedAnswer(declared[channel], who);
      const result = await router.handle(channel, validInput[channel], sender);
      if (expected === 'reached') {
        if (!result.ok) expect(result.error.message).toBe(`reached ${channel}`);
        expect(handlers[channel]).toHaveBeenCalledTimes(1);
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: expected } });
        expect(handlers[channel]).not.toHaveBeenCalled();
        // Refused before parsing: a wrong input gets the same refusal, not a hint about the schema.
        expect(await router.handle(channel, { bogus: true }, sender)).toMatchObject({ ok: false, error: { code: expected } });
      }
    });
  });

  it('says why a session is held back, so the renderer can send the user to the right screen', async () => {
    const { router, windowAs } = setup();
    const pending = await windowAs('admin.password', 3);
    expect(await router.handle('operators:list', {}, pending)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'password-change-required' } });
    const enrol = await windowAs('desk.totp', 4);
    expect(await router.handle('settings:update', { theme: 'dark' }, enrol)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'two-factor-enrolment-required' } });
    const desk = await windowAs('desk', 5);
    expect(await router.handle('audit:list', {}, desk)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'role-not-allowed' } });
    expect(await router.handle('audit:list', {}, { url: trusted.url, id: 6 })).toMatchObject({ ok: false, error: { code: 'unauthenticated', reason: 'sign-in-required' } });
  });

  it('keeps one session per window and ends it when the window goes away', async () => {
    const { router, handlers, sessions, windowAs } = setup();
    const admin = await windowAs('admin', 1);
    const desk = await windowAs('desk', 2);
    expect(await router.handle('operators:list', {}, admin)).toMatchObject({ error: { message: 'reached operators:list' } });
    expect(await router.handle('operators:list', {}, desk)).toMatchObject({ error: { code: 'forbidden' } });
    // Signing in again in the same window ends the session it had.
    await router.handle('auth:sign-in', { username: 'engineer', password: 'x' }, desk);
    expect(sessions.signOut).toHaveBeenCalledWith('desk');
    router.forgetSender(1);
    expect(sessions.signOut).toHaveBeenCalledWith('admin');
    vi.mocked(handlers['operators:list']).mockClear();
    expect(await router.handle('operators:list', {}, admin)).toMatchObject({ error: { code: 'unauthenticated' } });
    expect(handlers['operators:list']).not.toHaveBeenCalled();
  });

  it('drops a window whose session ended in the service (disabled account, reset password)', async () => {
    const { router, sessions, windowAs } = setup();
    const admin = await windowAs('admin', 1);
    sessions.current.mockReturnValue(null);
    expect(await router.handle('operators:list', {}, admin)).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers only public channels and unlocking while the idle lock is on', async () => {
    const { router, handlers, windowAs } = setup();
    const admin = await windowAs('admin', 1);
    expect(await router.handle('auth:lock', {}, admin)).toMatchObject({ ok: true });
    expect(await router.handle('operators:list', {}, admin)).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(handlers['operators:list']).not.toHaveBeenCalled();
    expect(await router.handle('settings:get', {}, admin)).toMatchObject({ ok: true });
    expect(await router.handle('auth:unlock', { password: 'x' }, admin)).toMatchObject({ error: { message: 'reached auth:unlock' } });
    expect(await router.handle('auth:sign-out', {}, admin)).toMatchObject({ error: { message: 'reached auth:sign-out' } });
    expect(router.mayReceive('terminal:log', 1)).toBe(false);
    expect(router.mayReceive('settings:changed', 1)).toBe(true);
  });

  it('forwards events only to windows whose session may receive them', async () => {
    const { router, windowAs } = setup();
    await windowAs('admin', 1);
    await windowAs('desk', 2);
    expect(router.mayReceive('terminal:log', 1)).toBe(true);
    expect(router.mayReceive('backup:restored', 1)).toBe(true);
    expect(router.mayReceive('terminal:log', 2)).toBe(false);
    expect(router.mayReceive('backup:restored', 2)).toBe(false);
    expect(router.mayReceive('settings:changed', 2)).toBe(true);
    expect(router.mayReceive('terminal:state-changed', 3)).toBe(false);
    expect(router.mayReceive('settings:changed', 3)).toBe(true);
  });

  it('passes a refused sign-in on with its reason and wait', async () => {
    const { router } = setup({
      'auth:sign-in': () => {
        throw new AuthError('wait', 'Too many failed sign-ins: wait 2 s before trying again.', 2000);
      },
    });
    expect(await router.handle('auth:sign-in', { username: 'li.wei', password: 'x' }, trusted)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Too many failed sign-ins: wait 2 s before trying again.', reason: 'wait', retryAfterMs: 2000 },
    });
  });

  it('answers a valid call with the ok envelope', async () => {
    const { router, handlers, windowAs } = setup();
    const desk = await windowAs('desk', 1);
    const result = await router.handle('settings:update', { language: 'en-US' }, desk);
    expect(result).toEqual({ ok: true, value: { language: 'en-US', theme: 'system', terminalPort: null, terminalBaudRate: 115200 } });
    expect(handlers['settings:update']).toHaveBeenCalledWith({ language: 'en-US' }, expect.objectContaining({ caller: expect.objectContaining({ username: 'a.desk' }) }));
  });

  it.each([
    ['wrong type', 'settings:update', { language: 7 }, 'language'],
    ['unknown enum value', 'settings:update', { theme: 'blue' }, 'theme'],
    ['unknown field', 'settings:update', { colour: 'red' }, 'colour'],
    ['missing field', 'backup:create', {}, 'destination'],
    ['oversize string', 'backup:restore', { source: { kind: 'history', id: 'x'.repeat(129) } }, 'source.id'],
    ['wrong union member', 'backup:restore', { source: { kind: 'disk', path: '/etc/passwd' } }, 'source.kind'],
    ['not an object', 'settings:update', 'en-US', '(input)'],
    ['baud rate outside the list', 'terminal:connect', { path: '/dev/ttyUSB0', baudRate: 1234 }, 'baudRate'],
    ['empty port path', 'terminal:connect', { path: '', baudRate: 9600 }, 'path'],
  ])('refuses %s naming the field, without calling the service', async (_name, channel, input, field) => {
    const { router, handlers, windowAs } = setup();
    const admin = await windowAs('admin', 1);
    const result = await router.handle(channel, input, admin);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field } });
    if (!result.ok) expect(result.error.message).toContain(field === '(input)' ? channel : field);
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    const { router } = setup();
    expect(await router.handle('settings:drop', {}, trusted)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await router.handle(42, {}, trusted)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('refuses an untrusted sender before parsing anything', async () => {
    const { router, handlers } = setup();
    const result = await router.handle('settings:get', {}, { url: 'https://evil.example/', id: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(handlers['settings:get']).not.toHaveBeenCalled();
  });

  it('refuses a payload that is too large or cannot be serialised', async () => {
    const { router, windowAs } = setup();
    const admin = await windowAs('admin', 1);
    const huge = { language: 'en-US', pad: 'x'.repeat(300_000) };
    expect(await router.handle('settings:update', huge, admin)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(await router.handle('settings:update', cyclic, admin)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses hostile shapes before sign-in by their reason, without serialising them', async () => {
    const { router, handlers } = setup();
    const nobody = { url: trusted.url, id: 9 };
    const holes = ['a', 'b'];
    delete holes[0];
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const cases: [string, unknown, string][] = [
      // 19 bytes over structured clone; JSON.stringify of it took 15 s and 1 GB of main's heap.
      ['sparse array of length 2^32-1', new Array(2 ** 32 - 1), 'input-too-large'],
      ['the same as a field', { username: new Array(2 ** 32 - 1), password: 'x' }, 'input-too-large'],
      ['short array with a hole', { username: holes, password: 'x' }, 'input-sparse-array'],
      ['10,000 nested arrays', { username: deep, password: 'x' }, 'input-too-deep'],
      ['100,000 keys', Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])), 'input-too-large'],
      ['a Map', { username: new Map(), password: 'x' }, 'input-not-plain'],
    ];
    for (const [what, input, reason] of cases) {
      expect(await router.handle('auth:sign-in', input, nobody), what).toMatchObject({ ok: false, error: { code: 'invalid-input', reason } });
    }
    expect(handlers['auth:sign-in']).not.toHaveBeenCalled();
  });

  it('passes an AppError through with its code and hides unexpected errors', async () => {
    const { router, windowAs } = setup({
      'backup:create': () => {
        throw new AppError('conflict', { code: 'rebind-running', params: {} });
      },
      'backup:list': () => {
        throw new Error('secret stack detail');
      },
    });
    const admin = await windowAs('admin', 1);
    expect(await router.handle('backup:create', { destination: 'default' }, admin)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A rebind is already running on this laptop; wait for its outcome.', reason: 'rebind-running' },
    });
    const hidden = await router.handle('backup:list', {}, admin);
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(hidden)).not.toContain('secret');
  });

  it('refuses a service answer outside the output schema', async () => {
    const { router } = setup({ 'settings:get': () => ({ language: 'fr-FR', theme: 'light' }) as never });
    expect(await router.handle('settings:get', {}, trusted)).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
