/**
 * A one-time message for the next page, for changes that move the person on (signing out, a new
 * password): "You have signed out." on the sign-in page rather than nothing. Held in memory until
 * the next page takes it; a reload forgets it, as it should.
 */
let pending: string | null = null;
let shown: { pathname: string; message: string } | null = null;

export function flash(message: string) {
  pending = message;
}

/**
 * The message for the page at `pathname`: the pending one becomes this page's, and stays this
 * page's (asking twice gives the same answer) until another page is shown.
 */
export function flashFor(pathname: string): string | null {
  if (pending !== null) {
    shown = { pathname, message: pending };
    pending = null;
  } else if (shown && shown.pathname !== pathname) {
    shown = null;
  }
  return shown?.message ?? null;
}
