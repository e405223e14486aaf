// The app shell: skip link, header with the site's navigation, the current page (each page is its
// own lazily loaded chunk, so the first load stays small and the engine loads only with the
// replay and contribute pages), and the service worker's update prompt.
import { lazy, Suspense, useEffect, useRef, useSyncExternalStore } from 'react';
import { Link, matchRoute, usePath, type Route } from './router.tsx';
import { applyUpdate, updateAvailable } from './sw-register.ts';

const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const PredictionPage = lazy(() => import('./pages/PredictionPage.tsx'));
const LeaderboardPage = lazy(() => import('./pages/LeaderboardPage.tsx'));
const AboutPage = lazy(() => import('./pages/AboutPage.tsx'));
const ReplayPage = lazy(() => import('./replay/ReplayPage.tsx').then((m) => ({ default: m.ReplayPage })));
const ContributePage = lazy(() => import('./contribute/ContributePage.tsx').then((m) => ({ default: m.ContributePage })));

const TITLES: Record<Route['page'], string> = {
  home: 'Spellgrid: how will your deck fare?',
  prediction: 'Prediction · Spellgrid',
  replay: 'Replay · Spellgrid',
  contribute: 'Contribute · Spellgrid',
  leaderboard: 'Leaderboard · Spellgrid',
  about: 'About · Spellgrid',
  'not-found': 'Not found · Spellgrid',
};

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home': return <HomePage />;
    case 'prediction': return <PredictionPage id={route.id} />;
    case 'replay': return <ReplayPage id={route.id} />;
    case 'contribute': return <ContributePage />;
    case 'leaderboard': return <LeaderboardPage />;
    case 'about': return <AboutPage />;
    case 'not-found': return (
      <main id="main" tabIndex={-1}>
        <h1>Page not found</h1>
        <p>There is no page here. <Link href="/">Go to the home page</Link>.</p>
      </main>
    );
  }
}

function UpdatePrompt() {
  const available = useSyncExternalStore(updateAvailable.subscribe, updateAvailable.get, () => false);
  if (!available) return null;
  return (
    <div className="update" role="status">
      <span>A new version of Spellgrid is available.</span>
      <button type="button" onClick={applyUpdate}>Reload</button>
    </div>
  );
}

export function App() {
  const path = usePath();
  const route = matchRoute(path);
  const first = useRef(true);
  useEffect(() => {
    document.title = TITLES[route.page];
    // after a navigation, move focus to the new page's content so keyboard and screen reader users start there
    if (first.current) { first.current = false; return; }
    document.getElementById('main')?.focus();
  }, [path, route.page]);
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="site">
        <Link href="/" className="brand">Spellgrid</Link>
        <nav aria-label="Main">
          <ul>
            <li><Link href="/">Predict</Link></li>
            <li><Link href="/contribute">Contribute</Link></li>
            <li><Link href="/leaderboard">Leaderboard</Link></li>
            <li><Link href="/about">About</Link></li>
          </ul>
        </nav>
      </header>
      <UpdatePrompt />
      <Suspense fallback={<main id="main" tabIndex={-1}><p role="status">Loading…</p></main>}>
        <Page route={route} />
      </Suspense>
      <footer className="site">
        <p>Spellgrid is open source (MIT). Simulated games, not real-world results.</p>
      </footer>
    </>
  );
}
