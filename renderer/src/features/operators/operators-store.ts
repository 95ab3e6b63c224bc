import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { CreateOperatorInput, OperatorSummary, TemporaryPassword, UpdateOperatorInput } from '../../../../shared/auth/operator';
import { useBusyAction } from '../../composables/use-busy-action';
import { invoke } from '../../bridge/rebind-api';

/** The Operators page: every account and what an admin does to them. */
export const useOperatorsStore = defineStore('operators', () => {
  const operators = ref<OperatorSummary[]>([]);
  const { busy, track } = useBusyAction();

  const replace = (changed: OperatorSummary) => {
    operators.value = operators.value.map((o) => (o.id === changed.id ? changed : o));
    return changed;
  };

  async function refresh(): Promise<void> {
    operators.value = (await invoke('operators:list', {})).operators;
  }

  /** Adds an operator; answers the temporary password, to be shown once. */
  const create = (input: CreateOperatorInput): Promise<TemporaryPassword> =>
    track(async () => {
      const made = await invoke('operators:create', input);
      await refresh();
      return made;
    });

  /** Changes role, name or the disabled flag. */
  const update = (input: UpdateOperatorInput) => track(async () => replace(await invoke('operators:update', input)));
  /** Gives a new temporary password. */
  const resetPassword = (id: number) =>
    track(async () => {
      const made = await invoke('operators:reset-password', { id });
      replace(made.operator);
      return made;
    });
  const unlock = (id: number) => track(async () => replace(await invoke('operators:unlock', { id })));
  /** Removes the two-factor set-up (lost phone). */
  const resetTwoFactor = (id: number) => track(async () => replace(await invoke('operators:reset-two-factor', { id })));

  return { operators, busy, refresh, create, update, resetPassword, unlock, resetTwoFactor };
});
