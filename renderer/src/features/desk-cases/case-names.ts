import type { CaseState } from '../../../../shared/desk/model';
import { i18n } from '../../i18n';
import { sayReason } from '../../errors/say-reason';

/** A state's name (the case reasons' `case-state-*`). */
export const stateName = (state: CaseState) => sayReason({ code: `case-state-${state}`, params: {} });

/**
 * An action's name as a label (button, timeline, notice): the table's actions by the case reasons,
 * which are phrased to sit inside a sentence ("cancel the case"), so a label starts with a capital;
 * opening, which is not a table action, by the page's own text.
 */
export function actionName(action: string): string {
  if (action === 'open') return i18n.global.t('cases.page.opened');
  const name = sayReason({ code: `case-action-${action}`, params: {} });
  return name.charAt(0).toLocaleUpperCase(String(i18n.global.locale.value)) + name.slice(1);
}
