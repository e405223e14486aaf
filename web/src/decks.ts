// The decks bundled with Spellgrid, as `npx spellgrid decks` lists them. The API takes these names
// (`deck`) but has no route listing them, so the form keeps this copy.
export const CONSTRUCTED_DECKS = [
  { name: 'boros-aggro', label: 'Boros Aggro (60 cards)' },
  { name: 'golgari-midrange', label: 'Golgari Midrange (60 cards)' },
  { name: 'green-stompy', label: 'Green Stompy (60 cards)' },
  { name: 'izzet-spells', label: 'Izzet Spells (60 cards)' },
] as const;

/** Foundations Beginner Box half-decks (20 cards): two joined with "+" make a deck, e.g. Cats+Elves. */
export const HALF_DECKS = ['Cats', 'Elves', 'Goblins', 'Healing', 'Inferno', 'Pirates', 'Primal', 'Undead', 'Vampires', 'Wizards'] as const;
