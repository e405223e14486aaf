import { Link } from '../router.tsx';
import { DeckForm } from './DeckForm.tsx';

export default function HomePage() {
  return (
    <main id="main" tabIndex={-1}>
      <h1>How will your deck fare?</h1>
      <p className="lede">
        Paste a Magic: The Gathering deck list. Spellgrid plays thousands of seeded AI-vs-AI games with it against a
        field of decks and reports each matchup's win rate with a 95% interval, your win rate against the whole field,
        how you would place in a Swiss event, and which cards pull their weight. Every game is reproducible, so anyone
        can check it, and you can <Link href="/contribute">lend your browser</Link> to play them.
      </p>
      <DeckForm />
    </main>
  );
}
