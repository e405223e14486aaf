// Colorless cards of Foundations: artifacts, and the Eldrazi Sire of Seven Deaths. Each definition is
// preceded by its printed rules text.
import {
  addChosenColor, atYourUpkeep, attach, attached, attachedCreature, basicLandCard, card, count, countersOnSelf,
  createToken, destroy, draw, eachOpponent, eachPlayer, grantor, is, landfall, loseLife, may, pump, putCounters,
  removeCounterThen, search, self, stKeywords, stPT, subtype, target, thatPlayer, whenDies, whenEnters,
  wheneverEquippedDealsCombatDamageToPlayer, wheneverEquippedUntaps, wheneverOpponentDraws, yourTurn,
} from '../dsl.ts';
import { treasure } from './tokens.ts';

// 1/1 blue Fish creature token
export const fish = card('Fish').typeLine('Token Creature — Fish').color('U').pt(1, 1);

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

  // First strike, vigilance
  // Menace, trample
  // Reach, lifelink
  // Ward—Pay 7 life.
  card('Sire of Seven Deaths').cost('{7}').typeLine('Creature — Eldrazi').pt(7, 7)
    .keywords('first strike', 'vigilance', 'menace', 'trample', 'reach', 'lifelink').wardLife(7),

  // As this artifact enters, choose a creature type. This artifact enters with a fellowship counter on it for each
  // creature you control of the chosen type.
  // Creatures you control of the chosen type get +1/+1 for each fellowship counter on this artifact.
  card('Banner of Kinship').cost('{5}').typeLine('Artifact')
    .chooseTypeAsEnters().entersWithNamedCounters(count(is('creature').youControl().ofChosenType()))
    .static(stPT(is('creature').youControl().ofChosenType(), countersOnSelf('fellowship'), countersOnSelf('fellowship'))),

  // Equipped creature has "{1}, {T}, Tap Fishing Pole: Put a bait counter on Fishing Pole."
  // Whenever equipped creature becomes untapped, remove a bait counter from this Equipment. If you do, create a
  // 1/1 blue Fish creature token.
  // Equip {2}
  card('Fishing Pole').cost('{1}').typeLine('Artifact — Equipment')
    .equippedHas('{1}, {T}, Tap Fishing Pole', putCounters(1, 'bait', grantor))
    .triggered(wheneverEquippedUntaps(), removeCounterThen('bait', createToken(fish)))
    .equip('{2}'),

  // If this card is in your opening hand, you may begin the game with it on the battlefield.
  // Equipped creature gets +1/+1 and has double strike and trample.
  // Equip {3}
  card('Leyline Axe').cost('{4}').typeLine('Artifact — Equipment').leyline()
    .static(stPT(attachedCreature(), 1, 1), stKeywords(attachedCreature(), 'double strike', 'trample'))
    .equip('{3}'),

  // {1}, {T}, Sacrifice a creature: Draw a card and put a soul counter on this artifact. Activate only as a sorcery.
  // {4}, {T}, Sacrifice this artifact: Each opponent loses life equal to the number of soul counters on this artifact.
  card('Ravenous Amulet').cost('{2}').typeLine('Artifact')
    .activatedAsSorcery('{1}, {T}, Sacrifice a creature', draw(), putCounters(1, 'soul', self))
    .activated('{4}, {T}, Sacrifice this artifact', loseLife(countersOnSelf('soul'), eachOpponent)),

  // At the beginning of your upkeep, each player draws a card.
  // Whenever an opponent draws a card, that player loses 1 life.
  card('Scrawling Crawler').cost('{3}').typeLine('Artifact Creature — Phyrexian Construct').pt(3, 2)
    .triggered(atYourUpkeep(), draw(1, eachPlayer))
    .triggered(wheneverOpponentDraws(), loseLife(1, thatPlayer)),

  // Landfall — Whenever a land you control enters, equipped creature gets +2/+2 until end of turn.
  // Equip {1}
  card('Adventuring Gear').cost('{1}').typeLine('Artifact — Equipment')
    .triggered(landfall(), pump(attached, 2, 2))
    .equip('{1}'),

  // When this creature enters, you may search your library for a basic land card, reveal it, then shuffle and put
  // that card on top.
  card('Campus Guide').cost('{2}').typeLine('Artifact Creature — Golem').pt(2, 1)
    .triggered(whenEnters(), search(basicLandCard(), { upTo: true, to: 'top' })),

  // As this artifact enters, choose a color.
  // Creatures you control of the chosen color get +1/+0.
  // {T}: Add one mana of the chosen color.
  card('Heraldic Banner').cost('{3}').typeLine('Artifact').chooseColorAsEnters()
    .static(stPT(is('creature').youControl().ofChosenColor(), 1, 0))
    .manaAbility('{T}', addChosenColor()),

  // When this creature enters, destroy target nonland permanent an opponent controls.
  card('Meteor Golem').cost('{7}').typeLine('Artifact Creature — Golem').pt(3, 3)
    .triggered(whenEnters(), destroy(target(is('permanent').non('land').oppControls()))),

  // When this creature enters, you may search your library for a basic land card, put that card onto the
  // battlefield tapped, then shuffle.
  // When this creature dies, you may draw a card.
  card('Solemn Simulacrum').cost('{4}').typeLine('Artifact Creature — Golem').pt(2, 2)
    .triggered(whenEnters(), search(basicLandCard(), { upTo: true, to: 'battlefield', tapped: true }))
    .triggered(whenDies(), may(draw())),

  // Flash
  // {7}, {T}, Sacrifice this artifact: Destroy target permanent.
  card('Goblin Firebomb').cost('{1}').typeLine('Artifact').keywords('flash')
    .activated('{7}, {T}, Sacrifice this artifact', destroy(target(is('permanent')))),

  // When this Equipment enters, attach it to target Pirate you control.
  // Equipped creature gets +2/+1.
  // Equip {2}
  card("Pirate's Cutlass").cost('{3}').typeLine('Artifact — Equipment')
    .triggered(whenEnters(), attach(target(subtype('Pirate').youControl())))
    .static(stPT(attachedCreature(), 2, 1))
    .equip('{2}'),

  fish,
];
