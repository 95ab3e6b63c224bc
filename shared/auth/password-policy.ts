// The password rules and their messages, shared so the renderer can show them while the user
// types and main enforces the same ones.

/** Fewest characters (Unicode code points) a password may have. */
export const minPasswordLength = 12;
/** Most characters accepted; longer input is refused rather than silently cut. */
export const maxPasswordLength = 256;

/** One rule a password breaks. */
export type PasswordProblemCode = 'too-short' | 'too-long' | 'same-as-username' | 'one-character-class';

/** A broken rule with a message that says what to fix. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
  /** The only kind of character a one-class password has (main says it in the user's language). */
  only?: CharacterClass;
}

/** A kind of character the mixing rule counts. */
export type CharacterClass = 'lower-case letters' | 'upper-case letters' | 'digits' | 'symbols or other characters';

function characterClass(ch: string): CharacterClass {
  if (/\p{Ll}/u.test(ch)) return 'lower-case letters';
  if (/\p{Lu}/u.test(ch)) return 'upper-case letters';
  if (/\p{Nd}/u.test(ch)) return 'digits';
  return 'symbols or other characters';
}

/** Every rule `password` breaks for `username`; an empty list means it is acceptable. */
export function checkPassword(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const chars = Array.from(password);
  if (chars.length < minPasswordLength) {
    problems.push({
      code: 'too-short',
      message: `Use at least ${minPasswordLength} characters; this one has ${chars.length}. A few unrelated words make a long password that is easy to remember.`,
    });
  }
  if (chars.length > maxPasswordLength) {
    problems.push({ code: 'too-long', message: `Use at most ${maxPasswordLength} characters; this one has ${chars.length}.` });
  }
  if (username.trim() !== '' && password.trim().toLowerCase() === username.trim().toLowerCase()) {
    problems.push({ code: 'same-as-username', message: 'Do not use your username as your password; choose something else.' });
  }
  const classes = new Set(chars.map(characterClass));
  if (chars.length > 0 && classes.size < 2) {
    const [only] = classes;
    problems.push({
      code: 'one-character-class',
      only,
      message: `Mix at least two kinds of characters (lower-case letters, upper-case letters, digits, symbols); this one has only ${only}.`,
    });
  }
  return problems;
}
