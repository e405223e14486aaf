// Blue cards of Foundations. Each definition is preceded by its printed rules text.
import {
  card, counterSpell, draw, is, landfall, loot, bounce, pump, putCounters, stCostReduce, tap, target,
  whenEnters, withTarget,
} from '../dsl.ts';

export const blue = [
  // Counter target creature spell.
  card('Essence Scatter').cost('{1}{U}').typeLine('Instant').spell(counterSpell(target(is('creature').spell()))),

  // Draw a card.
  // Flashback {2}{U}
  card('Think Twice').cost('{1}{U}').typeLine('Instant').spell(draw()).flashback('{2}{U}'),

  // Flash
  // Flying
  // {3}{U}: Draw a card.
  card('Spectral Sailor').cost('{U}').typeLine('Creature — Spirit Pirate').pt(1, 1).keywords('flash', 'flying')
    .activated('{3}{U}', draw()),

  // Target creature gets -1/-0 until end of turn.
  // Draw a card.
  card('Fleeting Distraction').cost('{U}').typeLine('Instant').spell(pump(target(is('creature')), -1, 0), draw()),

  card('Aegis Turtle').cost('{U}').typeLine('Creature — Turtle').pt(0, 5),

  // Flying
  // When this creature enters, draw a card, then discard a card.
  card('Icewind Elemental').cost('{4}{U}').typeLine('Creature — Elemental').pt(3, 4).keywords('flying')
    .triggered(whenEnters(), loot()),

  // When this creature enters, return target creature an opponent controls to its owner's hand.
  card('Bigfin Bouncer').cost('{3}{U}').typeLine('Creature — Shark Pirate').pt(3, 2)
    .triggered(whenEnters(), bounce(target(is('creature').oppControls()))),

  // Flying, vigilance
  // {1}{U}, {T}: Draw a card, then discard a card.
  card('Strix Lookout').cost('{1}{U}').typeLine('Creature — Bird').pt(1, 2).keywords('flying', 'vigilance')
    .activated('{1}{U}, {T}', loot()),

  // Counter target spell. Draw a card, then discard a card.
  card('Refute').cost('{1}{U}{U}').typeLine('Instant').spell(counterSpell(target(is().spell())), loot()),

  // Flying
  // Instant and sorcery spells you cast cost {1} less to cast.
  card('Mocking Sprite').cost('{2}{U}').typeLine('Creature — Faerie Rogue').pt(2, 1).keywords('flying')
    .static(stCostReduce(is('instant', 'sorcery').spell(), 1)),

  // Landfall — Whenever a land you control enters, tap target creature an opponent controls and put a
  // stun counter on it.
  withTarget(target(is('creature').oppControls()), (t) =>
    card('Grappling Kraken').cost('{4}{U}{U}').typeLine('Creature — Kraken').pt(5, 6)
      .triggered(landfall(), tap(t), putCounters(1, 'stun', t))),
];
