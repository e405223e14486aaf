// The replay viewer (/replays/:id): the server sends the replay record (decks by card name, seed,
// agents, every decision, the final digest); the browser's engine worker plays it again decision
// by decision into frames (a snapshot after each) and the page steps through the narrated event
// log, showing the board at each line. The final digest must equal the record's.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { Link } from '../router.tsx';
import { startEngineWorker, type CardText } from '../engine/client.ts';
import type { ReplayRecord } from '@spellgrid/engine-as/src/host/replay.ts';
import type { PermanentSnap, ReplayFrames, Snapshot } from '@spellgrid/engine-as/src/host/snapshot.ts';
import './replay.css';

interface ReplayResponse {
  id: string;
  prediction: string;
  opponent?: string;
  game?: number;
  winner: number | null;
  turns: number;
  record: ReplayRecord;
  events: string[];
}

type Played = ReplayFrames & { cards: Record<string, CardText> };

const SPEEDS = [1, 2, 5, 10, 25, 60];
const STEP_NAMES: Record<string, string> = {
  untap: 'Untap', upkeep: 'Upkeep', draw: 'Draw', main1: 'Main 1', beginCombat: 'Begin combat', declareAttackers: 'Attackers',
  declareBlockers: 'Blockers', firstStrikeDamage: 'First-strike damage', combatDamage: 'Combat damage', endCombat: 'End of combat',
  main2: 'Main 2', end: 'End', cleanup: 'Cleanup',
};

/** Plays the record in a fresh engine worker; the worker ends with the page. */
function usePlayed(record: ReplayRecord | undefined) {
  const [state, setState] = useState<{ played?: Played; engine?: string; error?: string }>({});
  useEffect(() => {
    if (!record) return;
    let live = true;
    const w = startEngineWorker();
    (async () => {
      const info = await w.api.init();
      const played = await w.api.replay(record);
      if (live) setState({ played, engine: info.engine });
    })().catch((e: unknown) => { if (live) setState({ error: (e as Error).message }); });
    return () => { live = false; w.terminate(); };
  }, [record]);
  return state;
}

export function ReplayPage({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['replay', id], queryFn: () => api<ReplayResponse>(`/v1/replays/${encodeURIComponent(id)}`), staleTime: Infinity, retry: 1 });
  const { played, engine, error } = usePlayed(q.data?.record);
  return (
    <main id="main" tabIndex={-1} className="replay-page">
      <h1>Replay</h1>
      {q.isPending ? <p role="status">Loading the replay…</p>
        : q.error ? <p className="bad" role="alert">{q.error.message}</p>
        : (
          <>
            <p className="muted">
              {q.data.opponent ? <>Against {q.data.opponent}, game {(q.data.game ?? 0) + 1}. </> : null}
              Seed {q.data.record.seed}; agents {q.data.record.agents.join(' vs ')}.{' '}
              <Link href={`/predictions/${encodeURIComponent(q.data.prediction)}`}>Back to the prediction</Link>
            </p>
            {error ? <p className="bad" role="alert">The engine could not replay this game: {error}</p>
              : !played ? <p role="status">Re-simulating the game in your browser…</p>
              : <Viewer played={played} record={q.data.record} engine={engine!} />}
          </>
        )}
    </main>
  );
}

export default ReplayPage;

