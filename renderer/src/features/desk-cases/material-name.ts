import { i18n } from '../../i18n';
import { sayReason } from '../../errors/say-reason';

/**
 * A material kind's name as a label: the reference page's names (the standard five and the known
 * additions), else the reasons' name, else the reasons' wording around the bank's own code.
 */
export function materialName(kind: string): string {
  const { t, te } = i18n.global;
  if (te(`reference.materialKinds.${kind}`)) return t(`reference.materialKinds.${kind}`);
  if (te(`errors.reasons.material-${kind}`)) return sayReason({ code: `material-${kind}`, params: {} });
  return sayReason({ code: 'material-other', params: { kind } });
}
