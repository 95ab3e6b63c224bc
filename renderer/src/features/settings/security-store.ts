import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { KeyStatus } from '../../../../shared/auth/key-protection';
import type { SecurityPolicy, SecurityPolicyPatch } from '../../../../shared/auth/security-policy';
import type { TwoFactorStatus } from '../../../../shared/auth/two-factor';
import { invoke } from '../../bridge/rebind-api';

/** The security policy and data keys (admin), and the operator's own two-factor status. */
export const useSecurityStore = defineStore('security', () => {
  const policy = ref<SecurityPolicy | null>(null);
  const keyStatus = ref<KeyStatus | null>(null);
  const twoFactor = ref<TwoFactorStatus | null>(null);

  async function loadPolicy(): Promise<void> {
    policy.value = await invoke('security:policy-get', {});
  }

  /** Changes the policy (admin). */
  async function updatePolicy(patch: SecurityPolicyPatch): Promise<void> {
    policy.value = await invoke('security:policy-update', patch);
  }

  /** Reads what protects the data keys (admin). */
  async function loadKeyStatus(): Promise<void> {
    keyStatus.value = await invoke('security:key-status', {});
  }

  /** Rotates the data key (admin); answers how many values were re-encrypted. */
  async function rotateKey(): Promise<number> {
    const result = await invoke('security:rotate-key', {});
    await loadKeyStatus();
    return result.reencrypted;
  }

  /** Sets the command-line passphrase (admin); answers how many data keys it opens. */
  async function setCliPassphrase(passphrase: string): Promise<number> {
    keyStatus.value = await invoke('security:set-cli-passphrase', { passphrase });
    return keyStatus.value.keys.filter((key) => key.alsoWrappedBy.includes('passphrase')).length;
  }

  /** Reads the operator's own two-factor status. */
  async function loadTwoFactor(): Promise<void> {
    twoFactor.value = await invoke('two-factor:status', {});
  }

  return { policy, keyStatus, twoFactor, loadPolicy, updatePolicy, loadKeyStatus, rotateKey, setCliPassphrase, loadTwoFactor };
});
