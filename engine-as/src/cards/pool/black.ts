// Black cards of Foundations. Each definition is preceded by its printed rules text.
import {
  atYourUpkeep, card, createToken, destroy, discard, draw, eachOpponent, gainLife, is, lifeLostThisWay,
  loseLife, returnToBattlefield, sacrifice, target, targetOpponent, whenDies, whenEnters, wheneverAttacks,
  wheneverDies, wheneverYouGainLife, X, you,
} from '../dsl.ts';
import { food, insect } from './tokens.ts';

export const black = [
  // Flying
  // Deathtouch
  // Lifelink
  card('Vampire Nighthawk').cost('{1}{B}{B}').typeLine('Creature — Vampire Shaman').pt(2, 3)
    .keywords('flying', 'deathtouch', 'lifelink'),

  // This creature enters tapped.
  card('Diregraf Ghoul').cost('{B}').typeLine('Creature — Zombie').pt(2, 2).entersTapped(),

  // When this creature dies, create a 1/1 black and green Insect creature token with flying.
  card('Infestation Sage').cost('{B}').typeLine('Creature — Elf Warlock').pt(1, 1)
    .triggered(whenDies(), createToken(insect)),

  // Destroy target creature. Create a Food token.
  card('Bake into a Pie').cost('{2}{B}{B}').typeLine('Instant')
    .spell(destroy(target(is('creature'))), createToken(food)),

  // Destroy target creature or planeswalker.
  card("Hero's Downfall").cost('{1}{B}{B}').typeLine('Instant')
    .spell(destroy(target(is('creature', 'planeswalker')))),

  // Each opponent loses X life. You gain life equal to the life lost this way.
  card('Exsanguinate').cost('{X}{B}{B}').typeLine('Sorcery')
    .spell(loseLife(X, eachOpponent), gainLife(lifeLostThisWay)),

  // At the beginning of your upkeep, you draw a card and you lose 1 life.
  card('Phyrexian Arena').cost('{1}{B}{B}').typeLine('Enchantment')
    .triggered(atYourUpkeep(), draw(), loseLife(1, you)),

  // When this creature enters, each opponent discards a card.
  card('Burglar Rat').cost('{1}{B}').typeLine('Creature — Rat').pt(1, 1)
    .triggered(whenEnters(), discard(1, eachOpponent)),

  // Return target creature card from your graveyard to the battlefield.
  card('Zombify').cost('{3}{B}').typeLine('Sorcery')
    .spell(returnToBattlefield(target(is('creature').inYourGraveyard()))),

  // As an additional cost to cast this spell, sacrifice a creature.
  // Flying
  // When this creature enters, each opponent discards a card and loses 2 life. You draw a card and gain 2 life.
  card('Arbiter of Woe').cost('{4}{B}{B}').typeLine('Creature — Demon').pt(5, 4)
    .additionalCost(sacrifice(is('creature').youControl())).keywords('flying')
    .triggered(whenEnters(), discard(1, eachOpponent), loseLife(2, eachOpponent), draw(), gainLife(2)),

  // Whenever this creature or another creature you control dies, target opponent loses 1 life and you gain 1 life.
  card('Vengeful Bloodwitch').cost('{1}{B}').typeLine('Creature — Vampire Warlock').pt(1, 1)
    .triggered(wheneverDies(is('creature').youControl()), loseLife(1, targetOpponent()), gainLife(1)),

  // Whenever this creature attacks, each opponent loses 1 life and you gain 1 life.
  card('Sanguine Syphoner').cost('{1}{B}').typeLine('Creature — Vampire Warlock').pt(1, 3)
    .triggered(wheneverAttacks(), loseLife(1, eachOpponent), gainLife(1)),

  // Whenever you gain life, each opponent loses 1 life.
  card('Marauding Blight-Priest').cost('{2}{B}').typeLine('Creature — Vampire Cleric').pt(3, 2)
    .triggered(wheneverYouGainLife(), loseLife(1, eachOpponent)),
];
