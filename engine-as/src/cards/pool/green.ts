// Green cards of Foundations. Each definition is preceded by its printed rules text.
import * as S from '../../../assembly/ir/spec.ts';
import {
  addMana, atBeginningOfCombat, attachedCreature, attachedLand, atYourEndStep, basicLandCard, becomes, bite, card, count,
  createToken, destroy, distributeCounters, doubleCounters, draw, emblem, thatMuch, eventObject, exile, fight,
  gainLife, getEmblem, grant, grantAll, ifKicked, ifThen, is, itWas, landfall, lookAtTop, may, mode, morbid, oneTo,
  pump, pumpAll, putCounters, returnToHand, revealPut, revealUntil, search, self, stExtraLands, stGrantMana,
  stKeywords, stPT, subtype, surveil, target, totalPower, upTo, whenDies, whenEnters, wheneverAttacks,
  wheneverDealsCombatDamage, wheneverDealsCombatDamageToPlayer, wheneverDies, wheneverEnters,
  wheneverP1P1CountersPutOn, withTarget, X, youControl, yourTurn,
  stCastFromGraveyardRemovingCounters,
} from '../dsl.ts';
import { elfWarrior, food } from './tokens.ts';

// 3/3 green Raccoon creature token (Sylvan Scavenging)
export const raccoon = card('Raccoon').typeLine('Token Creature — Raccoon').color('G').pt(3, 3);

const creaturesYouControl = is('creature').youControl();
/** "artifact, enchantment, or creature with flying" */
const artifactEnchantmentOrFlier = is('artifact', 'enchantment', 'creature').having('flying', 'creature');

// Vivien Reid's emblem: Creatures you control get +2/+2 and have vigilance, trample, and indestructible.
export const vivienEmblem = emblem('Vivien Reid')
  .static(stPT(creaturesYouControl, 2, 2), stKeywords(creaturesYouControl, 'vigilance', 'trample', 'indestructible'));

