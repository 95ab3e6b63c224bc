import { protocolTiming, type LinkTiming } from '../../../../electron/main/terminal/link/link-timing';

/**
 * The link timers of the kill test, on both sides of the pty (the engine child, the recovering
 * engine and the simulator): the protocol's own. No fault is injected there, so no timer is meant
 * to run out; scaled down (T1 100 ms, which also bounds each port write), a process starved for a
 * moment on a loaded machine made one run out anyway (a `write-failed` LinkFailure in the child).
 * At the protocol's values a starved side has a second or more before its peer gives up.
 */
export const KILL_TEST_TIMING: LinkTiming = protocolTiming;
