// Colorless artifacts of Foundations. Each definition is preceded by its printed rules text.
import {
  attachedCreature, basicLandCard, card, createToken, search, stKeywords, stPT, whenDies,
  wheneverEquippedDealsCombatDamageToPlayer, yourTurn,
} from '../dsl.ts';
import { treasure } from './tokens.ts';

export const artifacts = [
  // Equipped creature has hexproof and haste.
  // Equip {1}
  card('Swiftfoot Boots').cost('{2}').typeLine('Artifact — Equipment')
    .static(stKeywords(attachedCreature(), 'hexproof', 'haste'))
    .equip('{1}'),

  // During your turn, equipped creature gets +2/+0 and has first strike.
  // Equip {2}
  card('Quick-Draw Katana').cost('{2}').typeLine('Artifact — Equipment')
    .staticWhile(yourTurn, stPT(attachedCreature(), 2, 0), stKeywords(attachedCreature(), 'first strike'))
    .equip('{2}'),

  // Equipped creature gets +1/+1.
  // Whenever equipped creature deals combat damage to a player, create a Treasure token.
  // Equip {1}
  card('Goldvein Pick').cost('{2}').typeLine('Artifact — Equipment')
    .static(stPT(attachedCreature(), 1, 1))
    .triggered(wheneverEquippedDealsCombatDamageToPlayer(), createToken(treasure))
    .equip('{1}'),

  // {3}, Sacrifice this creature: Search your library for up to two basic land cards, put them onto the
  // battlefield tapped, then shuffle.
  card('Burnished Hart').cost('{3}').typeLine('Artifact Creature — Elk').pt(2, 2)
    .activated('{3}, Sacrifice this creature', search(basicLandCard(), { count: 2, upTo: true, to: 'battlefield', tapped: true })),

  // Defender
  // When this creature dies, create a Treasure token.
  card('Gleaming Barrier').cost('{2}').typeLine('Artifact Creature — Wall').pt(0, 4).keywords('defender')
    .triggered(whenDies(), createToken(treasure)),

  // This creature attacks each combat if able.
  // This creature can't be blocked by Walls.
  card('Juggernaut').cost('{4}').typeLine('Artifact Creature — Juggernaut').pt(5, 3)
    .attacksEachCombat().cantBeBlockedByWalls(),
];