function Viewer({ played, record, engine }: { played: Played; record: ReplayRecord; engine: string }) {
  const { lines, frames, turns } = played;
  const last = lines.length - 1;
  const [pos, setPos] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(5);
  const [me, setMe] = useState(0);
  const [reveal, setReveal] = useState(false);
  const at = Math.min(pos, last);
  const line = lines[at]!;
  const frame = frames[line.frame]!;

  useEffect(() => {
    if (!playing) return;
    if (at >= last) { setPlaying(false); return; }
    const t = setTimeout(() => setPos((p) => Math.min(p + 1, last)), 1000 / speed);
    return () => clearTimeout(t);
  }, [playing, at, last, speed]);

  const turnIndex = useMemo(() => {
    let k = -1;
    for (const [i, t] of turns.entries()) if (t.line <= at) k = i;
    return k;
  }, [turns, at]);
  const go = (p: number) => setPos(Math.max(0, Math.min(last, p)));
  const prevTurn = () => go(turnIndex >= 0 && turns[turnIndex]!.line < at ? turns[turnIndex]!.line : turnIndex > 0 ? turns[turnIndex - 1]!.line : 0);
  const nextTurn = () => go(turnIndex + 1 < turns.length ? turns[turnIndex + 1]!.line : last);

  // keyboard shortcuts, except while typing in a form control
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && !(el as HTMLInputElement).type?.startsWith('range')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const k = e.key;
    const act: Record<string, () => void> = {
      ' ': () => setPlaying((p) => !p), k: () => setPlaying((p) => !p),
      ArrowRight: () => (e.shiftKey ? nextTurn() : go(at + 1)), ArrowLeft: () => (e.shiftKey ? prevTurn() : go(at - 1)),
      l: () => go(at + 1), j: () => go(at - 1), n: nextTurn, p: prevTurn, Home: () => go(0), End: () => go(last),
      s: () => setMe((m) => 1 - m), h: () => setReveal((r) => !r),
      '+': () => setSpeed((s) => SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(s) + 1)]!),
      '-': () => setSpeed((s) => SPEEDS[Math.max(0, SPEEDS.indexOf(s) - 1)]!),
    };
    const f = act[k];
    if (f) { e.preventDefault(); f(); }
  };
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener('keydown', h);
    return () => window.removeEventListener('keydown', h);
  }, []);

  const card = (name: string) => <CardName name={name} meta={played.cards[name]} />;
  const player = (p: number) => (
    <PlayerArea p={p} snap={frame} life={line.life[p]!} mana={line.mana[p]!} reveal={reveal} card={card} top={p !== me} />
  );
  return (
    <div className="viewer">
      {!played.matches
        ? <p className="bad" role="alert" data-testid="digest-mismatch">This browser's engine did not reproduce the game: final digest {played.digest}, the record says {record.digest}.{engine !== record.engine ? ' The record was made by another engine build.' : ''}</p>
        : <p className="ok" data-testid="digest-ok">Re-simulated in your browser; final digest {played.digest} matches the record.</p>}

      <div className="controls" role="group" aria-label="Replay controls">
        <button type="button" onClick={() => go(0)} aria-label="Start (Home)">« Start</button>
        <button type="button" onClick={prevTurn} aria-label="Previous turn (P or Shift+Left)">◀◀ Turn</button>
        <button type="button" onClick={() => go(at - 1)} aria-label="Previous event (Left or J)">◀ Event</button>
        <button type="button" onClick={() => setPlaying((x) => !x)} aria-pressed={playing} aria-label={playing ? 'Pause (Space)' : 'Play (Space)'}>{playing ? '⏸ Pause' : '▶ Play'}</button>
        <button type="button" onClick={() => go(at + 1)} aria-label="Next event (Right or L)">Event ▶</button>
        <button type="button" onClick={nextTurn} aria-label="Next turn (N or Shift+Right)">Turn ▶▶</button>
        <button type="button" onClick={() => go(last)} aria-label="End (End)">End »</button>
        <label>Speed <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>{SPEEDS.map((s) => <option key={s} value={s}>{s} events/s</option>)}</select></label>
        <label>Jump to turn <select value={turnIndex >= 0 ? turns[turnIndex]!.line : ''} onChange={(e) => go(Number(e.target.value))}>
          {turnIndex < 0 ? <option value="">—</option> : null}
          {turns.map((t) => <option key={t.line} value={t.line}>Turn {t.turn} (Player {t.player + 1})</option>)}
        </select></label>
        <button type="button" onClick={() => setMe(1 - me)} aria-label="Swap perspective (S)">⇅ Swap</button>
        <label><input type="checkbox" checked={reveal} onChange={(e) => setReveal(e.target.checked)} /> Reveal hands (H)</label>
      </div>
      <div className="scrubber">
        <input type="range" min={0} max={last} value={at} onChange={(e) => go(Number(e.target.value))} aria-label="Position in the game (event)" aria-valuetext={`Event ${at + 1} of ${last + 1}, turn ${line.turn}`} />
        <div className="turn-marks" aria-hidden="true">
          {turns.map((t) => <span key={t.line} className={`mark p${t.player}`} style={{ left: `${(100 * t.line) / Math.max(1, last)}%` }} title={`Turn ${t.turn}`} />)}
        </div>
        <p className="where" aria-live="polite">Event <span data-testid="position">{at + 1}</span> of <span data-testid="events">{last + 1}</span> · Turn {line.turn} · {STEP_NAMES[frame.step] ?? frame.step}{frame.over ? ' · game over' : ''}</p>
      </div>

      <div className="table">
        {player(1 - me)}
        <section className="stack" aria-label="The stack">
          <h2>Stack</h2>
          {frame.stack.length === 0 ? <p className="muted">Empty</p>
            : <ol reversed>{[...frame.stack].reverse().map((s) => <li key={s.id}>{card(s.card)}{s.ability ? ' (ability)' : ''} <span className="muted">— Player {s.controller + 1}</span></li>)}</ol>}
        </section>
        {player(me)}
      </div>

      <section className="log" aria-label="Event log">
        <h2>Event log</h2>
        <EventLog lines={lines} at={at} go={go} />
      </section>

      <details className="shortcuts">
        <summary>Keyboard shortcuts</summary>
        <dl>
          <dt>Space or K</dt><dd>play / pause</dd>
          <dt>← / → (or J / L)</dt><dd>previous / next event</dd>
          <dt>Shift+← / Shift+→ (or P / N)</dt><dd>previous / next turn</dd>
          <dt>Home / End</dt><dd>start / end of the game</dd>
          <dt>+ / −</dt><dd>faster / slower</dd>
          <dt>S</dt><dd>swap perspective</dd>
          <dt>H</dt><dd>reveal or hide hands</dd>
        </dl>
      </details>
    </div>
  );
}

