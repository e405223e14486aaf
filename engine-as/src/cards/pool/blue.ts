// Blue cards of Foundations. Each definition is preceded by its printed rules text.
import {
  attached, attachedCreature, attachedPermanent, atYourUpkeep, bounce, bounceAll, card, controllerOf,
  copyToken, count, emblem, getEmblem, counterSpell, createToken, differentManaValues, draw, endTheTurn, grant, grantFlashback,
  ifThen, ifYouControl, is, itself, landfall, loot, may, mill, not, ownerPutsOnTopOrBottom, piles, pump,
  putCounters, raid, reflexive, returnChosenCard, scry, search, self, stCastAsFlash, stCastFreeFromHand,
  stCostReduce, stKeywords, stLoseAllAbilities, stPT, stSetBasePT, stSetName, stSetTypes, stTapForC, subtype, surveil,
  tap, target, targetsControlledByDifferentPlayers, thatMuch, threshold, upTo, wasKicked, whenEnters,
  wheneverACreatureYouControlDealsCombatDamageToAPlayer, wheneverAPlayerCasts, wheneverAttacks, wheneverDealsCombatDamageToPlayer,
  wheneverYouCast, wheneverYouDraw, wheneverYouDrawYourSecondCard, whenYouDo, withTarget, yourTurn,
} from '../dsl.ts';
import { treasure } from './tokens.ts';

// 1/1 blue Faerie creature token with flying
export const faerie = card('Faerie').typeLine('Token Creature — Faerie').color('U').pt(1, 1).keywords('flying');

// 2/1 blue Ninja creature token
export const ninja = card('Ninja').typeLine('Token Creature — Ninja').color('U').pt(2, 1);

// Kaito, Cunning Infiltrator's emblem: "Whenever a player casts a spell, you create a 2/1 blue Ninja creature token."
export const kaitoEmblem = emblem('Kaito, Cunning Infiltrator')
  .triggered(wheneverAPlayerCasts(is().spell()), createToken(ninja));

// 2/2 blue Drake creature token with flying
export const drake = card('Drake').typeLine('Token Creature — Drake').color('U').pt(2, 2).keywords('flying');

