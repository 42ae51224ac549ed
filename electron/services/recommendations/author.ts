import { userInfo } from 'node:os';

/** Who is making a change: JSNA_USER_NAME if set, else the operating system's user name. */
export function currentAuthor(): string {
  const fromEnv = process.env.JSNA_USER_NAME?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return 'unknown user';
  }
}