function EventLog({ lines, at, go }: { lines: Played['lines']; at: number; go: (p: number) => void }) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = ref.current?.querySelector<HTMLElement>('[aria-current="step"]');
    if (el && ref.current) ref.current.scrollTop = el.offsetTop - ref.current.offsetTop - ref.current.clientHeight / 2;
  }, [at]);
  // a window around the current line keeps the DOM small for long games
  const from = Math.max(0, at - 150), to = Math.min(lines.length, at + 150);
  return (
    <ol ref={ref} start={from + 1} className="events">
      {lines.slice(from, to).map((l, k) => {
        const i = from + k;
        return (
          <li key={i} aria-current={i === at ? 'step' : undefined} className={i > at ? 'future' : undefined}>
            <button type="button" className="linkish" onClick={() => go(i)}>{l.text}</button>
          </li>
        );
      })}
    </ol>
  );
}

function CardName({ name, meta }: { name: string; meta?: CardText }) {
  const pt = meta && meta.power !== null ? ` ${meta.power}/${meta.toughness}` : '';
  const tip = meta ? `${meta.name} ${meta.manaCost}\n${meta.typeLine}${pt}\n${meta.text}`.trim() : name;
  return (
    <span className="card-name" tabIndex={0} data-card={name} aria-label={tip}>
      {name}
      <span className="tip" role="tooltip">
        <strong>{name}</strong> {meta?.manaCost}<br />{meta?.typeLine}{pt}
        {meta?.text ? <><br />{meta.text}</> : null}
      </span>
    </span>
  );
}

