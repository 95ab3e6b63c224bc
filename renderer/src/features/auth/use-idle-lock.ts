import { onBeforeUnmount, watch } from 'vue';
import { useAuthStore } from './auth-store';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the window after the policy's idle minutes without input (0 = never). The lock is held in
 * main, which refuses every call but unlocking until the password is given again, so reloading
 * the page does not lift it.
 */
export function useIdleLock(): void {
  const auth = useAuthStore();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const minutes = () => (auth.screen === 'app' ? (auth.session?.idleLockMinutes ?? 0) : 0);
  const stop = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const restart = () => {
    stop();
    const idle = minutes();
    if (idle > 0) timer = setTimeout(() => void auth.lock().catch(() => undefined), idle * 60_000);
  };

  for (const type of activity) window.addEventListener(type, restart, { passive: true });
  watch(() => [auth.screen, auth.session?.idleLockMinutes], restart, { immediate: true });
  onBeforeUnmount(() => {
    stop();
    for (const type of activity) window.removeEventListener(type, restart);
  });
}
