// Black cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  anyTarget, atNextEndStep, copyToken, exileAll, it, attachedCreature, atYourEndStep, atYourUpkeep, card, chooseDiscard, countersOnSelf,
  countInGraveyard, createToken, creaturesOnBattlefield, damage, delayed, destroy, discard, discardCards, draw,
  eachOpponent, eachPlayer, eachSacrifices, thatMuch, eventObject, thatPlayer, exile, exiledThisWay, gainLife, grant,
  grantTrigger, hadCounter, ifThen, ifYouDo, is, itIs, keepOneOfEachType, lifeGainedThisTurn, lifeLostThisWay,
  lookKeepOneOnTop, loseLife, mill, mode, morbid, not, opponentLostLifeThisTurn, payLife, pump, pumpAll, putCounters,
  raid, returnAllToBattlefield, returnToBattlefield, returnToHand, returnWithCounters, sacrifice, search, self,
  stAltCost, stEntersWithCounters, stKeywords, stPT, subtype, target, targetOpponent, itself, threshold, unless, upTo, upToFromOneGraveyard,
  whenDies, whenEnters, wheneverAttacks, wheneverDies, wheneverOpponentCasts, wheneverOpponentLosesLife,
  wheneverYouGainLife, withTarget, X, you, youCastIt, itWasSubtype, returnTransformed,
  mayPlay, wheneverOpponentDiscards, exileWithCounter, stPlayStashed,
} from '../dsl.ts';
import { food, insect, treasure } from './tokens.ts';

// 2/2 black Zombie creature token
export const zombie = card('Zombie').typeLine('Token Creature — Zombie').color('B').pt(2, 2);

// 1/1 black Rat creature token
export const rat = card('Rat').typeLine('Token Creature — Rat').color('B').pt(1, 1);

/** "another creature" you control, to sacrifice */
const anotherCreature = is('creature').youControl().other();
/** "Skeletons you control and other Zombies you control" */
const skeletonsAndOtherZombies = subtype('Skeleton').sub('Zombie').youControl().other();

