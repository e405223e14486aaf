// Multicolored cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  addMana, atBeginningOfCombat, atNextEndStep, atYourEndStep, card, delayed, discardOrSacrifice, copySpell, createToken, doubleEachKindOfCounter, draw, eachOpponent,
  eventObject, exile, gainLife, grant, grantAll, is, it, itself, landfall, lifeAboveStart, loot, loseLife, mode, morbid, powerOf,
  pump, pumpAll, putCounters, raid, returnToBattlefield, self, stKeywords, stNoMaxHandSize, stPT, target, thatMuch,
  threshold, unless, upTo, whenDies, whenEntersOrAttacks, wheneverAttacks, wheneverDealsCombatDamageToPlayer, wheneverEnters,
  wheneverSourceDealsNoncombatDamageToOpponent, wheneverYouCast, wheneverYouGainLife, withTarget, you, youControl,
  cardsInGraveyardOf, revealUntilIntoGraveyard, stCdaPT, stPlayFromGraveyardByType,
} from '../dsl.ts';
import { elfWarrior, soldier } from './tokens.ts';

// 3/3 blue Serpent creature token named Koma's Coil
export const komasCoil = card("Koma's Coil").typeLine('Token Creature — Serpent').color('U').pt(3, 3);

// 1/1 white Spirit creature token with flying
export const spirit = card('Spirit').typeLine('Token Creature — Spirit').color('W').pt(1, 1).keywords('flying');

