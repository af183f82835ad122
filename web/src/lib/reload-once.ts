const RELOADED = 'kooperacja.reloadedAfterFailure';

/**
 * Whether to reload the page by itself after code did not arrive: browsers remember a failed import for the
 * page's life, so asking again in the same page fails again, while a reload fetches afresh. Only online
 * (offline, a reload shows the browser's own error page instead of ours) and once a minute per address, so
 * code that is really missing (a deploy removed it) cannot loop.
 */
export function mayReload(): boolean {
  try {
    if (!navigator.onLine) return false;
    const [href, at] = (sessionStorage.getItem(RELOADED) ?? '').split(' ');
    if (href === location.href && Date.now() - Number(at) < 60_000) return false;
    sessionStorage.setItem(RELOADED, `${location.href} ${Date.now()}`);
    return true;
  } catch {
    return false;
  }
}
