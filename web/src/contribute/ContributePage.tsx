// Contributing compute from the browser (/contribute). Nothing runs before the visitor agrees:
// the engine loads, the key pair is made and the handle registered only after "Start". The key
// pair (private key not extractable) and handle live in IndexedDB, so credit persists.
import { useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, type Contributor as ContributorStats } from '../api.ts';
import { Link } from '../router.tsx';
import { Contributor, register, type ContributorStatus } from './contributor.ts';
import { ed25519Supported, forgetIdentity, loadIdentity, newIdentity, saveIdentity, suggestHandle, type Identity } from './keys.ts';
import './contribute.css';

const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
const defaultWorkers = Math.max(1, Math.floor(cores / 2));
const CAPS = [25, 50, 75, 100];

interface BatteryManager extends EventTarget { charging: boolean }

export function ContributePage() {
  const [identity, setIdentity] = useState<Identity | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [handle, setHandle] = useState('');
  const [workers, setWorkers] = useState(defaultWorkers);
  const [cap, setCap] = useState(100);
  const [agreed, setAgreed] = useState(false);
  const [status, setStatus] = useState<ContributorStatus | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [userPaused, setUserPaused] = useState(false);
  const running = useRef<Contributor | undefined>(undefined);
  const qc = useQueryClient();

  useEffect(() => {
    loadIdentity().then((id) => { setIdentity(id); setHandle(id?.handle ?? suggestHandle()); }, () => setHandle(suggestHandle())).finally(() => setLoaded(true));
    return () => running.current?.stop();
  }, []);

  // pause when the tab is hidden, and on battery when the Battery API says it is discharging
  useEffect(() => {
    const vis = () => running.current?.pause('hidden', document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', vis);
    let battery: BatteryManager | undefined;
    const bat = () => running.current?.pause('battery', battery ? !battery.charging : false);
    const nav = navigator as Navigator & { getBattery?: () => Promise<BatteryManager> };
    nav.getBattery?.().then((b) => { battery = b; b.addEventListener('chargingchange', bat); bat(); }, () => {});
    return () => { document.removeEventListener('visibilitychange', vis); battery?.removeEventListener('chargingchange', bat); };
  }, []);

  const active = status && status.state !== 'stopped' && status.state !== 'error';
  const stats = useQuery({
    queryKey: ['contributor', identity?.handle],
    enabled: !!identity?.registered,
    queryFn: () => api<ContributorStats>(`/v1/contributors/${encodeURIComponent(identity!.handle)}`),
    refetchInterval: active ? 2000 : 15000,
  });
  const board = useQuery({
    queryKey: ['leaderboard'],
    enabled: !!identity?.registered,
    queryFn: () => api<{ contributors: ContributorStats[] }>('/v1/leaderboard'),
    refetchInterval: active ? 5000 : 15000,
  });
  const place = board.data && identity ? board.data.contributors.findIndex((c) => c.handle === identity.handle) : -1;

  async function start() {
    setProblem(undefined);
    try {
      if (!(await ed25519Supported())) throw new Error('This browser’s WebCrypto has no Ed25519 keys; try a recent Chromium, Firefox or Safari.');
      let id = identity;
      if (!id || id.handle !== handle) {
        if (!/^[A-Za-z0-9_-]{1,32}$/.test(handle)) throw new Error('A handle is 1 to 32 letters, digits, _ or -.');
        id = await newIdentity(handle);
      }
      await register(id);
      id = { ...id, registered: true };
      await saveIdentity(id);
      setIdentity(id);
      const c = new Contributor({ identity: id, workers, cap: cap / 100, onStatus: setStatus });
      running.current = c;
      if (document.visibilityState === 'hidden') c.pause('hidden', true);
      if (userPaused) c.pause('user', true);
      void c.run().then(() => qc.invalidateQueries({ queryKey: ['contributor'] }));
    } catch (e) {
      setProblem((e as Error).message);
    }
  }

  function stop() {
    running.current?.stop();
    running.current = undefined;
  }

  function togglePause() {
    const on = !userPaused;
    setUserPaused(on);
    running.current?.pause('user', on);
  }

  async function forget() {
    stop();
    await forgetIdentity();
    setIdentity(undefined);
    setHandle(suggestHandle());
  }

  return (
    <main id="main" tabIndex={-1} className="contribute-page">
      <h1>Contribute</h1>
      <p className="lede">Lend this browser’s processor to play Spellgrid’s games. Your browser plays batches of AI-vs-AI games with the same engine the server runs, signs the results with a key made here, and the server replays a sample of them to check. Verified games are credited to your handle on the <Link href="/leaderboard">leaderboard</Link>.</p>
      <p><strong>Nothing runs until you press Start.</strong> While it runs it uses the workers and CPU share you choose; it pauses by itself when this tab is hidden or your device runs on battery, and whenever you ask. Closing the tab stops it.</p>

      {!loaded ? <p role="status">Loading…</p> : (
        <form className="contribute-form" onSubmit={(e) => { e.preventDefault(); if (!active) void start(); }}>
          <fieldset disabled={!!active}>
            <legend>Settings</legend>
            <label>Handle <input value={handle} onChange={(e) => setHandle(e.target.value)} maxLength={32} pattern="[A-Za-z0-9_-]{1,32}" required aria-describedby="handle-help" /></label>
            <p id="handle-help" className="muted">{identity?.registered ? `This browser holds the key of “${identity.handle}”; keep it to keep your credit.` : 'A new key pair is made in this browser and registered under this handle.'}</p>
            <label>Workers <input type="number" min={1} max={cores} value={workers} onChange={(e) => setWorkers(Math.max(1, Math.min(cores, Number(e.target.value) || 1)))} /> <span className="muted">of {cores} cores</span></label>
            <label>CPU cap <select value={cap} onChange={(e) => setCap(Number(e.target.value))}>{CAPS.map((c) => <option key={c} value={c}>{c}%{c < 100 ? ' (rests between games)' : ''}</option>)}</select></label>
            <label className="agree"><input type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} required /> I agree to let this page use my processor to play Spellgrid games until I stop it or close the tab.</label>
          </fieldset>
          <div className="buttons">
            {!active
              ? <button type="submit" disabled={!agreed}>Start contributing</button>
              : <>
                  <button type="button" onClick={togglePause} aria-pressed={userPaused}>{userPaused ? 'Resume' : 'Pause'}</button>
                  <button type="button" onClick={stop}>Stop</button>
                </>}
            {identity && !active ? <button type="button" className="secondary" onClick={() => void forget()}>Forget my key</button> : null}
          </div>
        </form>
      )}
      {problem ? <p className="bad" role="alert">{problem}</p> : null}

      {status ? (
        <section aria-labelledby="live-h" className="live">
          <h2 id="live-h">This session</h2>
          <p role="status" data-state={status.state} className={status.state === 'error' ? 'bad' : undefined}>{status.state === 'error' ? 'Stopped: ' : ''}{status.message}</p>
          {status.paused.length ? <p data-testid="paused"><strong>Paused</strong> ({status.paused.map((r) => ({ hidden: 'this tab is hidden', battery: 'on battery', user: 'you asked' })[r]).join(', ')}); it resumes by itself when no reason holds.</p> : null}
          <dl className="facts">
            <div><dt>State</dt><dd data-testid="state">{status.state}</dd></div>
            <div><dt>Games per second</dt><dd data-testid="rate">{status.rate.toFixed(1)}</dd></div>
            <div><dt>Games contributed</dt><dd data-testid="session-games">{status.games}</dd></div>
            <div><dt>Batches</dt><dd>{status.batches}</dd></div>
          </dl>
        </section>
      ) : null}

      {identity?.registered ? (
        <section aria-labelledby="credit-h" className="credit">
          <h2 id="credit-h">Your credit as “{identity.handle}”</h2>
          {stats.data ? (
            <dl className="facts">
              <div><dt>Verified games</dt><dd data-testid="verified">{stats.data.verifiedGames}</dd></div>
              <div><dt>Pending verification</dt><dd data-testid="pending">{stats.data.pendingGames}</dd></div>
              <div><dt>Rejected</dt><dd>{stats.data.rejectedGames}</dd></div>
              <div><dt>Trust</dt><dd>{stats.data.trust}</dd></div>
              <div><dt>Leaderboard place</dt><dd data-testid="place">{place >= 0 ? `#${place + 1} of ${board.data!.contributors.length}` : '—'}</dd></div>
            </dl>
          ) : stats.error ? <p className="bad">{stats.error instanceof ApiError && stats.error.status === 404 ? 'Not registered yet.' : stats.error.message}</p> : <p role="status">Loading…</p>}
        </section>
      ) : null}
    </main>
  );
}

export default ContributePage;
