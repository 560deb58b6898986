import bcrypt from 'bcryptjs';

/**
 * bcrypt cost of the app, chosen by measuring on the development machine (bench/RESULTS.md):
 * 10 ≈ 90 ms, 11 ≈ 140 ms, 12 ≈ 380 ms per hash in bcryptjs. 11 keeps a sign-in under half a second
 * on an old school computer while making offline guessing 2× costlier than the minimum of 10.
 */
export const BCRYPT_COST = 11;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False for a wrong password and for anything that is not a bcrypt hash. */
  verify(password: string, hash: string): Promise<boolean>;
  /** Spend the time of one verification, for an unknown login: timing must not reveal which accounts exist. */
  spendVerificationTime(password: string): Promise<void>;
}

/** Asynchronous bcryptjs: hashing yields to the event loop, so the app never freezes on sign-in. */
export function createPasswordHasher(cost = BCRYPT_COST): PasswordHasher {
  let decoy: Promise<string> | undefined;
  const verify = async (password: string, hash: string) => {
    if (!/^\$2[aby]\$\d\d\$/.test(hash)) return false;
    return bcrypt.compare(password, hash);
  };
  return {
    hash: (password) => bcrypt.hash(password, cost),
    verify,
    spendVerificationTime: async (password) => {
      decoy ??= bcrypt.hash(crypto.randomUUID(), cost);
      await verify(password, await decoy);
    },
  };
}
