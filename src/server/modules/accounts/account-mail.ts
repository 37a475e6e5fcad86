import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { queueMail } from '../mail/queue.js';
import { recipient, type Recipient } from '../mail/recipients.js';
import type { Role } from '../../../contracts/enums.js';
import { TOKEN_TTL_MS } from './link-tokens.js';

/** The mails about an account itself: a reset link, a confirmation link, a welcome. */
type AccountMail =
  | { kind: 'password_reset'; token: string }
  | { kind: 'email_confirmation'; token: string }
  | { kind: 'signup_existing' }
  | { kind: 'welcome'; token: string; createdBy: string }
  | { kind: 'two_factor_reset'; by: string };

const ROLE_WORDS: Record<Role, string> = { super_admin: 'platform administrator', hospital_admin: 'hospital administrator', doctor: 'doctor', patient: 'patient' };

const ignoreIt = 'If you did not ask for this, ignore this mail: nothing changes.';

function words(r: Recipient, m: AccountMail, base: string) {
  const link = (path: string, token: string) => `${base}${path}?token=${encodeURIComponent(token)}`;
  switch (m.kind) {
    case 'password_reset':
      return {
        subject: `Reset your password · ${r.from}`,
        paragraphs: ['Someone, probably you, asked to reset the password of your account. Choose a new password with the link below.', `The link works once, for 30 minutes. Setting a new password signs you out everywhere.`],
        action: { label: 'Choose a new password', url: link('/reset-password', m.token) },
        footer: `${ignoreIt} Your password stays as it is.`,
      };
    case 'email_confirmation':
      return {
        subject: `Confirm your email address · ${r.from}`,
        paragraphs: [`Welcome to ${r.from}. Confirm that this is your address to finish creating your patient account; then you can book visits.`, `The link works for ${TOKEN_TTL_MS.email_confirmation / 3_600_000} hours.`],
        action: { label: 'Confirm my address', url: link('/confirm-email', m.token) },
        footer: `Someone created a patient account with this address. ${ignoreIt}`,
      };
    case 'signup_existing':
      return {
        subject: `You already have an account · ${r.from}`,
        paragraphs: ['Someone tried to create a patient account with this address, which already has an account here. No second account was made.', 'To get in, sign in; if you forgot your password, ask for a new one on the sign-in page.'],
        action: { label: 'Sign in', url: `${base}/login` },
        links: [{ label: 'Forgot your password?', url: `${base}/forgot-password` }],
        footer: ignoreIt,
      };
    case 'welcome':
      return {
        subject: `Your ${r.from} account is ready`,
        paragraphs: [`${m.createdBy} created a ${ROLE_WORDS[r.role]} account for you at ${r.from}. Choose your password to start.`, `The link works once, for ${TOKEN_TTL_MS.welcome / 86_400_000} days. If it has expired, use "Forgot password?" on the sign-in page.`],
        action: { label: 'Choose my password', url: link('/reset-password', m.token) + '&welcome=1' },
        footer: 'If you did not expect this account, tell the hospital; nothing happens until a password is chosen.',
      };
    case 'two_factor_reset':
      return {
        subject: `Your two-factor sign-in was reset · ${r.from}`,
        paragraphs: [`An administrator (${m.by}) turned off the two-factor sign-in of your account, as is done when a phone is lost. You were signed out everywhere.`, 'Sign in with your password and set up your authenticator app again.'],
        action: { label: 'Sign in', url: `${base}/login` },
        footer: 'If you did not ask for this, tell your hospital at once and change your password.',
      };
  }
}

/** Queues one of these mails to the account, in the caller's transaction. */
export async function queueAccountMail(tx: Tx, config: Config, userId: string, m: AccountMail, now: Date) {
  const r = await recipient(tx, userId);
  if (!r) return;
  const w = words(r, m, config.mail.linkBase);
  await queueMail(tx, config, {
    kind: m.kind,
    to: r,
    hospitalId: r.hospitalId,
    subject: w.subject,
    parts: { from: r.from, greeting: `Hello ${r.shortName},`, paragraphs: w.paragraphs, action: w.action, links: 'links' in w ? w.links : undefined, footer: w.footer },
  }, now);
}
