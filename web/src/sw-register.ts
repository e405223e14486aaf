// Registers the service worker with workbox-window. A new build's worker waits (registerType
// 'prompt') until the visitor accepts the update: then it is told to skip waiting, takes control,
// and the page reloads once, so code and engine files always come from the same build.
import { Workbox } from 'workbox-window';

type Listener = () => void;
let waiting: Workbox | null = null;
const listeners = new Set<Listener>();

export const updateAvailable = {
  subscribe(l: Listener) { listeners.add(l); return () => { listeners.delete(l); }; },
  get: () => waiting !== null,
};

/** Activates the waiting worker and reloads when it controls the page. */
export function applyUpdate() {
  const wb = waiting;
  if (!wb) return;
  wb.addEventListener('controlling', () => window.location.reload());
  wb.messageSkipWaiting();
}

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    waiting = wb;
    for (const l of listeners) l();
  });
  void wb.register();
}
