// Lands of Foundations. Each definition is preceded by its printed rules text.
import {
  addAnyColorForChosenType, addChosenColor, addMana, basicLandCard, becomeCreature, card, gainLife, grant, is, search,
  self, target, whenEnters,
} from '../dsl.ts';

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
  gainLand('Bloodfell Caves', 'BR'),
  gainLand('Blossoming Sands', 'GW'),
  gainLand('Dismal Backwater', 'UB'),
  gainLand('Swiftwater Cliffs', 'UR'),
  gainLand('Thornwood Falls', 'GU'),
  gainLand('Tranquil Cove', 'WU'),

  // {T}: Add {C}.
  // {4}, {T}: Target creature can't be blocked this turn.
  card("Rogue's Passage").typeLine('Land')
    .manaAbility('{T}', addMana('C'))
    .activated('{4}, {T}', grant(target(is('creature')), "can't be blocked")),

  // {T}: Add {C}.
  // {4}: This land becomes a 3/3 creature with vigilance and all creature types. It's still a land.
  card('Soulstone Sanctuary').typeLine('Land')
    .manaAbility('{T}', addMana('C'))
    .activated('{4}', becomeCreature(self, 3, 3, 'vigilance')),

  // As this land enters, choose a creature type.
  // {T}: Add {C}.
  // {T}: Add one mana of any color. Spend this mana only to cast a creature spell of the chosen type or activate
  // an ability of a creature source of the chosen type.
  card('Secluded Courtyard').typeLine('Land').chooseTypeAsEnters()
    .manaAbility('{T}', addMana('C'))
    .manaAbility('{T}', addAnyColorForChosenType()),

  // This land enters tapped. As it enters, choose a color.
  // {T}: Add one mana of the chosen color.
  card('Uncharted Haven').typeLine('Land').entersTapped().chooseColorAsEnters()
    .manaAbility('{T}', addChosenColor()),

  basic('Plains', 'W'),
  basic('Island', 'U'),
  basic('Swamp', 'B'),
  basic('Mountain', 'R'),
  basic('Forest', 'G'),
];
