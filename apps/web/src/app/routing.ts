import { useSyncExternalStore } from 'react';

/** A two-page app needs no router library: the path is the state, `navigate` pushes history. */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export type Route = { readonly page: 'home' } | { readonly page: 'board'; readonly boardId: string };

export function matchRoute(pathname: string): Route | undefined {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board) return { page: 'board', boardId: decodeURIComponent(board[1]!) };
  return undefined;
}