export const green = [
  // {T}: Add {G}.
  card('Llanowar Elves').cost('{G}').typeLine('Creature — Elf Druid').pt(1, 1).manaAbility('{T}', addMana('G')),

  // Other Elf creatures you control get +1/+1.
  // {T}: Add {G} for each Elf you control.
  card('Elvish Archdruid').cost('{1}{G}{G}').typeLine('Creature — Elf Druid').pt(2, 2)
    .static(stPT(is('creature').sub('Elf').other().youControl(), 1, 1))
    .manaAbility('{T}', addMana('G', count(subtype('Elf').youControl()))),

  // Target creature gets +3/+3 until end of turn.
  card('Giant Growth').cost('{G}').typeLine('Instant').spell(pump(target(is('creature')), 3, 3)),

  // Creatures you control get +3/+3 and gain trample until end of turn.
  card('Overrun').cost('{2}{G}{G}{G}').typeLine('Sorcery')
    .spell(pumpAll(is('creature').youControl(), 3, 3), grantAll(is('creature').youControl(), 'trample')),

  // Trample
  // This creature enters with a +1/+1 counter on it.
  // Landfall — Whenever a land you control enters, double the number of +1/+1 counters on this creature.
  card('Mossborn Hydra').cost('{2}{G}').typeLine('Creature — Elemental Hydra').pt(0, 0).keywords('trample')
    .entersWithCounters(1)
    .triggered(landfall(), doubleCounters('+1/+1', self)),

  // If an effect would create one or more tokens under your control, it creates twice that many of those tokens instead.
  // If an effect would put one or more counters on a permanent you control, it puts twice that many of those
  // counters on that permanent instead.
  card('Doubling Season').cost('{4}{G}').typeLine('Enchantment')
    .replacement(S.RP_DOUBLE_TOKENS)
    .replacement(S.RP_DOUBLE_COUNTERS),

  // Choose one —
  // • Search your library for a basic land card, reveal it, put it into your hand, then shuffle.
  // • Target creature you control fights target creature you don't control.
  card('Bushwhack').cost('{G}').typeLine('Sorcery')
    .modal(1,
      mode(search(basicLandCard(), { to: 'hand' })),
      mode(fight(target(is('creature').youControl()), target(is('creature').oppControls())))),

  // Reach
  // Deathtouch
  // {2}{G}: Put a +1/+1 counter on target creature you control. Activate only as a sorcery.
  card('Treetop Snarespinner').cost('{3}{G}').typeLine('Creature — Spider').pt(1, 4).keywords('reach', 'deathtouch')
    .activatedAsSorcery('{2}{G}', putCounters(1, '+1/+1', target(is('creature').youControl()))),

  // When this creature enters, if you control another Elf, create a 1/1 green Elf Warrior creature token.
  card("Dwynen's Elite").cost('{1}{G}').typeLine('Creature — Elf Warrior').pt(2, 2)
    .triggered(whenEnters().if(youControl(subtype('Elf').other().youControl())), createToken(elfWarrior)),

  card('Quakestrider Ceratops').cost('{3}{G}{G}{G}').typeLine('Creature — Dinosaur').pt(12, 8),

  // Put a +1/+1 counter on target creature you control. It gains hexproof until end of turn.
  withTarget(target(is('creature').youControl()), (t) =>
    card('Snakeskin Veil').cost('{G}').typeLine('Instant').spell(putCounters(1, '+1/+1', t), grant(t, 'hexproof'))),

  // Ward {2}
  // Morbid — At the beginning of your end step, if a creature died this turn, put a +1/+1 counter on this creature.
  card('Cackling Prowler').cost('{3}{G}').typeLine('Creature — Hyena Rogue').pt(4, 3).ward(2)
    .triggered(atYourEndStep().if(morbid), putCounters(1, '+1/+1', self)),

  // Target creature you control deals damage equal to its power to target creature or planeswalker you don't control.
  card('Bite Down').cost('{1}{G}').typeLine('Instant')
    .spell(bite(target(is('creature').youControl()), target(is('creature', 'planeswalker').oppControls()))),

  // Flash
  // When this creature enters, exile up to one target card from a graveyard.
  card('Ambush Wolf').cost('{2}{G}').typeLine('Creature — Wolf').pt(4, 2).keywords('flash')
    .triggered(whenEnters(), exile(upTo(1, is().inAGraveyard()))),

  // Vigilance
  // When this creature enters, choose one —
  // • Put two +1/+1 counters on target creature you control.
  // • You gain 4 life.
  card('Apothecary Stomper').cost('{4}{G}{G}').typeLine('Creature — Elephant').pt(4, 4).keywords('vigilance')
    .triggeredModal(whenEnters(), 1, mode(putCounters(2, '+1/+1', target(creaturesYouControl))), mode(gainLife(4))),

  // Trample
  // Whenever another creature you control enters, this creature gets +1/+0 until end of turn.
  card('Beast-Kin Ranger').cost('{2}{G}').typeLine('Creature — Elf Ranger').pt(3, 3).keywords('trample')
    .triggered(wheneverEnters(is('creature').other().youControl()), pump(self, 1, 0)),

  // Trample
  // Whenever this creature deals combat damage to a player, create a Food token.
  card('Eager Trufflesnout').cost('{2}{G}').typeLine('Creature — Boar').pt(4, 2).keywords('trample')
    .triggered(wheneverDealsCombatDamageToPlayer(), createToken(food)),

  // Reach
  // Landfall — Whenever a land you control enters, create a 1/1 green Elf Warrior creature token.
  card('Elfsworn Giant').cost('{3}{G}{G}').typeLine('Creature — Giant').pt(5, 3).keywords('reach')
    .triggered(landfall(), createToken(elfWarrior)),

  // When this creature enters, return target permanent card from your graveyard to your hand.
  card('Elvish Regrower').cost('{2}{G}{G}').typeLine('Creature — Elf Druid').pt(4, 3)
    .triggered(whenEnters(), returnToHand(target(is('permanent').inYourGraveyard()))),

  // Put a +1/+1 counter on target creature you control. Then that creature deals damage equal to its power to
  // target creature an opponent controls.
  withTarget(target(creaturesYouControl), (t) =>
    card('Felling Blow').cost('{2}{G}').typeLine('Sorcery')
      .spell(putCounters(1, '+1/+1', t), bite(t, target(is('creature').oppControls())))),

  // You may play an additional land on each of your turns.
  // {4}{G}{G}, {T}: Look at the top six cards of your library. You may reveal a creature card with mana value less
  // than or equal to the number of lands you control from among them and put it onto the battlefield. Put the rest
  // on the bottom in a random order.
  card('Loot, Exuberant Explorer').cost('{2}{G}').typeLine('Legendary Creature — Beast Noble').pt(1, 4)
    .static(stExtraLands(1))
    .activated('{4}{G}{G}, {T}', lookAtTop(6, is('creature').mvAtMostLands().inLibrary(), 'battlefield')),

  // Morbid — At the beginning of your end step, if a creature died this turn, put two +1/+1 counters on target
  // creature you control.
  card('Needletooth Pack').cost('{3}{G}{G}').typeLine('Creature — Dinosaur').pt(4, 5)
    .triggered(atYourEndStep().if(morbid), putCounters(2, '+1/+1', target(creaturesYouControl))),

  // Creatures you control get +10/+10 and gain vigilance until end of turn.
  card('Preposterous Proportions').cost('{5}{G}{G}').typeLine('Sorcery')
    .spell(pumpAll(creaturesYouControl, 10, 10), grantAll(creaturesYouControl, 'vigilance')),

  // Reach
  // Whenever another nontoken creature you control dies, you may reveal cards from the top of your library until
  // you reveal a creature card. Put that card into your hand and the rest on the bottom of your library in a
  // random order.
  card('Spinner of Souls').cost('{2}{G}').typeLine('Creature — Spider Spirit').pt(4, 3).keywords('reach')
    .triggered(wheneverDies(is('creature').other().nontoken().youControl()), may(revealUntil(is('creature').inLibrary(), 'hand'))),

  // At the beginning of your end step, choose one —
  // • Put a +1/+1 counter on target creature you control.
  // • Create a 3/3 green Raccoon creature token if you control a creature with power 4 or greater.
  card('Sylvan Scavenging').cost('{1}{G}{G}').typeLine('Enchantment')
    .triggeredModal(atYourEndStep(), 1,
      mode(putCounters(1, '+1/+1', target(creaturesYouControl))),
      mode(ifThen(youControl(is('creature').powerAtLeast(4).youControl()), createToken(raccoon)))),

  // When this creature enters, you may have it fight target creature you don't control.
  card('Affectionate Indrik').cost('{5}{G}').typeLine('Creature — Beast').pt(4, 4)
    .triggered(whenEnters(), may(fight(self, target(is('creature').notYours())))),

  // Enchant creature
  // Enchanted creature gets +1/+1 for each Forest you control.
  card('Blanchwood Armor').cost('{2}{G}').typeLine('Enchantment — Aura')
    .enchant(is('creature'))
    .static(stPT(attachedCreature(), count(subtype('Forest').youControl()), count(subtype('Forest').youControl()))),

  // Destroy target artifact, enchantment, or creature with flying.
  card('Broken Wings').cost('{2}{G}').typeLine('Instant').spell(destroy(target(artifactEnchantmentOrFlier))),

  // Reach
  // Other Elf creatures you control get +1/+1.
  // Whenever Dwynen attacks, you gain 1 life for each attacking Elf you control.
  card('Dwynen, Gilt-Leaf Daen').cost('{2}{G}{G}').typeLine('Legendary Creature — Elf Warrior').pt(3, 4).keywords('reach')
    .static(stPT(is('creature').sub('Elf').other().youControl(), 1, 1))
    .triggered(wheneverAttacks(), gainLife(count(subtype('Elf').attacking().youControl()))),

  // When this enchantment enters, if you control a creature with power 4 or greater, draw a card.
  // Creatures you control have trample.
  // Whenever a creature you control with power 4 or greater enters, draw a card.
  card("Garruk's Uprising").cost('{2}{G}').typeLine('Enchantment')
    .triggered(whenEnters().if(youControl(is('creature').powerAtLeast(4).youControl())), draw())
    .static(stKeywords(creaturesYouControl, 'trample'))
    .triggered(wheneverEnters(is('creature').powerAtLeast(4).youControl()), draw()),

  // Reveal the top X cards of your library. You may put any number of permanent cards with mana value X or less
  // from among them onto the battlefield. Then put all cards revealed this way that weren't put onto the
  // battlefield into your graveyard.
  card('Genesis Wave').cost('{X}{G}{G}{G}').typeLine('Sorcery').spell(revealPut(X, is('permanent').inLibrary(), X)),

  // This spell costs {X} less to cast, where X is the total power of creatures you control.
  // Trample
  card('Ghalta, Primal Hunger').cost('{10}{G}{G}').typeLine('Legendary Creature — Elder Dinosaur').pt(12, 12)
    .keywords('trample').costsLess(totalPower(creaturesYouControl)),

  // Kicker {2}{G}
  // If this creature was kicked, it enters with two +1/+1 counters on it.
  // Each creature you control with a +1/+1 counter on it has trample.
  card('Gnarlid Colony').cost('{1}{G}').typeLine('Creature — Beast').pt(2, 2).kicker('{2}{G}')
    .entersWithCountersIfKicked(2)
    .static(stKeywords(is('creature').withP1P1().youControl(), 'trample')),

  // Kicker {2}
  // Search your library for a basic land card, put it onto the battlefield, then shuffle. If this spell was kicked,
  // instead search your library for two basic land cards, put them onto the battlefield, then shuffle.
  card('Grow from the Ashes').cost('{2}{G}').typeLine('Sorcery').kicker('{2}')
    .spell(ifKicked(search(basicLandCard(), { count: 2, to: 'battlefield' }), search(basicLandCard(), { to: 'battlefield' }))),

  // Draw a card for each creature you control with a +1/+1 counter on it. Those creatures gain indestructible until
  // end of turn.
  card('Inspiring Call').cost('{2}{G}').typeLine('Instant')
    .spell(draw(count(is('creature').withP1P1().youControl())), grantAll(is('creature').withP1P1().youControl(), 'indestructible')),

  // {3}{G}: This creature becomes a Werewolf. Put two +1/+1 counters on it and you draw a card. Activate only once.
  card('Mild-Mannered Librarian').cost('{G}').typeLine('Creature — Human').pt(1, 1)
    .activatedOnce('{3}{G}', becomes(self, 'Werewolf'), putCounters(2, '+1/+1', self), draw()),

  // At the beginning of combat on your turn, if you control another creature with power 4 or greater, put a +1/+1
  // counter on this creature.
  card('Nessian Hornbeetle').cost('{1}{G}').typeLine('Creature — Insect').pt(2, 2)
    .triggered(atBeginningOfCombat().if(youControl(is('creature').other().powerAtLeast(4).youControl())), putCounters(1, '+1/+1', self)),

  // When this creature enters, you may destroy target artifact or enchantment.
  card('Reclamation Sage').cost('{2}{G}').typeLine('Creature — Elf Shaman').pt(2, 1)
    .triggered(whenEnters(), may(destroy(target(is('artifact', 'enchantment'))))),

  // {G}: Exile target card from a graveyard. If it was a creature card, put a +1/+1 counter on this creature and
  // you gain 1 life.
  card('Scavenging Ooze').cost('{1}{G}').typeLine('Creature — Ooze').pt(2, 2)
    .activated('{G}', exile(target(is().inAGraveyard())), ifThen(itWas('creature'), putCounters(1, '+1/+1', self), gainLife(1))),

  // +1: Look at the top four cards of your library. You may reveal a creature or land card from among them and put
  // it into your hand. Put the rest on the bottom of your library in a random order.
  // −3: Destroy target artifact, enchantment, or creature with flying.
  // −8: You get an emblem with "Creatures you control get +2/+2 and have vigilance, trample, and indestructible."
  card('Vivien Reid').cost('{3}{G}{G}').typeLine('Legendary Planeswalker — Vivien').loyalty(5)
    .loyaltyAbility(+1, lookAtTop(4, is('creature', 'land').inLibrary(), 'hand'))
    .loyaltyAbility(-3, destroy(target(artifactEnchantmentOrFlier)))
    .loyaltyAbility(-8, getEmblem(vivienEmblem)),

  // When this creature enters or dies, surveil 1.
  card('Wary Thespian').cost('{1}{G}').typeLine('Creature — Cat Druid').pt(3, 1)
    .triggered(whenEnters(), surveil(1))
    .triggered(whenDies(), surveil(1)),

  // This creature enters with X +1/+1 counters on it.
  // Whenever one or more +1/+1 counters are put on another non-Hydra creature you control, put a +1/+1 counter on
  // this creature.
  card('Wildwood Scourge').cost('{X}{G}').typeLine('Creature — Hydra').pt(0, 0).entersWithCounters(X)
    .triggered(wheneverP1P1CountersPutOn(is('creature').other().notSub('Hydra').youControl()), putCounters(1, '+1/+1', self)),

  // Trample
  // Other creatures you control have trample.
  card('Aggressive Mammoth').cost('{3}{G}{G}{G}').typeLine('Creature — Elephant').pt(8, 8).keywords('trample')
    .static(stKeywords(is('creature').other().youControl(), 'trample')),

  card('Bear Cub').cost('{1}{G}').typeLine('Creature — Bear').pt(2, 2),

  // {T}: Add {G}.
  card('Druid of the Cowl').cost('{1}{G}').typeLine('Creature — Elf Druid').pt(1, 3).manaAbility('{T}', addMana('G')),

  // Each creature you control gets +3/+3 until end of turn and must be blocked this turn if able.
  card('Joraga Invocation').cost('{4}{G}{G}').typeLine('Sorcery')
    .spell(pumpAll(creaturesYouControl, 3, 3), grantAll(creaturesYouControl, 'must be blocked')),

  // Reach
  card('Magnigoth Sentry').cost('{3}{G}').typeLine('Creature — Treefolk').pt(4, 4).keywords('reach'),

  // Enchant land
  // When this Aura enters, put a +1/+1 counter on target creature you control.
  // Enchanted land has "{T}: Add two mana of any one color."
  card('New Horizons').cost('{2}{G}').typeLine('Enchantment — Aura')
    .enchant(is('land'))
    .triggered(whenEnters(), putCounters(1, '+1/+1', target(creaturesYouControl)))
    .static(stGrantMana(attachedLand(), 'WUBRG', 2)),

  // Vigilance
  // Trample
  card('Tajuru Pathwarden').cost('{4}{G}').typeLine('Creature — Elf Warrior Ally').pt(5, 4).keywords('vigilance', 'trample'),

  // Reach
  // Deathtouch
  card('Thornweald Archer').cost('{1}{G}').typeLine('Creature — Elf Archer').pt(2, 1).keywords('reach', 'deathtouch'),

  // {1}, Sacrifice this creature: Destroy target artifact or enchantment.
  card('Thrashing Brontodon').cost('{1}{G}{G}').typeLine('Creature — Dinosaur').pt(3, 4)
    .activated('{1}, Sacrifice this creature', destroy(target(is('artifact', 'enchantment')))),

  // {8}: Target creature gets +5/+5 and gains trample until end of turn.
  withTarget(target(is('creature')), (t) =>
    card('Wildheart Invoker').cost('{2}{G}{G}').typeLine('Creature — Elf Shaman').pt(4, 3)
      .activated('{8}', pump(t, 5, 5), grant(t, 'trample'))),

  // Trample
  // Whenever a creature you control deals combat damage during your turn, put that many +1/+1 counters on it.
  // (It must survive to get the counters.)
  // You may cast this card from your graveyard by removing six counters from among creatures you control in
  // addition to paying its other costs.
  card('Quilled Greatwurm').cost('{4}{G}{G}').typeLine('Creature — Wurm').pt(7, 7).keywords('trample')
    .triggered(wheneverDealsCombatDamage(creaturesYouControl).if(yourTurn), putCounters(thatMuch, '+1/+1', eventObject))
    .staticFromGraveyard(stCastFromGraveyardRemovingCounters(6)),

  // Distribute three +1/+1 counters among one, two, or three target creatures, then double the number of +1/+1
  // counters on each of those creatures.
  withTarget(oneTo(3, is('creature')), (t) =>
    card('Biogenic Upgrade').cost('{4}{G}{G}').typeLine('Sorcery')
      .spell(distributeCounters(3, '+1/+1', t), doubleCounters('+1/+1', t))),

  raccoon,
  vivienEmblem,
];
