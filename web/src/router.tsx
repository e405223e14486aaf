// A tiny History API router: the location is an external store (popstate, and our own pushes),
// routes are matched by pattern, and <Link> turns plain clicks into pushState navigations so every
// page has a shareable URL and the back button works.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
function emit() { for (const l of listeners) l(); }
function subscribe(l: () => void) {
  listeners.add(l);
  window.addEventListener('popstate', l);
  return () => { listeners.delete(l); window.removeEventListener('popstate', l); };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname, () => '/');
}

export function navigate(to: string, replace = false) {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  emit();
}

export type Route =
  | { page: 'home' }
  | { page: 'prediction'; id: string }
  | { page: 'replay'; id: string }
  | { page: 'contribute' }
  | { page: 'leaderboard' }
  | { page: 'about' }
  | { page: 'not-found' };

export function matchRoute(path: string): Route {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/') return { page: 'home' };
  if (p === '/contribute') return { page: 'contribute' };
  if (p === '/leaderboard') return { page: 'leaderboard' };
  if (p === '/about') return { page: 'about' };
  const m = /^\/(predictions|replays)\/([^/]+)$/.exec(p);
  if (m) return { page: m[1] === 'predictions' ? 'prediction' : 'replay', id: decodeURIComponent(m[2]!) };
  return { page: 'not-found' };
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };
  const current = usePath() === href;
  return <a href={href} onClick={click} aria-current={current ? 'page' : undefined} {...rest} />;
}
