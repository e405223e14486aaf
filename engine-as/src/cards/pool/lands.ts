// Lands of Foundations. Each definition is preceded by its printed rules text.
import { addMana, basicLandCard, card, gainLife, search, whenEnters } from '../dsl.ts';

/**
 * A gain land:
 *   This land enters tapped.
 *   When this land enters, you gain 1 life.
 *   {T}: Add {a} or {b}.
 */
const gainLand = (name: string, colors: string) =>
  card(name).typeLine('Land').entersTapped()
    .triggered(whenEnters(), gainLife(1))
    .manaAbility('{T}', addMana(colors));

/** A basic land; its mana ability is the one its land type gives it (305.6). */
const basic = (name: string, color: string) =>
  card(name).typeLine(`Basic Land — ${name}`).manaAbility('{T}', addMana(color));

export const lands = [
  // {T}, Sacrifice this land: Search your library for a basic land card, put it onto the battlefield
  // tapped, then shuffle.
  card('Evolving Wilds').typeLine('Land')
    .activated('{T}, Sacrifice this land', search(basicLandCard(), { to: 'battlefield', tapped: true })),

  gainLand('Rugged Highlands', 'RG'),
  gainLand('Wind-Scarred Crag', 'RW'),
  gainLand('Jungle Hollow', 'BG'),
  gainLand('Scoured Barrens', 'WB'),

  basic('Plains', 'W'),
  basic('Island', 'U'),
  basic('Swamp', 'B'),
  basic('Mountain', 'R'),
  basic('Forest', 'G'),
];