export const multicolor = [
  // During each of your turns, you may play a land and cast a permanent spell of each permanent type from your
  // graveyard. (If a card has multiple permanent types, choose one as you play it.)
  // (The engine chooses the type of a card with several: the one fewest other permanent cards in your graveyard
  // have, so that the most options stay open.)
  card('Muldrotha, the Gravetide').cost('{3}{B}{G}{U}').typeLine('Legendary Creature — Elemental Avatar').pt(6, 6)
    .static(stPlayFromGraveyardByType()),

  // Consuming Aberration's power and toughness are each equal to the number of cards in your opponents' graveyards.
  // Whenever you cast a spell, each opponent reveals cards from the top of their library until they reveal a land
  // card, then puts those cards into their graveyard.
  card('Consuming Aberration').cost('{3}{U}{B}').typeLine('Creature — Horror').pt(S.PT_STAR, S.PT_STAR)
    .static(stCdaPT(cardsInGraveyardOf(eachOpponent), cardsInGraveyardOf(eachOpponent)))
    .triggered(wheneverYouCast(is().spell()), revealUntilIntoGraveyard(eachOpponent, is('land').inLibrary())),

  // Creatures you control get +1/+1.
  card('Anthem of Champions').cost('{G}{W}').typeLine('Enchantment').static(stPT(is('creature').youControl(), 1, 1)),

  // Double strike
  // Vigilance
  // Trample
  card('Swiftblade Vindicator').cost('{R}{W}').typeLine('Creature — Human Soldier').pt(1, 1)
    .keywords('double strike', 'vigilance', 'trample'),

  // First strike
  // Whenever Alesha attacks, put a +1/+1 counter on it.
  // Raid — At the beginning of your end step, if you attacked this turn, return target creature card with mana
  // value less than or equal to Alesha's power from your graveyard to the battlefield.
  card('Alesha, Who Laughs at Fate').cost('{1}{B}{R}').typeLine('Legendary Creature — Human Warrior').pt(2, 2)
    .keywords('first strike')
    .triggered(wheneverAttacks(), putCounters(1, '+1/+1', self))
    .triggered(atYourEndStep().if(raid),
      returnToBattlefield(target(is('creature').inYourGraveyard().mvAtMostSourcePower()))),

  // Trample
  // Whenever this creature attacks, another target creature you control gains trample and gets +X/+X until end
  // of turn, where X is this creature's power.
  withTarget(target(is('creature').other().youControl()), (t) =>
    card('Ashroot Animist').cost('{2}{R}{G}').typeLine('Creature — Lizard Druid').pt(4, 4).keywords('trample')
      .triggered(wheneverAttacks(), grant(t, 'trample'), pump(t, powerOf(self), powerOf(self)))),

  // Flying
  // Whenever this creature enters or attacks, draw a card, then discard a card.
  // Threshold — This creature gets +1/+1 and has deathtouch as long as there are seven or more cards in your graveyard.
  card('Dreadwing Scavenger').cost('{1}{U}{B}').typeLine('Creature — Nightmare Bird').pt(2, 2).keywords('flying')
    .triggered(whenEntersOrAttacks(), loot())
    .staticWhile(threshold(7), stPT(itself(), 1, 1), stKeywords(itself(), 'deathtouch')),

  // Lifelink, hexproof from instants
  // As long as your life total is greater than your starting life total, Elenda gets +1/+1 and has menace. Elenda
  // gets an additional +5/+5 as long as your life total is at least 10 greater than your starting life total.
  card('Elenda, Saint of Dusk').cost('{2}{W}{B}').typeLine('Legendary Creature — Vampire Knight').pt(4, 4)
    .keywords('lifelink', 'hexproof from instants')
    .staticWhile(lifeAboveStart(1), stPT(itself(), 1, 1), stKeywords(itself(), 'menace'))
    .staticWhile(lifeAboveStart(10), stPT(itself(), 5, 5)),

  // Whenever you gain life, put a +1/+1 counter on this creature.
  // When this creature dies, return another target non-Bear creature card with mana value less than or equal to
  // this creature's power from your graveyard to the battlefield.
  card('Fiendish Panda').cost('{2}{W}{B}').typeLine('Creature — Bear Demon').pt(3, 2)
    .triggered(wheneverYouGainLife(), putCounters(1, '+1/+1', self))
    .triggered(whenDies(),
      returnToBattlefield(target(is('creature').other().notSub('Bear').inYourGraveyard().mvAtMostSourcePower()))),

  // This spell can't be countered.
  // Trample, ward {4}
  // Whenever Koma deals combat damage to a player, create four 3/3 blue Serpent creature tokens named Koma's Coil.
  card('Koma, World-Eater').cost('{3}{G}{G}{U}{U}').typeLine('Legendary Creature — Serpent').pt(8, 12)
    .cantBeCountered().keywords('trample').ward(4)
    .triggered(wheneverDealsCombatDamageToPlayer(), createToken(komasCoil, 4)),

  // Flying
  // Whenever you cast a noncreature spell, choose one —
  // • Exile another target creature you control. Return that card to the battlefield under its owner's control at
  //   the beginning of the next end step.
  // • Create a 1/1 white Spirit creature token with flying.
  card('Kykar, Zephyr Awakener').cost('{2}{W}{U}').typeLine('Legendary Creature — Bird Wizard').pt(3, 4).keywords('flying')
    .triggeredModal(wheneverYouCast(is().non('creature').spell()), 1,
      mode(exile(target(is('creature').other().youControl())),
        delayed(atNextEndStep(), it, returnToBattlefield(eventObject, { owners: true }))),
      mode(createToken(spirit))),

  // Deathtouch
  // Raid — At the beginning of your end step, if you attacked this turn, each opponent loses 3 life unless that
  // player sacrifices a nonland permanent of their choice or discards a card.
  card('Perforating Artist').cost('{1}{B}{R}').typeLine('Creature — Devil').pt(3, 2).keywords('deathtouch')
    .triggered(atYourEndStep().if(raid), unless(eachOpponent, discardOrSacrifice(is().non('land')), loseLife(3, eachOpponent))),

  // Flying
  // You have no maximum hand size.
  // Whenever a source you control deals noncombat damage to an opponent, you draw that many cards.
  card('Niv-Mizzet, Visionary').cost('{4}{U}{R}').typeLine('Legendary Creature — Dragon Wizard').pt(5, 5).keywords('flying')
    .static(stNoMaxHandSize())
    .triggered(wheneverSourceDealsNoncombatDamageToOpponent(), draw(thatMuch)),

  // Morbid — At the beginning of your end step, if a creature died this turn, choose one —
  // • You gain 2 life.
  // • You draw a card and you lose 1 life.
  card('Wardens of the Cycle').cost('{1}{B}{G}{G}').typeLine('Creature — Elf Warlock').pt(3, 4)
    .triggeredModal(atYourEndStep().if(morbid), 1, mode(gainLife(2)), mode(draw(), loseLife(1, you))),

  // At the beginning of combat on your turn, put a +1/+1 counter on each of up to two target creatures you control.
  // {G}{U}, {T}: Double the number of each kind of counter on up to two target creatures and/or artifacts you control.
  card('Zimone, Paradox Sculptor').cost('{2}{G}{U}').typeLine('Legendary Creature — Human Wizard').pt(1, 4)
    .triggered(atBeginningOfCombat(), putCounters(1, '+1/+1', upTo(2, is('creature').youControl())))
    .activated('{G}{U}, {T}', doubleEachKindOfCounter(upTo(2, is('creature', 'artifact').youControl()))),

  // Flying
  // Whenever you cast an instant or sorcery spell, creatures you control get +1/+0 and gain trample until end of turn.
  card('Balmor, Battlemage Captain').cost('{U}{R}').typeLine('Legendary Creature — Bird Wizard').pt(1, 3).keywords('flying')
    .triggered(wheneverYouCast(is('instant', 'sorcery').spell()),
      pumpAll(is('creature').youControl(), 1, 0), grantAll(is('creature').youControl(), 'trample')),

  // Flying
  // Other creatures you control with flying get +1/+1.
  card('Empyrean Eagle').cost('{1}{W}{U}').typeLine('Creature — Bird Spirit').pt(2, 3).keywords('flying')
    .static(stPT(is('creature').other().youControl().having('flying'), 1, 1)),

  // Whenever another creature you control enters, put a +1/+1 counter on that creature.
  card('Good-Fortune Unicorn').cost('{1}{G}{W}').typeLine('Creature — Unicorn').pt(2, 2)
    .triggered(wheneverEnters(is('creature').other().youControl()), putCounters(1, '+1/+1', eventObject)),

  // Create two 1/1 white Soldier creature tokens. Until end of turn, creatures you control get +1/+1 and gain haste.
  card('Heroic Reinforcements').cost('{2}{R}{W}').typeLine('Sorcery')
    .spell(createToken(soldier, 2), pumpAll(is('creature').youControl(), 1, 1), grantAll(is('creature').youControl(), 'haste')),

  // Menace
  // Whenever Lathril deals combat damage to a player, create that many 1/1 green Elf Warrior creature tokens.
  // {T}, Tap ten untapped Elves you control: Each opponent loses 10 life and you gain 10 life.
  card('Lathril, Blade of the Elves').cost('{2}{B}{G}').typeLine('Legendary Creature — Elf Noble').pt(2, 3).keywords('menace')
    .triggered(wheneverDealsCombatDamageToPlayer(), createToken(elfWarrior, thatMuch))
    .activated('{T}, Tap ten untapped Elves you control', loseLife(10, eachOpponent), gainLife(10)),

  // Protection from everything
  // If Progenitus would be put into a graveyard from anywhere, reveal Progenitus and shuffle it into its owner's
  // library instead.
  card('Progenitus').cost('{W}{W}{U}{U}{B}{B}{R}{R}{G}{G}').typeLine('Legendary Creature — Hydra Avatar').pt(10, 10)
    .keywords('protection from everything')
    .replacement(S.RP_SHUFFLE_INSTEAD_OF_GRAVEYARD),

  // Haste
  // Whenever Ruby attacks while you control a creature with power 4 or greater, Ruby gets +2/+2 until end of turn.
  // {T}: Add {R} or {G}.
  card('Ruby, Daring Tracker').cost('{R}{G}').typeLine('Legendary Creature — Human Scout').pt(1, 2).keywords('haste')
    .triggered(wheneverAttacks().when(youControl(is('creature').powerAtLeast(4))), pump(self, 2, 2))
    .manaAbility('{T}', addMana('RG')),

  // Landfall — Whenever a land you control enters, you gain 1 life and draw a card.
  card('Tatyova, Benthic Druid').cost('{3}{G}{U}').typeLine('Legendary Creature — Merfolk Druid').pt(3, 3)
    .triggered(landfall(), gainLife(1), draw()),

  // Whenever you cast an instant or sorcery spell, copy it for each other instant and sorcery spell you've cast
  // before it this turn. You may choose new targets for the copies.
  card('Thousand-Year Storm').cost('{4}{U}{R}').typeLine('Enchantment')
    .triggered(wheneverYouCast(is('instant', 'sorcery').spell()), copySpell(eventObject, thatMuch)),

  komasCoil,
  spirit,
];
