import { checkPassword, maxPasswordLength, minPasswordLength } from '../../../../shared/auth/password-policy';
import { i18n } from '../../i18n';

/** The password policy's problems with `password`, in the user's language (the same rules main enforces). */
export function passwordProblems(password: string, username: string): string[] {
  const { t } = i18n.global;
  const count = Array.from(password).length;
  return checkPassword(password, username).map((problem) => t(`policy.${problem.code}`, { min: minPasswordLength, max: maxPasswordLength, count }));
}