function Permanent({ o, all, card }: { o: PermanentSnap; all: PermanentSnap[]; card: (n: string) => ReactNode }) {
  const attached = all.filter((a) => a.attachedTo === o.id);
  const modified = o.creature && (o.power !== o.basePower || o.toughness !== o.baseToughness);
  return (
    <li className={`perm${o.tapped ? ' tapped' : ''}${o.token ? ' token' : ''}`} data-tapped={o.tapped}>
      <span className="perm-name">{card(o.card)}{o.token ? <span className="muted"> (token)</span> : null}</span>
      {o.tapped ? <span className="badge">tapped</span> : null}
      {o.creature ? (
        <span className={`pt${modified ? ' modified' : ''}`} title={modified ? `printed ${o.basePower ?? '*'}/${o.baseToughness ?? '*'}` : undefined}>
          {o.power}/{o.toughness}{modified ? <span className="muted"> ({o.basePower ?? '*'}/{o.baseToughness ?? '*'})</span> : null}
        </span>
      ) : null}
      {o.damage ? <span className="badge dmg">{o.damage} damage</span> : null}
      {Object.entries(o.counters).map(([k, n]) => <span key={k} className="badge ctr">{n}× {k}</span>)}
      {o.keywords.length ? <span className="kw muted">{o.keywords.join(', ')}</span> : null}
      {attached.length ? <ul className="attached" aria-label="Attached">{attached.map((a) => <Permanent key={a.id} o={a} all={all} card={card} />)}</ul> : null}
    </li>
  );
}

function PlayerArea({ p, snap, life, mana, reveal, card, top }: { p: number; snap: Snapshot; life: number; mana: string; reveal: boolean; card: (n: string) => ReactNode; top: boolean }) {
  const s = snap.players[p]!;
  const all = [...snap.players[0].battlefield, ...snap.players[1].battlefield];
  const roots = s.battlefield.filter((o) => o.attachedTo === null || !all.some((h) => h.id === o.attachedTo));
  const lands = roots.filter((o) => o.land && !o.creature), others = roots.filter((o) => !(o.land && !o.creature));
  return (
    <section className={`player${top ? ' top' : ' bottom'}${snap.active === p ? ' active' : ''}`} aria-label={`Player ${p + 1}`} data-player={p}>
      <header>
        <h2>Player {p + 1}{snap.active === p ? <span className="muted"> · active</span> : null}{snap.over && snap.winner === p ? <strong className="ok"> · winner</strong> : null}</h2>
        <dl className="facts">
          <div><dt>Life</dt><dd data-testid={`life-${p}`}>{life}</dd></div>
          <div><dt>Library</dt><dd>{s.library}</dd></div>
          <div><dt>Hand</dt><dd>{s.hand.length}</dd></div>
          <div><dt>Graveyard</dt><dd>{s.graveyard.length}</dd></div>
          <div><dt>Mana this step</dt><dd>{mana || '—'}</dd></div>
        </dl>
      </header>
      <div className="zones">
        <div className="battlefield">
          <h3>Battlefield</h3>
          {others.length ? <ul className="perms">{others.map((o) => <Permanent key={o.id} o={o} all={all} card={card} />)}</ul> : <p className="muted">No creatures or other permanents</p>}
          {lands.length ? <ul className="perms lands">{lands.map((o) => <Permanent key={o.id} o={o} all={all} card={card} />)}</ul> : null}
        </div>
        <div className="side">
          <h3>Hand ({s.hand.length})</h3>
          {reveal ? <ul className="names hand-cards">{s.hand.map((c) => <li key={c.id}>{card(c.card)}</li>)}</ul>
            : <p className="hidden-hand" aria-label={`${s.hand.length} hidden cards`}>{'▮'.repeat(s.hand.length) || '—'}</p>}
          <details>
            <summary>Graveyard ({s.graveyard.length})</summary>
            <ul className="names">{s.graveyard.map((c) => <li key={c.id}>{card(c.card)}</li>)}</ul>
          </details>
          {s.exile.length ? <details><summary>Exile ({s.exile.length})</summary><ul className="names">{s.exile.map((c) => <li key={c.id}>{card(c.card)}</li>)}</ul></details> : null}
        </div>
      </div>
    </section>
  );
}
