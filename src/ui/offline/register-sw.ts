/**
 * Registers public/sw.mjs (the offline cache, issue 7) for the built app. Skipped in `vite` dev
 * mode (a cache would serve stale modules), where service workers are unavailable (an insecure
 * origin, file://) and when the page asks not to (`?sw=0`, for debugging). Failure is silent:
 * the app works the same online without it.
 */

export interface RegisterOptions {
  /** Whether this is a production build (import.meta.env.PROD). */
  readonly production?: boolean;
}

/** Whether to register for this page; pure, for tests. */
export function shouldRegister(url: string, hasServiceWorker: boolean, production: boolean): boolean {
  if (!production || !hasServiceWorker) return false;
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  return u.searchParams.get('sw') !== '0';
}

/** Call once at startup (src/ui/main.tsx). Resolves to the registration, or undefined. */
export async function registerServiceWorker(
  options: RegisterOptions = {},
): Promise<ServiceWorkerRegistration | undefined> {
  const production = options.production ?? import.meta.env.PROD;
  if (!shouldRegister(window.location.href, 'serviceWorker' in navigator, production)) return undefined;
  try {
    // Relative to the page, so the app works from any subpath; the scope is the app's folder.
    const script = new URL('./sw.mjs', document.baseURI);
    return await navigator.serviceWorker.register(script, { scope: './' });
  } catch {
    return undefined;
  }
}
