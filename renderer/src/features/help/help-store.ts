import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Role } from '../../../../shared/auth/roles';
import type { SupportContact } from '../../../../shared/settings/support-contact';
import { invoke } from '../../bridge/rebind-api';

/**
 * The help drawer's state: open or not, whose guide is shown (the operator's own role unless an
 * admin picked another), and the support contact, read again each time the guide opens so a change
 * an admin made in another window shows.
 */
export const useHelpStore = defineStore('help', () => {
  const open = ref(false);
  /** The role whose guide an admin chose; null is the operator's own. */
  const chosenRole = ref<Role | null>(null);
  const contact = ref<SupportContact | null>(null);
  const contactError = ref<unknown>(null);

  async function loadContact(): Promise<void> {
    try {
      contact.value = await invoke('settings:support-contact', {});
      contactError.value = null;
    } catch (error) {
      contactError.value = error;
    }
  }

  /** Opens the guide at the current page, with the operator's own role. */
  function show(): void {
    chosenRole.value = null;
    open.value = true;
    void loadContact();
  }

  /** Saves the contact (admins); main checks it again and answers with what it stored. */
  async function saveContact(next: SupportContact): Promise<void> {
    contact.value = await invoke('settings:support-contact-update', next);
  }

  return { open, chosenRole, contact, contactError, loadContact, show, saveContact };
});