// Scion of the Deep, a legendary 8/8 blue Octopus creature token
export const scionOfTheDeep = card('Scion of the Deep').typeLine('Legendary Token Creature — Octopus').color('U').pt(8, 8);

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

  // Flash
  // Prowess
  card('Elementalist Adept').cost('{1}{U}').typeLine('Creature — Human Wizard').pt(2, 1).keywords('flash', 'prowess'),

  // Counter target spell.
  card('Cancel').cost('{1}{U}{U}').typeLine('Instant').spell(counterSpell(target(is().spell()))),

  // Draw two cards.
  card('Quick Study').cost('{2}{U}').typeLine('Instant').spell(draw(2)),

  // When this creature enters, return target creature an opponent controls to its owner's hand.
  card('Exclusion Mage').cost('{2}{U}').typeLine('Creature — Human Wizard').pt(2, 2)
    .triggered(whenEnters(), bounce(target(is('creature').oppControls()))),

  // Flash
  // When this creature enters, target creature an opponent controls gets -1/-0 until end of turn.
  card('Burrog Befuddler').cost('{1}{U}').typeLine('Creature — Frog Wizard').pt(2, 1).keywords('flash')
    .triggered(whenEnters(), pump(target(is('creature').oppControls()), -1, 0)),

  // {3}{U}{U}: Draw two cards.
  card('Mystic Archaeologist').cost('{1}{U}').typeLine('Creature — Human Wizard').pt(2, 1)
    .activated('{3}{U}{U}', draw(2)),

  // Raid — When this creature enters, if you attacked this turn, draw a card.
  card('Storm Fleet Spy').cost('{2}{U}').typeLine('Creature — Human Pirate').pt(2, 2)
    .triggered(whenEnters().if(raid), draw()),

  // Flying
  // Raid — When this creature enters, if you attacked this turn, draw a card.
  card('Skyship Buccaneer').cost('{3}{U}{U}').typeLine('Creature — Human Pirate').pt(4, 3).keywords('flying')
    .triggered(whenEnters().if(raid), draw()),

  // When this creature enters, create a Treasure token.
  // Other Pirates you control get +1/+1.
  card('Corsair Captain').cost('{2}{U}').typeLine('Creature — Human Pirate').pt(2, 2)
    .triggered(whenEnters(), createToken(treasure))
    .static(stPT(subtype('Pirate').other().youControl(), 1, 1)),

  // Instant and sorcery spells you cast cost {1} less to cast.
  // Whenever you cast an instant or sorcery spell, draw a card.
  card('Archmage of Runes').cost('{3}{U}{U}').typeLine('Creature — Giant Wizard').pt(3, 6)
    .static(stCostReduce(is('instant', 'sorcery').spell(), 1))
    .triggered(wheneverYouCast(is('instant', 'sorcery').spell()), draw()),

  // Kicker {1}{U}
  // Return target nonland permanent to its owner's hand. If this spell was kicked, draw a card.
  card('Into the Roil').cost('{1}{U}').typeLine('Instant').kicker('{1}{U}')
    .spell(bounce(target(is('permanent').non('land'))), ifThen(wasKicked, draw())),

  // Counter target noncreature spell. Its controller creates two Treasure tokens.
  withTarget(target(is().non('creature').spell()), (t) =>
    card("An Offer You Can't Refuse").cost('{U}').typeLine('Instant')
      .spell(counterSpell(t), createToken(treasure, 2, controllerOf(t)))),

  // Scry 1.
  // Draw a card.
  card('Opt').cost('{U}').typeLine('Instant').spell(scry(1), draw()),

  // Prowess
  // When this creature enters, surveil 2.
  card('Lightshell Duo').cost('{3}{U}').typeLine('Creature — Rat Otter').pt(3, 4).keywords('prowess')
    .triggered(whenEnters(), surveil(2)),

  // Defender
  // {T}: Surveil 1.
  card('Rune-Sealed Wall').cost('{2}{U}').typeLine('Artifact Creature — Wall').pt(0, 6).keywords('defender')
    .activated('{T}', surveil(1)),

  // Flying
  // Whenever you draw a card, put a +1/+1 counter on this creature.
  card('Clinquant Skymage').cost('{3}{U}').typeLine('Creature — Bird Wizard').pt(1, 1).keywords('flying')
    .triggered(wheneverYouDraw(), putCounters(1, '+1/+1', self)),

  // This spell costs {1} less to cast for each instant and sorcery card in your graveyard.
  // Ward {2}
  card('Tolarian Terror').cost('{6}{U}').typeLine('Creature — Serpent').pt(5, 5).ward(2)
    .costsLess(count(is('instant', 'sorcery').inYourGraveyard())),

  // When Kiora enters, draw two cards, then discard two cards.
  // Threshold — Whenever Kiora attacks, if there are seven or more cards in your graveyard, you may create
  // Scion of the Deep, a legendary 8/8 blue Octopus creature token.
  card('Kiora, the Rising Tide').cost('{2}{U}').typeLine('Legendary Creature — Merfolk Noble').pt(3, 2)
    .triggered(whenEnters(), loot(2, 2))
    .triggered(wheneverAttacks().if(threshold(7)), may(createToken(scionOfTheDeep))),

  // Whenever you draw your second card each turn, put a +1/+1 counter on this creature.
  card('Erudite Wizard').cost('{2}{U}').typeLine('Creature — Human Wizard').pt(2, 3)
    .triggered(wheneverYouDrawYourSecondCard(), putCounters(1, '+1/+1', self)),

  // Flying
  // Whenever you draw your second card each turn, create a 1/1 blue Faerie creature token with flying.
  card('Mischievous Mystic').cost('{1}{U}').typeLine('Creature — Human Wizard').pt(2, 1).keywords('flying')
    .triggered(wheneverYouDrawYourSecondCard(), createToken(faerie)),

  // Whenever you draw your second card each turn, create a token that's a copy of this creature.
  card('Homunculus Horde').cost('{3}{U}').typeLine('Creature — Homunculus').pt(2, 2)
    .triggered(wheneverYouDrawYourSecondCard(), copyToken(self)),

  // Create a token that's a copy of target creature you control.
  // Flashback {3}{U}
  card('Self-Reflection').cost('{4}{U}{U}').typeLine('Sorcery').flashback('{3}{U}')
    .spell(copyToken(target(is('creature').youControl()))),

  // At the beginning of your upkeep, create a token that's a copy of another target nonland permanent you control.
  card('Extravagant Replication').cost('{4}{U}{U}').typeLine('Enchantment')
    .triggered(atYourUpkeep(), copyToken(target(is('permanent').non('land').other().youControl()))),

  // Flash
  // Flying
  // You may cast spells as though they had flash.
  card('High Fae Trickster').cost('{3}{U}').typeLine('Creature — Faerie Wizard').pt(4, 2).keywords('flash', 'flying')
    .static(stCastAsFlash()),

  // You may cast spells from your hand without paying their mana costs.
  card('Omniscience').cost('{7}{U}{U}{U}').typeLine('Enchantment').static(stCastFreeFromHand()),

  // End the turn.
  card('Time Stop').cost('{4}{U}{U}').typeLine('Instant').spell(endTheTurn()),

  // Enchant creature
  // Enchanted creature loses all abilities and is a green and white Citizen creature with base power and
  // toughness 1/1 named Legitimate Businessperson.
  card('Witness Protection').cost('{U}').typeLine('Enchantment — Aura')
    .enchant(is('creature'))
    .static(stLoseAllAbilities(attachedCreature()), stSetTypes(attachedCreature(), 'Creature — Citizen', 'GW'),
      stSetBasePT(attachedCreature(), 1, 1), stSetName(attachedCreature(), 'Legitimate Businessperson')),

  // Flash
  // Enchant creature
  // Enchanted creature loses all abilities and is a black Skeleton creature with base power and toughness 1/1.
  card('Eaten by Piranhas').cost('{1}{U}').typeLine('Enchantment — Aura').keywords('flash')
    .enchant(is('creature'))
    .static(stLoseAllAbilities(attachedCreature()), stSetTypes(attachedCreature(), 'Creature — Skeleton', 'B'),
      stSetBasePT(attachedCreature(), 1, 1)),

  // Enchant creature, land, or planeswalker
  // Enchanted permanent is a colorless land with "{T}: Add {C}" and loses all other card types and abilities.
  card('Imprisoned in the Moon').cost('{2}{U}').typeLine('Enchantment — Aura')
    .enchant(is('creature', 'land', 'planeswalker'))
    .static(stSetTypes(attachedPermanent(), 'Land', ''), stTapForC(attachedPermanent()),
      stLoseAllAbilities(attachedPermanent())),

  // Enchant creature
  // When this Aura enters, tap enchanted creature.
  // Enchanted creature doesn't untap during its controller's untap step.
  card('Starlight Snare').cost('{2}{U}').typeLine('Enchantment — Aura')
    .enchant(is('creature'))
    .triggered(whenEnters(), tap(attached))
    .static(stKeywords(attachedCreature(), "doesn't untap")),

  // Return all attacking creatures to their owner's hand.
  card('Aetherize').cost('{3}{U}').typeLine('Instant').spell(bounceAll(is('creature').attacking())),

  // This creature has flying as long as it's attacking.
  card('Kitesail Corsair').cost('{1}{U}').typeLine('Creature — Human Pirate').pt(2, 1)
    .static(stKeywords(itself().attacking(), 'flying')),

  // When this creature enters, surveil 3.
  // Threshold — This creature can't be blocked as long as there are seven or more cards in your graveyard.
  card('Cephalid Inkmage').cost('{2}{U}').typeLine('Creature — Octopus Wizard').pt(2, 2)
    .triggered(whenEnters(), surveil(3))
    .staticWhile(threshold(7), stKeywords(itself(), "can't be blocked")),

  // Flash
  // Whenever you cast a spell during an opponent's turn, put a +1/+1 counter on this creature.
  card('Brineborn Cutthroat').cost('{1}{U}').typeLine('Creature — Merfolk Pirate').pt(2, 1).keywords('flash')
    .triggered(wheneverYouCast(is().spell()).if(not(yourTurn)), putCounters(1, '+1/+1', self)),

  // This spell costs {1} less to cast if you control a Wizard.
  // Draw three cards.
  card('Arcane Epiphany').cost('{3}{U}{U}').typeLine('Instant').costsLess(ifYouControl(subtype('Wizard').youControl()))
    .spell(draw(3)),

  // Draw a card for each different mana value among nonland permanents you control.
  card('Lunar Insight').cost('{2}{U}').typeLine('Sorcery')
    .spell(draw(differentManaValues(is('permanent').non('land').youControl()))),

  // When this creature enters, you may search your library for an instant or sorcery card with mana value 1,
  // reveal it, put it into your hand, then shuffle.
  card('Micromancer').cost('{3}{U}').typeLine('Creature — Human Wizard').pt(3, 3)
    .triggered(whenEnters(), may(search(is('instant', 'sorcery').inLibrary().manaValue(1), { to: 'hand' }))),

  // Whenever a creature you control deals combat damage to a player, put a loyalty counter on Kaito.
  // +1: Up to one target creature you control can't be blocked this turn. Draw a card, then discard a card.
  // −2: Create a 2/1 blue Ninja creature token.
  // −9: You get an emblem with "Whenever a player casts a spell, you create a 2/1 blue Ninja creature token."
  card('Kaito, Cunning Infiltrator').cost('{1}{U}{U}').typeLine('Legendary Planeswalker — Kaito').loyalty(3)
    .triggered(wheneverACreatureYouControlDealsCombatDamageToAPlayer(), putCounters(1, 'loyalty', self))
    .loyaltyAbility(+1, grant(upTo(1, is('creature').youControl()), "can't be blocked"), loot())
    .loyaltyAbility(-2, createToken(ninja))
    .loyaltyAbility(-9, getEmblem(kaitoEmblem)),

  // Choose two target creatures controlled by different players. Return those creatures to their owners' hands.
  card('Run Away Together').cost('{1}{U}').typeLine('Instant')
    .spell(bounce(targetsControlledByDifferentPlayers(2, is('creature')))),

  // Target creature's owner puts it on their choice of the top or bottom of their library.
  // Surveil 1.
  card('Uncharted Voyage').cost('{3}{U}').typeLine('Instant')
    .spell(ownerPutsOnTopOrBottom(target(is('creature'))), surveil(1)),

  // Mill three cards, then return an instant or sorcery card from your graveyard to your hand.
  // Flashback {5}{U}{U}
  card('Inspiration from Beyond').cost('{2}{U}').typeLine('Sorcery').flashback('{5}{U}{U}')
    .spell(mill(3), returnChosenCard(is('instant', 'sorcery').inYourGraveyard())),

  // Create two 1/1 blue Faerie creature tokens with flying. When you do, tap target creature an opponent controls.
  card('Faebloom Trick').cost('{2}{U}').typeLine('Instant')
    .spell(createToken(faerie, 2), reflexive())
    .triggered(whenYouDo(), tap(target(is('creature').oppControls()))),

  // Flash
  // Flying
  // Whenever this creature attacks, target instant or sorcery card in your graveyard gains flashback until end of
  // turn. The flashback cost is equal to that card's mana cost.
  card('Sphinx of Forgotten Lore').cost('{2}{U}{U}').typeLine('Creature — Sphinx').pt(3, 3).keywords('flash', 'flying')
    .triggered(wheneverAttacks(), grantFlashback(target(is('instant', 'sorcery').inYourGraveyard()))),

  // This spell can't be countered.
  // Flying
  // When this creature enters, look at the top five cards of your library and separate them into a face-down pile
  // and a face-up pile. An opponent chooses one of those piles. Put that pile into your hand and the other into
  // your graveyard.
  card('Curator of Destinies').cost('{4}{U}{U}').typeLine('Creature — Sphinx').pt(5, 5).cantBeCountered().keywords('flying')
    .triggered(whenEnters(), piles(5)),

  // Vigilance, prowess
  // Whenever this creature deals combat damage to a player, put that many incubation counters on it.
  // Remove three incubation counters from this creature: Create a 2/2 blue Drake creature token with flying.
  card('Drake Hatcher').cost('{1}{U}').typeLine('Creature — Human Wizard').pt(1, 3).keywords('vigilance', 'prowess')
    .triggered(wheneverDealsCombatDamageToPlayer(), putCounters(thatMuch, 'incubation', self))
    .activated('Remove three incubation counters from this creature', createToken(drake)),

  faerie, ninja, drake, scionOfTheDeep, kaitoEmblem,
];
