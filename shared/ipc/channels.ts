// Channel names alone, without schemas, so the preload can allowlist them without bundling zod.

/** Every renderer → main call, named `domain:verb`. */
export const invokeChannels = [
  'app:info',
  'settings:get',
  'settings:update',
  'settings:update-device-default',
  'settings:support-contact',
  'settings:support-contact-update',
  'preferences:get',
  'preferences:update',
  'backup:list',
  'backup:create',
  'backup:restore',
  'terminal:list-ports',
  'terminal:state',
  'terminal:connect',
  'terminal:disconnect',
  'terminal:read-batch',
  'terminal:read-params',
  'terminal:link-log',
  'terminal:export-log',
  'auth:needs-first-admin',
  'auth:create-first-admin',
  'auth:sign-in',
  'auth:sign-in-code',
  'auth:session',
  'auth:sign-out',
  'auth:change-password',
  'auth:replace-temporary-password',
  'auth:lock',
  'auth:unlock',
  'two-factor:status',
  'two-factor:begin',
  'two-factor:confirm',
  'two-factor:regenerate-codes',
  'security:policy-get',
  'sensitive:reveal',
  'operators:list',
  'operators:create',
  'operators:update',
  'operators:reset-password',
  'operators:unlock',
  'operators:reset-two-factor',
  'security:policy-update',
  'security:key-status',
  'security:rotate-key',
  'security:set-cli-passphrase',
  'audit:list',
  'audit:verify',
  'audit:export',
  'rebind:templates',
  'rebind:pending',
  'rebind:start',
  'rebind:recover',
  'rebind:cancel',
  'terminal:demo-control',
  'desk:reference',
  'desk:save-bank',
  'desk:save-model',
  'desk:save-compatibility',
  'desk:save-engineer',
  'desk:load-samples',
  'desk:merchants-search', 'desk:merchant-get', 'desk:merchant-save', 'desk:terminal-save', 'desk:import-preview', 'desk:import-commit', 'desk:export',
  'desk:book',
  'desk:reschedule',
  'desk:cancel-appointment',
  'desk:find-slots',
  'desk:calendar',
  'desk:calendar-open',
  'desk:today',
  'desk:appointment-work-order',
  'desk:case-open',
  'desk:case-get',
  'desk:cases-list',
  'desk:case-transition',
  'desk:material-update',
  'desk:attachment-add',
  'desk:attachment-get',
  'desk:case-review',
  'desk:case-agreement',
  'desk:case-candidates',
  'checklist:templates', 'checklist:template-get', 'checklist:template-save', 'checklist:run-start', 'checklist:run-get', 'checklist:answer', 'checklist:evidence-add', 'checklist:fill-automatic', 'checklist:finish',
  'training:status', 'training:enter', 'training:leave', 'training:reset',
  'report:list', 'report:issue', 'report:pdf', 'report:verify',
  'reports:service',
  'reports:compliance',
] as const;
/** A renderer → main call name. */
export type InvokeChannel = (typeof invokeChannels)[number];

/** Every main → renderer event, named `domain:event`. */
export const eventChannels = [
  'settings:changed',
  'backup:restored',
  'terminal:ports-changed',
  'terminal:state-changed',
  'terminal:log',
  'rebind:event',
  'rebind:start-failed',
] as const;
/** A main → renderer event name. */
export type EventChannel = (typeof eventChannels)[number];

const invokeSet: ReadonlySet<string> = new Set(invokeChannels);
const eventSet: ReadonlySet<string> = new Set(eventChannels);

/** True when `name` is a channel of the contract. */
export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && invokeSet.has(name);
}

/** True when `name` is an event of the contract. */
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && eventSet.has(name);
}
