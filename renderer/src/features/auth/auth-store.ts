import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { FirstAdminInput } from '../../../../shared/auth/operator';
import type { SessionInfo } from '../../../../shared/auth/session';
import { checkChannelAccess, type CallerView, type ChannelRoles } from '../../../../shared/auth/roles';
import type { SessionState } from '../../../../shared/ipc/contract-security';
import { invoke, onSessionProblem } from '../../bridge/rebind-api';

/** Which screen the app shows. */
export type AuthScreen = 'loading' | 'first-admin' | 'sign-in' | 'change-password' | 'enrol-two-factor' | 'locked' | 'app';

/** The window's session: who is signed in, and what they must do before anything else. */
export const useAuthStore = defineStore('auth', () => {
  const loaded = ref(false);
  const needsFirstAdmin = ref(false);
  const session = ref<SessionInfo | null>(null);
  const locked = ref(false);
  /** Set while signing in with two factors: the password was right, a code is due. */
  const challenge = ref<{ challengeId: string; expiresAt: string } | null>(null);

  const screen = computed<AuthScreen>(() => {
    if (!loaded.value) return 'loading';
    if (needsFirstAdmin.value) return 'first-admin';
    if (!session.value) return 'sign-in';
    if (locked.value) return 'locked';
    if (session.value.pending.passwordChange) return 'change-password';
    if (session.value.pending.twoFactorEnrolment) return 'enrol-two-factor';
    return 'app';
  });

  const adopt = (state: SessionState) => {
    session.value = state.session;
    locked.value = state.locked;
  };

  /** Asks main who is signed in in this window, and whether the app still needs its first admin. */
  async function load(): Promise<void> {
    const [first, state] = await Promise.all([invoke('auth:needs-first-admin', {}), invoke('auth:session', {})]);
    needsFirstAdmin.value = first.needsFirstAdmin;
    adopt(state);
    loaded.value = true;
  }

  // Whatever page made the call, a lock shows the lock screen, and a session that ended in main
  // (account disabled, password reset, a restore) starts the window afresh, as signing out does.
  onSessionProblem((code) => {
    if (code === 'locked') locked.value = true;
    else if (session.value) restart();
    else void load();
  });

  /** Reloads the window on the start page (no hash), dropping everything the renderer held. */
  function restart(): void {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    window.location.reload();
  }

  /** Creates the first admin; main signs this window in as them. */
  async function createFirstAdmin(input: FirstAdminInput): Promise<void> {
    session.value = await invoke('auth:create-first-admin', input);
    needsFirstAdmin.value = false;
    locked.value = false;
  }

  /** Step one; answers whether a code is needed next. */
  async function signIn(username: string, password: string): Promise<'signed-in' | 'code-required'> {
    const step = await invoke('auth:sign-in', { username, password });
    if (step.status === 'code-required') {
      challenge.value = { challengeId: step.challengeId, expiresAt: step.expiresAt };
      return 'code-required';
    }
    challenge.value = null;
    session.value = step.session;
    locked.value = false;
    return 'signed-in';
  }

  /** Step two: an authenticator code or a recovery code. */
  async function submitCode(code: string): Promise<void> {
    if (!challenge.value) throw new Error('No sign-in is waiting for a code.');
    const step = await invoke('auth:sign-in-code', { challengeId: challenge.value.challengeId, code });
    if (step.status !== 'signed-in') return;
    challenge.value = null;
    session.value = step.session;
    locked.value = false;
  }

  /** Goes back from the code step to the password step. */
  function cancelCode(): void {
    challenge.value = null;
  }

  /**
   * Ends the session and reloads the window on the app's start page, so nothing the last operator
   * saw (operator lists, audit entries, terminal data) stays in the renderer's memory.
   */
  async function signOut(): Promise<void> {
    try {
      await invoke('auth:sign-out', {});
    } finally {
      restart();
    }
  }

  /** Changes the signed-in operator's password (also how a temporary one is replaced). */
  async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
    session.value = await invoke('auth:change-password', { currentPassword, newPassword });
  }

  /** Replaces the temporary password this window just signed in with; main allows it for a short while after that sign-in. */
  async function replaceTemporaryPassword(newPassword: string): Promise<void> {
    session.value = await invoke('auth:replace-temporary-password', { newPassword });
  }

  /** Locks the window after the idle time; main refuses everything but unlocking until then. */
  async function lock(): Promise<void> {
    locked.value = true;
    adopt(await invoke('auth:lock', {}));
  }

  async function unlock(password: string): Promise<void> {
    adopt(await invoke('auth:unlock', { password }));
  }

  /** Reloads the session (e.g. after enrolling, when the pending step is done). */
  async function refresh(): Promise<void> {
    adopt(await invoke('auth:session', {}));
  }

  /** True when the signed-in operator passes the same check main applies to `roles`. */
  function may(roles: ChannelRoles): boolean {
    const caller: CallerView | null = session.value ? { role: session.value.role, pending: session.value.pending, deskLead: session.value.deskLead } : null;
    return checkChannelAccess(roles, caller).allowed;
  }

  return { loaded, needsFirstAdmin, session, locked, challenge, screen, load, createFirstAdmin, signIn, submitCode, cancelCode, signOut, changePassword, replaceTemporaryPassword, lock, unlock, refresh, may };
});
