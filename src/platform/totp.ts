import { createHash, randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import { z } from 'zod';
import { defineSetting } from './settings.ts';

/**
 * The second factor (双因素鉴别, GB/T 22239-2019 8.1.4.1 d, level 3: "two or more authentication techniques,
 * at least one of them cryptographic"): a time-based one-time password (RFC 6238, 30-second steps, 6 digits,
 * HMAC-SHA1 as every authenticator app speaks it), with single-use recovery codes for a lost phone.
 */

export const TOTP_ISSUER = '12345热线';

/** A new base32 secret (160 bits, RFC 4226 4 R6). */
export const newTotpSecret = (): string => generateSecret();

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export const totpUri = (username: string, secret: string): string =>
  generateURI({ issuer: TOTP_ISSUER, label: username, secret });

/** The code for `now` (tests and the CLI's own checks). */
export const totpCode = (secret: string, now: Date): Promise<string> =>
  generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

/**
 * Checks a 6-digit code against the step of `now` and one step either side (clock drift), refusing any step at
 * or before `afterStep` (RFC 6238 5.2: a code is accepted once). Returns the matched step, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    ...(afterStep != null && { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** What a sign-in code looks like: 6 digits (the app) or a recovery code (xxxxx-xxxxx). */
export const isTotpShaped = (code: string) => /^\d{6}$/.test(code.trim());

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use recovery codes, `xxxxx-xxxxx` (≈ 49 bits each), shown once; only their digests are kept. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
    return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
  });
}

/** The stored digest of a recovery code (case, spaces and the dash do not matter when typed). */
export function recoveryDigest(code: string): string {
  const norm = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHash('sha256').update(`hotline recovery|${norm}`).digest('hex');
}

export interface TotpPolicy {
  /** Roles that must have the second factor: such a user without one may only enrol until they have. */
  requiredRoles: ('office' | 'admin')[];
}

/**
 * Which roles must use the second factor. The issue asks for TOTP as an option for the office and the
 * administrator; a city makes it compulsory for them here before its 等保 assessment (the default leaves it
 * optional so a fresh installation's first administrator can sign in with a password and set it up).
 */
export const TOTP_POLICY = defineSetting<TotpPolicy>({
  key: 'auth.totp',
  default: { requiredRoles: [] },
  schema: z.object({ requiredRoles: z.array(z.enum(['office', 'admin'])).max(2) }),
  description:
    'Roles (office, admin) that must sign in with a one-time code; until enrolled they may only set it up.',
  descriptionZh: '必须使用动态口令（TOTP）双因素登录的角色（热线办、系统管理员）',
  source: 'GB/T 22239-2019 8.1.4.1 d (等保 2.0 level 3, two-factor authentication)',
});

/** Roles that may enrol a second factor at all. */
export const TOTP_ROLES = ['office', 'admin'] as const;
