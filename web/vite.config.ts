// Vite builds the web app into web/dist, which the local system (edge-api/src/static.ts) serves.
// The service worker (vite-plugin-pwa, Workbox generateSW) precaches the app shell and the
// engine's files (.wasm, .bin, .json, imported with `?url` from src/engine/) in ONE manifest:
// a new build replaces them together, so a stale engine never runs with new code. The page
// registers it with workbox-window (src/sw-register.ts) and asks before reloading into an update.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** Paths the server answers itself: never the SPA's index.html, never precached. */
const SERVER_PATHS = [/^\/v1\//, /^\/healthz$/, /^\/readyz$/, /^\/metrics$/];

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Spellgrid',
        short_name: 'Spellgrid',
        description: 'How will your deck fare? AI-vs-AI games with error bars.',
        theme_color: '#1d3557',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // the web manifest and its icon are added by the plugin itself
        globPatterns: ['**/*.{js,css,html,wasm,bin,json}'],
        // the engine and the card pool are well under this; a bigger file must still be precached, not skipped
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: SERVER_PATHS,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        runtimeCaching: [
          {
            // a replay or a finished prediction seen once can be seen again offline
            urlPattern: ({ url, request }) => request.method === 'GET' && /^\/v1\/(replays\/|predictions\/[^/]+\/(results|replays)$)/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'spellgrid-results', networkTimeoutSeconds: 5, expiration: { maxEntries: 200 } },
          },
        ],
      },
    }),
  ],
  build: { target: 'es2022', sourcemap: true },
  server: { proxy: { '/v1': 'http://127.0.0.1:8787' } },
  preview: { proxy: { '/v1': 'http://127.0.0.1:8787' } },
});
