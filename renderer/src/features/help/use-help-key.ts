import { onBeforeUnmount, onMounted } from 'vue';

/**
 * F1 opens the operating guide from any page, as in most desktop programs. The key is taken from
 * the window (not a field), and its default is prevented: the browser's own F1 would open its help.
 */
export function useHelpKey(open: () => void): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'F1' || event.repeat) return;
    event.preventDefault();
    open();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
