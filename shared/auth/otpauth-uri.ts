// The otpauth:// URI authenticator apps scan (Google Authenticator's "Key Uri Format").

/** TOTP parameters this app uses: RFC 6238 with SHA-1, 6 digits, 30-second steps. */
export const totpParameters = { algorithm: 'SHA1', digits: 6, periodSeconds: 30 } as const;

/** What the URI names and carries. */
export interface OtpauthUriInput {
  issuer: string;
  account: string;
  secretBase32: string;
}

/** Builds `otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`. */
export function otpauthUri(input: OtpauthUriInput): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.account)}`;
  const query = [
    `secret=${input.secretBase32}`,
    `issuer=${encodeURIComponent(input.issuer)}`,
    `algorithm=${totpParameters.algorithm}`,
    `digits=${totpParameters.digits}`,
    `period=${totpParameters.periodSeconds}`,
  ].join('&');
  return `otpauth://totp/${label}?${query}`;
}

/** Groups a base32 secret in fours for people who type it in by hand. */
export function groupSecretForDisplay(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}