export const black = [
  // {T}: Exile target creature card from a graveyard that was put there this turn. Create a token that's a copy of it,
  // except it's a Nightmare in addition to its other types. Then exile all other Nightmare tokens you control.
  card('Abyssal Harvester').cost('{1}{B}{B}').typeLine('Creature — Demon Warlock').pt(3, 2)
    .activated('{T}', exile(target(is('creature').inAGraveyard().putThereThisTurn())), copyToken(it, S.TOKF_NIGHTMARE),
      exileAll(subtype('Nightmare').token().youControl().otherThanIt())),

  // When this creature dies, if it wasn't a Demon, return it to the battlefield under its owner's control
  // with two +1/+1 counters on it. It's a Demon in addition to its other types.
  card('Infernal Vessel').cost('{2}{B}').typeLine('Creature — Human Cleric').pt(2, 1)
    .triggered(whenDies().if(not(itWasSubtype('Demon'))), returnTransformed(self, 2, [], ['Demon'])),

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

  // Flying
  // When this creature enters, mill three cards.
  // Threshold — This creature gets +2/+1 as long as there are seven or more cards in your graveyard.
  card('Billowing Shriekmass').cost('{3}{B}').typeLine('Creature — Spirit').pt(2, 3).keywords('flying')
    .triggered(whenEnters(), mill(3))
    .staticWhile(threshold(7), stPT(itself(), 2, 1)),

  // Flying, deathtouch
  // Whenever an opponent loses life, you gain that much life.
  card('Bloodthirsty Conqueror').cost('{3}{B}{B}').typeLine('Creature — Vampire Knight').pt(5, 5)
    .keywords('flying', 'deathtouch')
    .triggered(wheneverOpponentLosesLife(), gainLife(thatMuch)),

  // Menace
  // Threshold — Whenever this creature attacks, if there are seven or more cards in your graveyard, this
  // creature gets +2/+0 until end of turn.
  card('Crypt Feaster').cost('{3}{B}').typeLine('Creature — Zombie').pt(3, 4).keywords('menace')
    .triggered(wheneverAttacks().if(threshold(7)), pump(self, 2, 0)),

  // Flying
  // Whenever this creature attacks, you may sacrifice another creature. If you do, put a +1/+1 counter on this creature.
  // Whenever another nontoken creature dies, draw a card.
  card('High-Society Hunter').cost('{3}{B}{B}').typeLine('Creature — Vampire Noble').pt(5, 3).keywords('flying')
    .triggered(wheneverAttacks(), ifYouDo(you, sacrifice(anotherCreature), putCounters(1, '+1/+1', self)))
    .triggered(wheneverDies(is('creature').other().nontoken()), draw()),

  // {1}, Sacrifice another creature: Put a +1/+1 counter on this creature.
  card('Hungry Ghoul').cost('{1}{B}').typeLine('Creature — Zombie').pt(2, 2)
    .activated('{1}, Sacrifice another creature', putCounters(1, '+1/+1', self)),

  // Raid — At the beginning of your end step, if you attacked this turn, create a Food token.
  // {2}{B}, Sacrifice this enchantment: Target opponent loses X life, where X is the amount of life you gained this turn.
  card('Midnight Snack').cost('{2}{B}').typeLine('Enchantment')
    .triggered(atYourEndStep().if(raid), createToken(food))
    .activated('{2}{B}, Sacrifice this enchantment', loseLife(lifeGainedThisTurn, targetOpponent())),

  // This creature enters with eight revival counters on it if you cast it.
  // When this creature dies, if it had a revival counter on it, return it to the battlefield with one fewer
  // revival counter on it at the beginning of the next end step.
  card('Nine-Lives Familiar').cost('{1}{B}{B}').typeLine('Creature — Cat').pt(1, 1)
    .staticWhile(youCastIt, stEntersWithCounters(itself(), 8, 'revival'))
    .triggered(whenDies().if(hadCounter('revival')),
      delayed(atNextEndStep(), self, returnWithCounters(eventObject, countersOnSelf('revival', 1), 'revival'))),

  // Create a tapped 1/1 black Rat creature token for each creature card in your graveyard.
  // Flashback {2}{B}{B}
  card('Revenge of the Rats').cost('{2}{B}{B}').typeLine('Sorcery').flashback('{2}{B}{B}')
    .spell(createToken(rat, countInGraveyard(is('creature').inYourGraveyard()), you, { tapped: true })),

  // Choose one —
  // • Target opponent discards two cards.
  // • Creatures your opponents control get -1/-1 until end of turn.
  card("Seeker's Folly").cost('{2}{B}').typeLine('Sorcery')
    .modal(1, mode(discard(2, targetOpponent())), mode(pumpAll(is('creature').oppControls(), -1, -1))),

  // When this creature enters, exile up to two target cards from a single graveyard. If at least one creature card
  // was exiled this way, each opponent loses 2 life and you gain 2 life.
  card('Soul-Shackled Zombie').cost('{3}{B}').typeLine('Creature — Zombie').pt(4, 2)
    .triggered(whenEnters(),
      exile(upToFromOneGraveyard(2, is().inAGraveyard())),
      ifThen(exiledThisWay(is('creature').inExile()), loseLife(2, eachOpponent), gainLife(2))),

  // Target creature gets -2/-2 until end of turn.
  card('Stab').cost('{B}').typeLine('Instant').spell(pump(target(is('creature')), -2, -2)),

  // Morbid — When this creature enters, target creature an opponent controls gets -1/-1 until end of turn. If a
  // creature died this turn, that creature gets -13/-13 until end of turn instead.
  withTarget(target(is('creature').oppControls()), (t) =>
    card('Tragic Banshee').cost('{4}{B}').typeLine('Creature — Spirit').pt(5, 3)
      .triggered(whenEnters(), ifThen(not(morbid), pump(t, -1, -1)), ifThen(morbid, pump(t, -13, -13)))),

  // Whenever this creature attacks, you may sacrifice another creature. If you do, draw a card and this creature
  // can't be blocked this turn.
  card('Vampire Gourmand').cost('{1}{B}').typeLine('Creature — Vampire').pt(2, 2)
    .triggered(wheneverAttacks(), ifYouDo(you, sacrifice(anotherCreature), draw(), grant(self, "can't be blocked"))),

  // Flying
  // This creature can't block.
  // When this creature enters, return target creature card from your graveyard to your hand.
  card('Vampire Soulcaller').cost('{4}{B}').typeLine('Creature — Vampire Warlock').pt(3, 2).keywords('flying').cantBlock()
    .triggered(whenEnters(), returnToHand(target(is('creature').inYourGraveyard()))),

  // Until end of turn, target creature gets +2/+0 and gains "When this creature dies, return it to the battlefield
  // tapped under its owner's control and you create a Treasure token."
  withTarget(target(is('creature')), (t) =>
    card('Fake Your Own Death').cost('{1}{B}').typeLine('Instant')
      .spell(pump(t, 2, 0), grantTrigger(t, whenDies(), returnToBattlefield(self, { tapped: true, owners: true }), createToken(treasure)))),

  // Whenever a creature you control dies, draw a card.
  // +1: Create a 2/2 black Zombie creature token.
  // −4: Each player sacrifices two creatures of their choice.
  // −9: Each opponent chooses a permanent they control of each permanent type and sacrifices the rest.
  card('Liliana, Dreadhorde General').cost('{4}{B}{B}').typeLine('Legendary Planeswalker — Liliana').loyalty(6)
    .triggered(wheneverDies(is('creature').youControl()), draw())
    .loyaltyAbility(1, createToken(zombie))
    .loyaltyAbility(-4, eachSacrifices(2, is('creature'), eachPlayer))
    .loyaltyAbility(-9, keepOneOfEachType(eachOpponent)),

  // Return up to two target creature cards from your graveyard to your hand, then discard a card.
  card('Macabre Waltz').cost('{1}{B}').typeLine('Sorcery')
    .spell(returnToHand(upTo(2, is('creature').inYourGraveyard())), discard(1, you)),

  // Whenever an opponent casts a spell, that player loses 5 life unless they discard a card.
  card('Painful Quandary').cost('{3}{B}{B}').typeLine('Enchantment')
    .triggered(wheneverOpponentCasts(is().spell()), unless(thatPlayer, discardCards(1), loseLife(5, thatPlayer))),

  // Target opponent reveals their hand. You choose a nonland card from it. That player discards that card.
  card('Pilfer').cost('{1}{B}').typeLine('Sorcery').spell(chooseDiscard(targetOpponent(), is().non('land'))),

  // {1}{B}: Return this card from your graveyard to the battlefield tapped.
  card('Reassembling Skeleton').cost('{1}{B}').typeLine('Creature — Skeleton Warrior').pt(1, 1)
    .activatedFromGraveyard('{1}{B}', returnToBattlefield(self, { tapped: true })),

  // Put all creature cards from all graveyards onto the battlefield under your control.
  card('Rise of the Dark Realms').cost('{7}{B}{B}').typeLine('Sorcery')
    .spell(returnAllToBattlefield(is('creature').inAGraveyard(), { yours: true })),

  // Flying
  // When this creature enters, search your library for a card, put it into your hand, then shuffle.
  card('Rune-Scarred Demon').cost('{5}{B}{B}').typeLine('Creature — Demon').pt(6, 6).keywords('flying')
    .triggered(whenEnters(), search(is().inLibrary(), { to: 'hand' })),

  // At the beginning of your end step, if an opponent lost life this turn, put a +1/+1 counter on target Vampire you control.
  card('Stromkirk Bloodthief').cost('{2}{B}').typeLine('Creature — Vampire Rogue').pt(2, 2)
    .triggered(atYourEndStep().if(opponentLostLifeThisTurn), putCounters(1, '+1/+1', target(subtype('Vampire').youControl()))),

  // Flying
  // When this creature enters, if an opponent lost life this turn, each opponent discards a card.
  card('Bloodtithe Collector').cost('{4}{B}').typeLine('Creature — Vampire Noble').pt(3, 4).keywords('flying')
    .triggered(whenEnters().if(opponentLostLifeThisTurn), discard(1, eachOpponent)),

  // Return target creature card from your graveyard to your hand. If it's a Zombie card, draw a card.
  card('Cemetery Recruitment').cost('{1}{B}').typeLine('Sorcery')
    .spell(returnToHand(target(is('creature').inYourGraveyard())), ifThen(itIs(subtype('Zombie').inHand()), draw())),

  // Attacking Vampires you control have deathtouch and lifelink.
  // Whenever a Vampire you control dies, you may pay 2 life. If you do, draw a card.
  card('Crossway Troublemakers').cost('{5}{B}').typeLine('Creature — Vampire').pt(5, 5)
    .static(stKeywords(subtype('Vampire').youControl().attacking(), 'deathtouch', 'lifelink'))
    .triggered(wheneverDies(subtype('Vampire').youControl()), ifYouDo(you, payLife(2), draw())),

  // Flying
  // When this creature enters or dies, mill two cards.
  card('Crow of Dark Tidings').cost('{2}{B}').typeLine('Creature — Zombie Bird').pt(2, 1).keywords('flying')
    .triggered(whenEnters(), mill(2))
    .triggered(whenDies(), mill(2)),

  // Choose one —
  // • Destroy target creature or planeswalker.
  // • Return target Zombie creature card from your graveyard to the battlefield tapped.
  card('Deadly Plot').cost('{3}{B}').typeLine('Instant')
    .modal(1,
      mode(destroy(target(is('creature', 'planeswalker')))),
      mode(returnToBattlefield(target(is('creature').sub('Zombie').inYourGraveyard()), { tapped: true }))),

  // Skeletons you control and other Zombies you control get +1/+1 and have deathtouch.
  // (Death Baron is no Skeleton, so "other" can cover both subtypes.)
  card('Death Baron').cost('{1}{B}{B}').typeLine('Creature — Zombie Wizard').pt(2, 2)
    .static(stPT(skeletonsAndOtherZombies, 1, 1), stKeywords(skeletonsAndOtherZombies, 'deathtouch')),

  card('Highborn Vampire').cost('{3}{B}').typeLine('Creature — Vampire Warrior').pt(4, 3),

  // When this creature dies, create two 2/2 black Zombie creature tokens.
  card('Maalfeld Twins').cost('{5}{B}').typeLine('Creature — Zombie').pt(4, 4)
    .triggered(whenDies(), createToken(zombie, 2)),

  // Target creature gets -2/-2 until end of turn. You gain 2 life.
  card('Moment of Craving').cost('{1}{B}').typeLine('Instant').spell(pump(target(is('creature')), -2, -2), gainLife(2)),

  // Target creature gains deathtouch and indestructible until end of turn.
  card('Offer Immortality').cost('{1}{B}').typeLine('Instant')
    .spell(grant(target(is('creature')), 'deathtouch', 'indestructible')),

  // When this creature enters, it deals 1 damage to any target.
  card('Skeleton Archer').cost('{3}{B}').typeLine('Creature — Skeleton Archer').pt(3, 3)
    .triggered(whenEnters(), damage(1, target(anyTarget()))),

  // {4}{B}{B}, Exile this card from your graveyard: Create two 2/2 black Zombie creature tokens. Activate only as a sorcery.
  card('Suspicious Shambler').cost('{3}{B}').typeLine('Creature — Zombie').pt(4, 2)
    .activatedFromGraveyardAsSorcery('{4}{B}{B}, Exile this card from your graveyard', createToken(zombie, 2)),

  // Until end of turn, target creature gains "When this creature dies, return it to the battlefield tapped under
  // its owner's control with a +1/+1 counter on it."
  card('Undying Malice').cost('{B}').typeLine('Instant')
    .spell(grantTrigger(target(is('creature')), whenDies(), returnWithCounters(self, 1, '+1/+1', { tapped: true, owners: true }))),

  // Enchant creature
  // Enchanted creature gets +2/+1 and has menace.
  card('Untamed Hunger').cost('{2}{B}').typeLine('Enchantment — Aura')
    .enchant(is('creature'))
    .static(stPT(attachedCreature(), 2, 1), stKeywords(attachedCreature(), 'menace')),

  // Flying
  // This creature can't block.
  card('Vampire Interloper').cost('{1}{B}').typeLine('Creature — Vampire Scout').pt(2, 1).keywords('flying').cantBlock(),

  // {2}, {T}: Each opponent loses 1 life and you gain 1 life.
  card('Vampire Neonate').cost('{B}').typeLine('Creature — Vampire').pt(0, 3)
    .activated('{2}, {T}', loseLife(1, eachOpponent), gainLife(1)),

  // When this creature enters, each opponent loses 2 life and you gain 2 life.
  card('Vampire Spawn').cost('{2}{B}').typeLine('Creature — Vampire').pt(2, 3)
    .triggered(whenEnters(), loseLife(2, eachOpponent), gainLife(2)),

  // You may pay {B} rather than pay this spell's mana cost if there are thirteen or more creatures on the battlefield.
  // Each player sacrifices thirteen creatures of their choice.
  card('Blasphemous Edict').cost('{3}{B}{B}').typeLine('Sorcery')
    .staticWhile(creaturesOnBattlefield(13), stAltCost('{B}'))
    .spell(eachSacrifices(13, is('creature'), eachPlayer)),

  // Deathtouch
  // Raid — When this creature enters, if you attacked this turn, look at the top three cards of your library. You
  // may put one of those cards back on top of your library. Put the rest into your graveyard.
  card('Gutless Plunderer').cost('{2}{B}').typeLine('Creature — Skeleton Pirate').pt(2, 2).keywords('deathtouch')
    .triggered(whenEnters().if(raid), lookKeepOneOnTop(3)),

  // As an additional cost to cast this spell, sacrifice a creature or pay {3}{B}.
  // Exile target creature or planeswalker.
  card('Eaten Alive').cost('{B}').typeLine('Sorcery')
    .additionalCostOrMana(sacrifice(is('creature').youControl()), '{3}{B}')
    .spell(exile(target(is('creature', 'planeswalker')))),

  // Ward—Pay 2 life.
  // {T}: You may cast target Zombie creature card from your graveyard this turn.
  withTarget(target(is('creature').sub('Zombie').inYourGraveyard()), (t) =>
    card('Zul Ashur, Lich Lord').cost('{1}{B}').typeLine('Legendary Creature — Zombie Warlock').pt(2, 2).wardLife(2)
      .activated('{T}', mayPlay(t, { castOnly: true }))),

  // Whenever an opponent discards a card, exile it from their graveyard with a stash counter on it.
  // During your turn, you may play cards you don't own with stash counters on them from exile, and mana of any type
  // can be spent to cast those spells.
  // {3}{B}, {T}: Each opponent discards a card. Activate only as a sorcery.
  card('Tinybones, Bauble Burglar').cost('{1}{B}').typeLine('Legendary Creature — Skeleton Rogue').pt(1, 3)
    .triggered(wheneverOpponentDiscards(), exileWithCounter(eventObject, 'stash'))
    .static(stPlayStashed())
    .activatedAsSorcery('{3}{B}, {T}', discard(1, eachOpponent)),

  zombie,
  rat,
];
