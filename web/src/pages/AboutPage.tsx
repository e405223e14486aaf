import { Link } from '../router.tsx';

export default function AboutPage() {
  return (
    <main id="main" tabIndex={-1} className="prose">
      <h1>About Spellgrid</h1>
      <p>
        Spellgrid answers one question: <strong>how will this Magic: The Gathering deck fare?</strong> It plays
        thousands of AI-vs-AI games with your deck against a field of decks on its own rules engine, and reports
        each matchup's win rate with a 95% interval, the win rate against the whole field, the likely finish in a
        Swiss event and per-card statistics. It keeps playing until the numbers are as precise as you asked, putting
        games where they reduce the uncertainty most. It is open source (MIT) and the results are simulations of AI
        players, not of people.
      </p>
      <p>
        Every game is reproducible: the same decks, seed, AI agents and engine build give the same game, move for
        move, on any machine. That is what lets games be played anywhere, including in visitors' browsers, and still
        be checked.
      </p>

      <h2>What contributing does to your machine</h2>
      <ul>
        <li><strong>Nothing runs until you opt in</strong> on the <Link href="/contribute">Contribute</Link> page. Browsing, submitting decks and reading results never use your CPU for other people's games.</li>
        <li>Once you opt in, the engine (a small WebAssembly file and its card pool, a few hundred kilobytes) is downloaded and runs in <strong>Web Workers</strong>, background threads of this tab: by default half your cores, and you choose how many and a CPU cap.</li>
        <li>It <strong>pauses by itself</strong> when the tab is hidden and when the Battery API says you are on battery, and whenever you press pause. Closing the tab stops it.</li>
        <li>It uses your network only to fetch a signed batch of games (a few kilobytes) and send back the results.</li>
        <li>A key pair is made in your browser and kept there (IndexedDB) so your credit stays yours; only the public key is sent. Clearing the site's data loses the key and the credit under that handle.</li>
      </ul>

      <h2>How results are verified</h2>
      <ul>
        <li><strong>Signed tickets.</strong> Every batch is a ticket signed by the coordinator (Ed25519), naming the decks, seeds, agents, engine build and card pool, the contributor and an expiry. Results are signed with the contributor's key, so they cannot be forged in someone else's name or for work never issued.</li>
        <li><strong>Replay of samples.</strong> The server replays games of each batch itself and compares them with what was sent; any difference rejects the whole batch. Results are held apart, and count for nobody's prediction, until they pass.</li>
        <li><strong>Trust.</strong> A new contributor's first three batches, and the three after any mismatch, are replayed in full; after that a shrinking sample is, chosen with a secret the contributor cannot predict.</li>
        <li><strong>The residual guard.</strong> Each contributor's win rates are compared with everyone else's in the same matchups; one that is implausibly different (|z| &gt; 4 over at least 100 games) is flagged on the <Link href="/leaderboard">leaderboard</Link> and has every game replayed until it is not.</li>
      </ul>
      <p>
        The full protocol, what a cheater can and cannot do, is in the project's <code>docs/volunteers.md</code>.
      </p>
    </main>
  );
}
