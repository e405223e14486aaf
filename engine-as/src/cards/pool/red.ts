// Red cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  anyTarget, atYourEndStep, card, count, createToken, damage, damageEach, destroy, discardCards, draw,
  eachOpponent, exile, exileInsteadOfDying, grant, ifKicked, is, landfall, mode, powerOf, pump, pumpAll, raid,
  self, subtype, target, upTo, whenEnters, wheneverYouCast, withTarget,
} from '../dsl.ts';
import { dragon, goblin } from './tokens.ts';

export const red = [
  // Kicker {4}
  // Burst Lightning deals 2 damage to any target. If this spell was kicked, it deals 4 damage instead.
  withTarget(target(anyTarget()), (t) =>
    card('Burst Lightning').cost('{R}').typeLine('Instant').kicker('{4}')
      .spell(ifKicked(damage(4, t), damage(2, t)))),

  // Choose one —
  // • Abrade deals 3 damage to target creature.
  // • Destroy target artifact.
  card('Abrade').cost('{1}{R}').typeLine('Instant')
    .modal(1, mode(damage(3, target(is('creature')))), mode(destroy(target(is('artifact'))))),

  // Choose one —
  // • Slagstorm deals 3 damage to each creature.
  // • Slagstorm deals 3 damage to each player.
  card('Slagstorm').cost('{1}{R}{R}').typeLine('Sorcery')
    .modal(1, mode(damageEach(3, is('creature'))), mode(damageEach(3, null, S.PF_ANY))),

  // Haste
  // {T}, Sacrifice this creature: It deals 1 damage to any target.
  card('Fanatical Firebrand').cost('{R}').typeLine('Creature — Goblin Pirate').pt(1, 1).keywords('haste')
    .activated('{T}, Sacrifice this creature', damage(1, target(anyTarget()))),

  // Haste
  card('Brazen Scourge').cost('{1}{R}{R}').typeLine('Creature — Gremlin').pt(3, 3).keywords('haste'),

  // Flying
  // {R}: This creature gets +1/+0 until end of turn.
  card('Shivan Dragon').cost('{4}{R}{R}').typeLine('Creature — Dragon').pt(5, 5).keywords('flying')
    .activated('{R}', pump(self, 1, 0)),

  // Whenever you cast a noncreature spell, this creature deals 1 damage to each opponent.
  card('Firebrand Archer').cost('{1}{R}').typeLine('Creature — Human Archer').pt(2, 1)
    .triggered(wheneverYouCast(is().non('creature').spell()), damage(1, eachOpponent)),

  // Prowess
  // {R}, Sacrifice this creature: It deals damage equal to its power to target creature or planeswalker.
  card('Heartfire Immolator').cost('{1}{R}').typeLine('Creature — Human Wizard').pt(2, 2).keywords('prowess')
    .activated('{R}, Sacrifice this creature', damage(powerOf(self), target(is('creature', 'planeswalker')))),

  // As an additional cost to cast this spell, discard a card.
  // Draw two cards.
  card('Thrill of Possibility').cost('{1}{R}').typeLine('Instant').additionalCost(discardCards(1)).spell(draw(2)),

  // Choose one —
  // • Creatures you control get +2/+0 until end of turn.
  // • Create two 1/1 red Goblin creature tokens.
  card('Goblin Surprise').cost('{2}{R}').typeLine('Instant')
    .modal(1, mode(pumpAll(is('creature').youControl(), 2, 0)), mode(createToken(goblin, 2))),

  // Raid — At the beginning of your end step, if you attacked this turn, create a 1/1 red Goblin creature token.
  card('Searslicer Goblin').cost('{1}{R}').typeLine('Creature — Goblin Warrior').pt(2, 1)
    .triggered(atYourEndStep().if(raid), createToken(goblin)),

  // Landfall — Whenever a land you control enters, this creature deals 1 damage to each opponent.
  card('Spitfire Lagac').cost('{3}{R}').typeLine('Creature — Lizard').pt(3, 4)
    .triggered(landfall(), damage(1, eachOpponent)),

  // Fiery Annihilation deals 5 damage to target creature. Exile up to one target Equipment attached to
  // that creature. If that creature would die this turn, exile it instead.
  withTarget(target(is('creature')), (t) =>
    card('Fiery Annihilation').cost('{2}{R}').typeLine('Instant')
      .spell(
        damage(5, t),
        exile(upTo(1, subtype('Equipment').attachedToFirstTarget())),
        exileInsteadOfDying(t),
      )),

  // Target creature gets +3/+0 and gains first strike until end of turn.
  withTarget(target(is('creature')), (t) =>
    card('Sure Strike').cost('{1}{R}').typeLine('Instant').spell(pump(t, 3, 0), grant(t, 'first strike'))),

  // {T}: Create X 1/1 red Goblin creature tokens, where X is the number of Goblins you control.
  card('Krenko, Mob Boss').cost('{2}{R}{R}').typeLine('Legendary Creature — Goblin Warrior').pt(3, 3)
    .activated('{T}', createToken(goblin, count(subtype('Goblin').youControl()))),

  // Seismic Rupture deals 2 damage to each creature without flying.
  card('Seismic Rupture').cost('{2}{R}').typeLine('Sorcery')
    .spell(damageEach(2, is('creature').without('flying'))),

  // Boltwave deals 3 damage to each opponent.
  card('Boltwave').cost('{R}').typeLine('Sorcery').spell(damage(3, eachOpponent)),

  // When this creature enters, create a 4/4 red Dragon creature token with flying.
  card('Dragon Trainer').cost('{3}{R}{R}').typeLine('Creature — Human').pt(1, 1)
    .triggered(whenEnters(), createToken(dragon)),
];
