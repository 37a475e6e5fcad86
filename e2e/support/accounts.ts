/** Fixed credentials the test server is started with (playwright.config.ts). */
export const SUPERADMIN = {
  email: 'root@e2e.test',
  password: 'E2e-super-secret!',
} as const;

/** A short id that keeps this run's names and emails apart from any earlier run's. */
export const RUN = Math.random().toString(36).slice(2, 8);

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  /** The temporary password an admin sets (or the sign-up password). */
  password: string;
  /** The password chosen at the forced change. */
  newPassword: string;
}

export function person(role: string, firstName: string, lastName: string): Person {
  return {
    firstName,
    lastName,
    email: `${role}.${RUN}@e2e.test`,
    password: `Temp-${RUN}-pass`,
    newPassword: `Own-${RUN}-password!`,
  };
}
