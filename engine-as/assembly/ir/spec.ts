// The card IR contract, shared by the AssemblyScript interpreter and the TypeScript compiler.
// This file must stay in the common subset of AssemblyScript and TypeScript: only integer
// constants. Bump IR_VERSION whenever the meaning or layout of anything here changes.
//
// The IR is an array of little-endian i32 words:
//   header (HDR_WORDS) | card table (CARD_WORDS each) | ability table (ABIL_WORDS each)
//   | filter table (FILTER_WORDS each) | target-spec table (TSPEC_WORDS each) | code words
// All "offsets" below are word indexes into the whole IR array.

export const IR_MAGIC = 0x52494753; // "SGIR"
export const IR_VERSION = 4;

// ---- header ----
export const HDR_MAGIC = 0;
export const HDR_VERSION = 1;
export const HDR_CARD_COUNT = 2;
export const HDR_CARD_OFF = 3;
export const HDR_ABIL_COUNT = 4;
export const HDR_ABIL_OFF = 5;
export const HDR_FILTER_COUNT = 6;
export const HDR_FILTER_OFF = 7;
export const HDR_TSPEC_COUNT = 8;
export const HDR_TSPEC_OFF = 9;
export const HDR_CODE_OFF = 10;
export const HDR_CODE_LEN = 11;
export const HDR_WORDS = 12;

// ---- mana packing ----
// A mana cost (or a mana amount) is two words:
//   word A: generic (bits 0-7) | X count (bits 8-11) | hybrid pairs count (bits 12-15, reserved)
//   word B: 4 bits per color: W 0-3, U 4-7, B 8-11, R 12-15, G 16-19, C 20-23
export const MANA_GENERIC_MASK = 0xff;
export const MANA_X_SHIFT = 8;
export const COLOR_W = 0;
export const COLOR_U = 1;
export const COLOR_B = 2;
export const COLOR_R = 3;
export const COLOR_G = 4;
export const COLOR_C = 5; // colorless mana (not a color)
// colors as a bitmask: bit (1 << COLOR_x), for W..G only

// ---- card record ----
export const CARD_NAME_ID = 0; // index into the host's name table (engine never reads names)
export const CARD_COST_A = 1;
export const CARD_COST_B = 2;
export const CARD_MANA_VALUE = 3;
export const CARD_COLORS = 4; // color bitmask
export const CARD_TYPES = 5; // TYPE_* bits | SUPER_* bits
export const CARD_SUBTYPES_LO = 6; // SUB_* bitmask words (subtypes the engine needs to tell apart)
export const CARD_SUBTYPES_HI = 7;
export const CARD_POWER = 8; // PT_STAR for '*'
export const CARD_TOUGHNESS = 9;
export const CARD_LOYALTY = 10;
export const CARD_KEYWORDS = 11; // KW_* bits printed on the card
export const CARD_ABIL_START = 12; // first ability index
export const CARD_ABIL_COUNT = 13;
export const CARD_FLAGS = 14; // CF_* bits
export const CARD_WARD = 15; // ward cost: WARD_MANA | n, or WARD_LIFE | n, 0 = none
export const CARD_ETB_COUNTERS = 16; // +1/+1 counters it enters with: amount expression (AMT_*), 0 = none
export const CARD_KICKER_A = 17; // kicker cost, two mana words; both 0 = no kicker
export const CARD_KICKER_B = 18;
export const CARD_ALT_COST_A = 19; // flashback cost (CF_FLASHBACK), two mana words
export const CARD_ALT_COST_B = 20;
export const CARD_ADD_COST = 21; // additional cost to cast: COST_* bits (COST_SAC_FILTER, COST_DISCARD, COST_PAY_LIFE)
export const CARD_ADD_COST_PARAM = 22; // filter index for COST_SAC_FILTER, count for discard, life for pay life
export const CARD_COST_REDUCE = 23; // cost reduction: amount expression (AMT_*) subtracted from generic
export const CARD_WORDS = 24;

export const PT_STAR = -1000;

// card types and supertypes (CARD_TYPES)
export const TYPE_LAND = 1 << 0;
export const TYPE_CREATURE = 1 << 1;
export const TYPE_ARTIFACT = 1 << 2;
export const TYPE_ENCHANTMENT = 1 << 3;
export const TYPE_PLANESWALKER = 1 << 4;
export const TYPE_INSTANT = 1 << 5;
export const TYPE_SORCERY = 1 << 6;
export const TYPE_BATTLE = 1 << 7;
export const TYPE_KINDRED = 1 << 8;
export const SUPER_LEGENDARY = 1 << 12;
export const SUPER_BASIC = 1 << 13;
export const SUPER_SNOW = 1 << 14;
export const TYPE_PERMANENT_MASK = 0x9f; // land|creature|artifact|enchantment|planeswalker|battle

// Subtypes the rules or the card pool refer to. A card's full type line lives in the host's
// metadata; the engine only needs the subtypes that filters and rules mention.
// Word LO:
export const SUB_PLAINS = 1 << 0;
export const SUB_ISLAND = 1 << 1;
export const SUB_SWAMP = 1 << 2;
export const SUB_MOUNTAIN = 1 << 3;
export const SUB_FOREST = 1 << 4;
export const SUB_AURA = 1 << 5;
export const SUB_EQUIPMENT = 1 << 6;
export const SUB_FOOD = 1 << 7;
export const SUB_TREASURE = 1 << 8;
export const SUB_ELF = 1 << 9;
export const SUB_GOBLIN = 1 << 10;
export const SUB_CAT = 1 << 11;
export const SUB_ANGEL = 1 << 12;
export const SUB_ZOMBIE = 1 << 13;
export const SUB_VAMPIRE = 1 << 14;
export const SUB_WALL = 1 << 15;
export const SUB_DRAGON = 1 << 16;
export const SUB_WIZARD = 1 << 17;
export const SUB_PIRATE = 1 << 18;
export const SUB_KNIGHT = 1 << 19;
export const SUB_SOLDIER = 1 << 20;
export const SUB_HUMAN = 1 << 21;
export const SUB_WARRIOR = 1 << 22;
export const SUB_RAT = 1 << 23;
export const SUB_HYDRA = 1 << 24;
export const SUB_DEMON = 1 << 25;
export const SUB_BEAR = 1 << 26;
export const SUB_SPIRIT = 1 << 27;
export const SUB_DINOSAUR = 1 << 28;
export const SUB_BEAST = 1 << 29;
export const SUB_INSECT = 1 << 30;
export const SUB_CREATURE_TYPES = 0x7ffffe00; // the LO bits that are creature types (Elf ... Insect), for "all creature types"
// Word HI (CARD_SUBTYPES_HI, F_SUB_HI_ANY): more subtypes that rules name
export const SUB_HI_SKELETON = 1 << 0;
export const SUB_HI_NIGHTMARE = 1 << 1; // Abyssal Harvester
export const SUB_HI_GATE = 1 << 2; // Archway Angel, Circuitous Route, Maze's End
export const SUB_HI_KITHKIN = 1 << 3; // Ballyrush Banneret
export const SUB_HI_SCOUT = 1 << 4; // Kellan, Planar Trailblazer
export const SUB_HI_DETECTIVE = 1 << 5; // Kellan, Planar Trailblazer
export const SUB_HI_WEREWOLF = 1 << 6; // Mild-Mannered Librarian ("becomes a Werewolf")
export const SUB_HI_ROGUE = 1 << 11; // Kellan, Planar Trailblazer ("becomes a 3/2 Human Faerie Rogue")
export const SUB_HI_CITIZEN = 1 << 13; // Witness Protection ("is a green and white Citizen creature")
export const SUB_HI_FAERIE = 1 << 12; // Kellan, Planar Trailblazer ("becomes a Human Faerie Detective")

// card flags (CARD_FLAGS)
export const CF_ENTERS_TAPPED = 1 << 0;
export const CF_FLASHBACK = 1 << 1;
export const CF_CANT_BE_COUNTERED = 1 << 2;
export const CF_TOKEN = 1 << 3; // a token definition, never in a deck
export const CF_ATTACKS_EACH_COMBAT = 1 << 4;
// 1 << 5 is free ("doesn't untap during your untap step" is the keyword bit KW_DOESNT_UNTAP)
export const CF_ETB_COUNTERS_IF_RAID = 1 << 6; // CARD_ETB_COUNTERS applies only if you attacked this turn
export const CF_COST_REDUCE_IF_TARGET_TAPPED = 1 << 7; // CARD_COST_REDUCE applies only if the spell targets a tapped permanent
export const CF_CANT_BLOCK = 1 << 8;
export const CF_CANT_BE_BLOCKED_BY_WALLS = 1 << 9;
export const CF_ANY_NUMBER_IN_DECK = 1 << 10;
export const CF_ADD_COST_OR_MANA = 1 << 11; // additional cost may be paid by CARD_KICKER mana instead (Eaten Alive)
export const CF_ETB_COUNTERS_IF_KICKED = 1 << 24; // CARD_ETB_COUNTERS applies only if the spell was kicked
export const CF_EMBLEM = 1 << 25; // an emblem definition (114): created by OP_EMBLEM in the command zone, never in a deck
export const CF_ETB_COUNTERS_NAMED = 1 << 27; // CARD_ETB_COUNTERS are named counters (CTR_OTHER), added once the "as enters" choice is made
export const CF_LEYLINE = 1 << 28; // if this card is in your opening hand, you may begin the game with it on the battlefield (103.6-style)

export const WARD_MANA = 1 << 16;
export const WARD_LIFE = 2 << 16;

// keyword abilities (CARD_KEYWORDS and computed keywords)
export const KW_FLYING = 1 << 0;
export const KW_FIRST_STRIKE = 1 << 1;
export const KW_DOUBLE_STRIKE = 1 << 2;
export const KW_DEATHTOUCH = 1 << 3;
export const KW_HASTE = 1 << 4;
export const KW_HEXPROOF = 1 << 5;
export const KW_INDESTRUCTIBLE = 1 << 6;
export const KW_LIFELINK = 1 << 7;
export const KW_MENACE = 1 << 8;
export const KW_REACH = 1 << 9;
export const KW_TRAMPLE = 1 << 10;
export const KW_VIGILANCE = 1 << 11;
export const KW_DEFENDER = 1 << 12;
export const KW_FLASH = 1 << 13;
export const KW_PROWESS = 1 << 14; // the engine creates the prowess trigger itself (702.108)
export const KW_CANT_BLOCK = 1 << 15; // "can't block" as a granted ability
export const KW_UNBLOCKABLE = 1 << 16; // "can't be blocked"
export const KW_CANT_ATTACK = 1 << 17; // "can't attack" (Pacifism)
export const KW_WARD = 1 << 18; // set when the object has ward (cost from CARD_WARD)
export const KW_DOESNT_UNTAP = 1 << 20; // "doesn't untap during its controller's untap step" as a granted ability
export const KW_MUST_BE_BLOCKED = 1 << 23; // "must be blocked if able" (509.1c requirement)
export const KW_PROTECTION_ALL = 1 << 24; // protection from everything (702.16j)
export const KW_HEXPROOF_FROM_INSTANTS = 1 << 25; // hexproof from instants (702.11d)
export const KW_ALL = 0x7ffff;

// ---- ability record ----
export const AB_KIND = 0; // ABK_*
export const AB_COST_A = 1; // mana cost words
export const AB_COST_B = 2;
export const AB_COST_FLAGS = 3; // COST_* bits
export const AB_COST_PARAM = 4; // life / discard count / filter index for sacrifice / signed loyalty change
export const AB_TIMING = 5; // TIMING_* bits
export const AB_TRIGGER = 6; // TRIG_* event, for ABK_TRIGGERED
export const AB_TRIGGER_FILTER = 7; // filter index the event object must match, -1 = none
export const AB_CONDITION = 8; // COND_* intervening-if (triggered) or condition (static), 0 = none
export const AB_CONDITION_PARAM = 9;
export const AB_TSPEC_START = 10; // first target spec index
export const AB_TSPEC_COUNT = 11;
export const AB_CODE = 12; // code offset of the effect program (or the static descriptor)
export const AB_MODES = 13; // for modal abilities: number of modes; the modes are the next N abilities (ABK_MODE)
export const AB_MODE_PICK = 14; // how many modes to choose (1 for "choose one")
export const AB_ZONE = 15; // ZONE_* the ability works from (battlefield unless said)
export const ABIL_WORDS = 16;

export const ABK_SPELL = 1; // the effect of an instant or sorcery, or an aura's/permanent spell's resolution extras
export const ABK_ACTIVATED = 2;
export const ABK_MANA = 3; // mana ability (605): resolves at once, code uses ADD_MANA
export const ABK_TRIGGERED = 4;
export const ABK_STATIC = 5; // code holds static descriptors (ST_*)
export const ABK_LOYALTY = 6; // planeswalker loyalty ability; AB_COST_PARAM = signed loyalty change
export const ABK_MODE = 7; // one mode of the preceding modal ability
export const ABK_REPLACEMENT = 8; // code holds replacement descriptors (RP_*)
export const ABK_ENCHANT = 9; // aura: "Enchant <filter>": AB_TSPEC_START names the target spec
export const ABK_NESTED = 40; // a triggered ability that an effect creates (OP_CREATE_DELAYED) or grants
//   (OP_GRANT_TRIGGER); AB_TRIGGER says when it triggers; it never triggers as an ability of its card
export const ABK_GRANTED = 15; // an activated ability this card grants (ST_GRANT_ABILITY); never activated from this card itself

// costs (AB_COST_FLAGS, CARD_ADD_COST)
export const COST_TAP = 1 << 0;
export const COST_SAC_SELF = 1 << 1;
export const COST_SAC_FILTER = 1 << 2; // sacrifice a permanent matching filter AB_COST_PARAM
export const COST_DISCARD = 1 << 3; // discard AB_COST_PARAM cards
export const COST_PAY_LIFE = 1 << 4;
export const COST_EXILE_SELF_FROM_GY = 1 << 5;
export const COST_REMOVE_COUNTERS = 1 << 6; // remove counters from this permanent: AB_COST_PARAM = count | counter kind << 8
export const COST_TAP_PERMANENTS = 1 << 12; // tap N untapped permanents you control: AB_COST_PARAM = filter | N << 16 (for a granted ability the filter sees the granting permanent as "self": "Tap Fishing Pole")

// timing (AB_TIMING)
export const TIMING_SORCERY = 1 << 0;
export const TIMING_ONCE_PER_TURN = 1 << 1;
export const TIMING_EQUIP = 1 << 2; // equip: sorcery speed, target creature you control, attach
export const TIMING_ONCE = 1 << 7; // "Activate only once" (for as long as the object stays on the battlefield)

// ---- zones ----
export const ZONE_NONE = 0;
export const ZONE_LIBRARY = 1;
export const ZONE_HAND = 2;
export const ZONE_BATTLEFIELD = 3;
export const ZONE_GRAVEYARD = 4;
export const ZONE_STACK = 5;
export const ZONE_EXILE = 6;
export const ZONE_COMMAND = 7; // emblems (114)

// ---- triggers (AB_TRIGGER) ----
// "self" events concern the ability's own object; others are filtered by AB_TRIGGER_FILTER.
export const TRIG_ETB_SELF = 1; // this enters
export const TRIG_ETB = 2; // a permanent matching the filter enters (filter may say "other")
export const TRIG_DIES_SELF = 3;
export const TRIG_DIES = 4; // a creature matching the filter dies
export const TRIG_ATTACKS_SELF = 5;
export const TRIG_ATTACKS_ANY = 6; // whenever you attack (once per combat, if >= AB_CONDITION_PARAM? no: see COND)
export const TRIG_UPKEEP = 7; // at the beginning of your upkeep
export const TRIG_END_STEP = 8; // at the beginning of your end step
export const TRIG_EACH_END_STEP = 9; // at the beginning of each end step
export const TRIG_CAST = 10; // whenever you cast a spell matching the filter
export const TRIG_OPP_CAST = 11; // whenever an opponent casts a spell matching the filter
export const TRIG_GAIN_LIFE = 12; // whenever you gain life
export const TRIG_LANDFALL = 13; // whenever a land you control enters
export const TRIG_COMBAT_DAMAGE_PLAYER_SELF = 14; // this deals combat damage to a player
export const TRIG_BEGIN_COMBAT = 15; // at the beginning of combat on your turn
export const TRIG_DRAW = 16; // whenever you draw a card
export const TRIG_OPP_LOSES_LIFE = 17;
export const TRIG_EQUIPPED_COMBAT_DAMAGE_PLAYER = 18; // equipped creature deals combat damage to a player
export const TRIG_LEAVES_SELF = 19; // this leaves the battlefield
export const TRIG_CREATURE_COMBAT_DAMAGE_PLAYER = 20; // a creature you control deals combat damage to a player
export const TRIG_OPP_DISCARDS = 21; // an opponent discards a card (event object: the card, now in their graveyard; event player: that opponent)
export const TRIG_DRAW_SECOND = 35; // whenever you draw your second card each turn
export const TRIG_REFLEXIVE = 36; // "When you do": triggered by OP_REFLEXIVE in the same card's effect (603.12)
export const TRIG_ANY_CAST = 37; // any player casts a spell matching the filter (Kaito's emblem); event player: the caster
export const TRIG_P1P1_PUT = 50; // one or more +1/+1 counters are put on a permanent matching the filter (122.6: entering with them counts)
export const TRIG_COMBAT_DAMAGE_DEALT = 51; // a creature matching the filter deals combat damage (to anything); amount: all it dealt in that step
export const TRIG_ETB_OR_ATTACKS_SELF = 55; // this enters or attacks
export const TRIG_NONCOMBAT_DAMAGE_OPP = 56; // a source you control deals noncombat damage to an opponent (amount: the damage)
export const TRIG_OPP_DRAW = 57; // an opponent draws a card (event player: that opponent)
export const TRIG_EQUIPPED_UNTAPS = 58; // equipped creature becomes untapped
export const TRIG_YOU_PUT_P1P1 = 25; // you (the controller of the effect putting them, 122.6a) put one or more +1/+1 counters on a permanent matching the filter (Exemplar of Light)

// ---- conditions (AB_CONDITION; intervening "if" for triggers, "as long as" for statics) ----
export const COND_NONE = 0;
export const COND_RAID = 1; // you attacked this turn
export const COND_CONTROL = 2; // you control a permanent matching filter AB_CONDITION_PARAM (other than this one if the filter says so)
export const COND_MORBID = 3; // a creature died this turn
export const COND_YOUR_TURN = 4;
export const COND_KICKED = 5;
export const COND_OPP_LOST_LIFE = 6;
export const COND_GY_COUNT = 7; // cards in your graveyard >= param (threshold)
export const COND_FIRST_LIFE_GAIN = 8; // first time you gained life this turn
export const COND_ATTACKERS_AT_LEAST = 9; // attacking with >= param creatures
export const COND_LIFE_ABOVE_START = 10; // life >= starting life + param (param 1 = "greater than")
export const COND_YOU_DID = 45; // "if you do": the previous instruction did something (a card was discarded)
export const COND_TARGET_LIFE = 46; // the player chosen as the first target has exactly param life
export const COND_WAS_CAST = 40; // the source was cast (it entered from the stack)
export const COND_HAD_COUNTERS = 41; // the source has (or, once it left the battlefield, had) a counter of kind param
export const COND_IT_MATCHES = 42; // the object last affected by this program (IT) matches filter param
export const COND_CREATURES_AT_LEAST = 43; // there are param or more creatures on the battlefield
export const COND_EXILED_THIS_WAY = 44; // a card that OP_EXILE or OP_EXILE_TOP exiled while this program resolves matches filter param
export const COND_IT_TYPE = 50; // the object last affected (IT) has any of the TYPE_* bits param ("if it was a creature card")
export const COND_LIFE_AT_LEAST = 30; // you have param or more life
export const COND_SELF_P1P1_AT_LEAST = 31; // the source has param or more +1/+1 counters on it
export const COND_TARGET_MATCHES = 32; // the first target (still there) matches filter param ("if that creature is a Cat")
export const COND_SELF_MATCHES = 23; // the source is on the battlefield and matches filter param now ("if Kellan is a Scout")
export const COND_SELF_WAS_SUB = 25; // the source has any of the SUB_* (LO) bits param, or had them as it last existed on the battlefield (603.10a): "if it wasn't a Demon"
export const COND_NOT = 1 << 16; // or-ed into a condition word: negates it ("if it wasn't kicked")
// Or-ed into a trigger's condition: the condition is part of the trigger event (603.2: "whenever you
// attack with three or more creatures", "for the first time each turn", "whenever Ruby attacks while
// you control ..."), checked when the event happens and not again on resolution, unlike an
// intervening "if" (603.4).
export const COND_EVENT = 1 << 17;
// COND_CONTROL: how many matching permanents are needed ("three or more"), in bits 20-27 (0 = one).
export const COND_COUNT_SHIFT = 20;
// COND_FIRST_LIFE_GAIN: param 1 = only during your turns ("during each of your turns").

// ---- filters ----
// A filter describes the objects (or players) a target, count or static applies to.
export const F_TYPES_ANY = 0; // object has any of these TYPE_* bits (0 = no requirement)
export const F_TYPES_NOT = 1; // object has none of these TYPE_* bits
export const F_SUB_ANY = 2; // object has any of these SUB_* (LO word) bits (0 = no requirement)
export const F_SUB_NOT = 3;
export const F_COLORS_ANY = 4; // color bitmask (0 = no requirement)
export const F_CONTROLLER = 5; // CTRL_*
export const F_KW_ALL = 6; // must have all these keywords
export const F_KW_NOT = 7; // must have none of these keywords
export const F_FLAGS = 8; // FF_* bits
export const F_MV_MAX = 9; // mana value <= n (-1 = no limit)
export const F_POWER_MIN = 10; // power >= n (-1000 = no limit)
export const F_POWER_MAX = 11; // power <= n (1000 = no limit)
export const F_ZONE = 12; // ZONE_* the object is in (battlefield by default)
export const F_PLAYERS = 13; // PF_* which players this filter also allows (for "any target" etc.)
export const F_SUB_HI_ANY = 14; // object has any of these SUB_HI_* bits (with F_SUB_ANY: either word matches)
export const F_NAME = 16; // card index the object's name must be ("named X"), -1 = any
export const F_KW_TYPES = 17; // F_KW_ALL applies only to objects with any of these TYPE_* bits (0 = to all): "artifact, enchantment, or creature with flying"
export const FILTER_WORDS = 18;

export const CTRL_ANY = 0;
export const CTRL_YOU = 1;
export const CTRL_OPP = 2;
export const CTRL_NOT_YOU = 3; // "you don't control" (the same as CTRL_OPP with two players)

export const FF_OTHER = 1 << 0; // not the source object itself
export const FF_TAPPED = 1 << 1;
export const FF_UNTAPPED = 1 << 2;
export const FF_ATTACKING = 1 << 3;
export const FF_BLOCKING = 1 << 4;
export const FF_ATTACKING_OR_BLOCKING = 1 << 5;
export const FF_NONTOKEN = 1 << 6;
export const FF_TOKEN = 1 << 7;
export const FF_HAS_P1P1 = 1 << 8; // has a +1/+1 counter
export const FF_ATTACHED_TO_SOURCE = 1 << 9; // the object the source (aura/equipment) is attached to
export const FF_SELF = 1 << 10; // the source object only
export const FF_SPELL = 1 << 11; // a spell on the stack (F_TYPES_* apply to the spell's card)
export const FF_OWNED = 1 << 12; // owned by the controller of the source (graveyard cards)
export const FF_OPP_OWNED = 1 << 13;
export const FF_MV_MAX_SOURCE_POWER = 1 << 14; // mana value <= source's power
export const FF_ATTACHED_TO_FIRST_TARGET = 1 << 15; // attached to the ability's first chosen target
export const FF_MV_EXACT = 1 << 18; // mana value == F_MV_MAX ("with mana value 1")
export const FF_THIS_TURN = 1 << 19; // put into its zone this turn ("creature card from a graveyard that was put there this turn")
export const FF_NOT_IT = 1 << 20; // not the object the resolving program last affected (IT): "all other Nightmare tokens" after a copy
export const FF_TYPES_OR_SUB = 1 << 22; // the type words (F_TYPES_*) OR the subtype (F_SUB_ANY) suffice ("noncreature or Dragon spell")
export const FF_MV_MAX_LANDS = 1 << 24; // mana value <= the number of lands you control
// F_POWER_* restrict only objects that have none of the noncreature types of F_TYPES_ANY
// ("artifact, enchantment, or creature with power 4 or greater")
export const FF_POWER_ONLY_CREATURES = 1 << 16;
export const FF_CHOSEN_COLOR = 1 << 26; // of the color chosen for the source as it entered
export const FF_CHOSEN_TYPE = 1 << 27; // of the creature type chosen for the source as it entered

export const PF_NONE = 0;
export const PF_YOU = 1;
export const PF_OPP = 2;
export const PF_ANY = 3;

// ---- target specs ----
export const TS_FILTER = 0; // filter index the target must match (objects)
export const TS_PLAYERS = 1; // PF_* players allowed as this target
export const TS_MIN = 2; // minimum number of targets for this spec (0 = "up to")
export const TS_MAX = 3; // maximum number
export const TS_FLAGS = 4; // TSF_*
export const TSPEC_WORDS = 5;

export const TSF_DIFFERENT_CONTROLLERS = 1 << 0; // the targets of this spec are controlled by different players
export const TSF_DISTINCT_FROM_PREV = 1 << 1; // must differ from the targets of earlier specs ("other target")
export const TSF_DIVIDED = 1 << 6; // the ability's AMT_DIVIDED damage is divided among these targets as it is put on the stack (601.2d)
export const TSF_SAME_OWNER = 1 << 5; // the spec's targets have one owner ("from a single graveyard")
// exactly one target unless the spell was kicked, then TS_MIN..TS_MAX ("if this spell was kicked,
// instead any number of target creatures")
export const TSF_ONE_UNLESS_KICKED = 1 << 3;

// ---- references (operands naming objects or players) ----
// A ref is one word. Target slots are REF_TARGET + k: a spec's first slot is the sum of TS_MAX of
// the specs before it, so slots are fixed whatever number of "up to" targets was chosen; a ref to
// a slot nobody chose does nothing.
export const REF_TARGET = 0; // 0..15
export const REF_SELF = 16; // the source object (for spells: the spell's card)
export const REF_YOU = 17; // the controller of the ability/spell
export const REF_OPP = 18; // each opponent (two-player: the opponent)
export const REF_EACH_PLAYER = 19;
export const REF_EVENT_OBJ = 20; // the object of the triggering event ("that creature")
export const REF_ATTACHED = 21; // the object the source is attached to (enchanted/equipped creature)
export const REF_IT = 22; // the object last affected by this program ("it", "that token")
export const REF_TARGET_CONTROLLER = 32; // 32 + k: controller of target k
export const REF_TARGET_OWNER = 48; // 48 + k: owner of target k
export const REF_EVENT_PLAYER = 64; // the player of the triggering event
export const REF_EXILED = 92; // each card exiled this way (OF_EXILED_THIS_WAY: by OP_EXILE or OP_EXILE_TOP while this program resolves) still in exile (OP_MAY_PLAY)
export const REF_GRANTOR = 100; // the permanent that granted the activated ability ("Put a bait counter on Fishing Pole")

// ---- amounts ----
// An amount is one word: a signed 24-bit constant when (word >> 24) is 0 or -1, else a tagged
// expression with a 16-bit parameter in the low bits.
export const AMT_CONST = 0;
export const AMT_X = 1 << 24; // the spell's X
export const AMT_COUNT = 2 << 24; // number of battlefield objects matching filter (param)
export const AMT_POWER = 3 << 24; // power of ref (param)
export const AMT_EVENT_AMOUNT = 4 << 24; // amount of the triggering event (damage dealt, life lost)
export const AMT_LAST = 5 << 24; // the amount recorded by the last effect (life lost this way, excess damage)
export const AMT_YOUR_LIFE = 6 << 24;
export const AMT_LANDS_YOU_CONTROL = 7 << 24;
export const AMT_GY_COUNT = 8 << 24; // cards in the graveyard of ref (param: REF_YOU, REF_OPP = your opponents', REF_EACH_PLAYER = all)
export const AMT_COUNTERS_SELF = 9 << 24; // counters of kind (param bits 0-11, a named kind included) on the source, minus param bits 12-15 ("one fewer");
//   once the source left the battlefield, the counters it had (last known information, 608.2h)
export const AMT_COUNTERS_KIND_MASK = 0xfff;
export const AMT_COUNTERS_FEWER_SHIFT = 12;
export const AMT_GY_FILTER_COUNT = 10 << 24; // cards in your graveyard matching filter (param)
export const AMT_IF_CONTROL = 35 << 24; // 1 if you control a permanent matching filter (param), else 0
export const AMT_DISTINCT_MV = 36 << 24; // number of different mana values among battlefield objects matching filter (param)
export const AMT_DIVIDED = 45 << 24; // damage divided at casting (601.2d); param = the total. OP_DAMAGE deals each target its share
export const AMT_LIFE_GAINED = 40 << 24; // life you gained this turn
export const AMT_TOTAL_POWER = 50 << 24; // total power of battlefield creatures matching filter (param)
export const AMT_TAG_MASK = 0xff << 24;
export const AMT_PARAM_MASK = 0xffff;

// ---- counters ----
export const CTR_P1P1 = 0;
export const CTR_M1M1 = 1;
export const CTR_LOYALTY = 2;
export const CTR_STUN = 3;
export const CTR_OTHER = 4; // any other named counter (revival, soul, ...)
export const CTR_EACH_KIND = 20; // every kind of counter (Zimone: "double the number of each kind of counter")
export const CTR_NAME_SHIFT = 8; // a named counter is CTR_OTHER | (name index << 8); the engine treats all names alike
// (black's revival counter is one of them)

// ---- durations ----
export const DUR_END_OF_TURN = 1;
export const DUR_PERMANENT = 2; // for the rest of the game (or while the object exists)
export const DUR_WHILE_SOURCE = 3; // while the source stays on the battlefield

// ---- effect opcodes ----
// Each instruction is an opcode word followed by its operand words, as listed.
export const OP_END = 0; //
export const OP_DAMAGE = 1; // amount, ref            source deals damage to ref
export const OP_DAMAGE_EACH = 2; // amount, filter (-1: none), players(PF_*)  to each matching creature/planeswalker and player
export const OP_GAIN_LIFE = 3; // amount, playerRef
export const OP_LOSE_LIFE = 4; // amount, playerRef   (records amount lost in LAST)
export const OP_DRAW = 5; // amount, playerRef
export const OP_DISCARD = 6; // amount, playerRef    the player chooses
export const OP_DESTROY = 7; // ref
export const OP_DESTROY_ALL = 8; // filter
export const OP_EXILE = 9; // ref
export const OP_BOUNCE = 10; // ref  return to owner's hand
export const OP_TAP = 11; // ref
export const OP_UNTAP = 12; // ref
export const OP_PUMP = 13; // ref, power amount, toughness amount   until end of turn
export const OP_PUMP_ALL = 14; // filter, power, toughness   until end of turn (objects fixed at resolution, 611.2c)
export const OP_GRANT = 15; // ref, keyword bits     until end of turn
export const OP_GRANT_ALL = 16; // filter, keyword bits   until end of turn
export const OP_COUNTERS = 17; // ref, counter kind, amount
export const OP_COUNTERS_ALL = 18; // filter, counter kind, amount
export const OP_TOKEN = 19; // token card index, amount, playerRef, TOKF_* flags
export const OP_COUNTER_SPELL = 20; // ref (a spell)
export const OP_SEARCH = 21; // filter (card in library), count, destination ZONE_*, SRCH_* flags   then shuffle
export const OP_SCRY = 22; // amount
export const OP_SURVEIL = 23; // amount
export const OP_MILL = 24; // amount, playerRef
export const OP_RETURN = 25; // ref (card in graveyard), destination ZONE_*, RET_* flags
export const OP_FIGHT = 26; // ref a, ref b
export const OP_BITE = 27; // ref a (source of damage), ref b  a deals damage equal to its power to b
export const OP_MAY = 28; // skip   the controller chooses; "no" skips the next `skip` words
export const OP_IF = 29; // condition, param, skip   if the condition is false skip `skip` words
export const OP_ADD_MANA = 30; // color bitmask of choices (one mana of any of them), amount
// extra bits of OP_ADD_MANA's color mask (bit COLOR_C is colorless mana)
export const MANA_OF_CHOSEN_COLOR = 1 << 8; // one mana of the color chosen for the source as it entered
export const MANA_SPEND_CHOSEN_TYPE = 1 << 9; // spend only on a creature spell of the chosen type or an ability of a creature source of that type
// "If that mana is spent on a Dragon creature spell, it gains haste until end of turn" (Carnelian Orb of Dragonkind):
// automatic payment spends such a source first for a Dragon creature spell and after the other lands otherwise
export const MANA_HASTE_DRAGON = 1 << 13;
export const OP_ATTACH = 31; // ref (object to attach the source to)
export const OP_SACRIFICE = 32; // filter, amount, playerRef   the player chooses
export const OP_GAIN_CONTROL = 33; // ref, duration (DUR_END_OF_TURN)   the controller gains control of it (613.1b)
export const OP_EXILE_INSTEAD_OF_DYING = 34; // ref   this turn, if it would die, exile it instead (614)
export const OP_DOUBLE_COUNTERS = 35; // ref, counter kind
export const OP_EXILE_GRAVEYARD = 36; // playerRef
export const OP_LOOT = 37; // draw amount, discard amount (you)
export const OP_RETURN_ALL = 38; // filter (graveyard cards), destination ZONE_* | RET_* flags << 8
export const OP_IF_PAY = 42; // mana word A, mana word B, skip   controller may pay; if not, skip
export const OP_UNLESS_DISCARD = 43; // playerRef, COST_* flags, param, skip   the player may pay the cost (COST_DISCARD: a card;
//   COST_SAC_FILTER: a permanent matching filter param; both: either one; COST_PAY_LIFE: param life);
//   unless they do, run the next `skip` words ("loses 5 life unless they discard a card")
export const OP_EXILE_UNTIL_LEAVES = 44; // ref   exile until the source leaves the battlefield (610.3)
export const OP_EMBLEM = 45; // emblem card index, playerRef   the player gets that emblem (114) in the command zone
export const OP_CREATE_DELAYED = 46; // ability, ref   603.7: create the delayed triggered ability `ability` (ABK_NESTED; its
//   AB_TRIGGER says when: TRIG_EACH_END_STEP = the next end step) about ref, its event object ("it")
export const OP_LOOK_TOP_TAKE = 47; // count amount, filter, dest ZONE_* (hand, or battlefield: it enters)   the rest go to the bottom in a random order
export const OP_SCRATCH_IT = 49; // ref  sets IT to ref (for "that creature" chains)
export const OP_COPY_TOKEN = 70; // ref, amount, playerRef, TOKF_* exceptions   tokens that are copies of ref (707.2, 707.9)
export const OP_END_TURN = 71; // end the turn (723.1)
export const OP_BOUNCE_ALL = 72; // filter   return each matching permanent to its owner's hand
export const OP_OWNER_TOP_OR_BOTTOM = 73; // ref   its owner puts it on their choice of the top or bottom of their library
export const OP_CHOOSE_RETURN = 74; // filter (cards in your graveyard), dest ZONE_*   you choose one matching card (not targeted) and move it
export const OP_REFLEXIVE = 75; //   "When you do, ...": the source's TRIG_REFLEXIVE abilities trigger (603.12)
export const OP_GRANT_FLASHBACK = 76; // ref (card in a graveyard)   it gains flashback until end of turn; the cost is its mana cost
export const OP_EXILE_ALL = 78; // filter   exile each matching permanent
export const OP_PILES = 77; // count   look at the top count cards, separate them into a face-down and a face-up pile; an
//                             opponent chooses one: that pile to your hand, the other to your graveyard
// playing cards from other zones (see docs/card-ir.md, "Permission to play a card")
export const OP_EXILE_TOP = 90; // amount, playerRef   exile the top N cards of each such library; IT = the last one
export const OP_CHOOSE_EXILED = 91; //   the controller chooses one of the cards exiled this way (still in exile); IT = it
export const OP_MAY_PLAY = 92; // ref, PLAY_* flags   the controller may play that card (from the zone it is in now)
export const OP_IF_YOU_DO = 80; // playerRef, COST_* flags, param, skip   as OP_UNLESS_DISCARD, but the body runs only if they paid
export const OP_GRANT_TRIGGER = 81; // ref, ability   until end of turn, ref has the triggered ability `ability` (613.1f)
export const OP_RETURN_COUNTERS = 82; // ref, RET_* flags, counter kind, amount   return to the battlefield with counters (614.1c)
export const OP_CHOOSE_DISCARD = 83; // playerRef, filter   that player reveals their hand; you choose a card matching filter; they discard it
export const OP_KEEP_ONE_OF_EACH_TYPE = 84; // playerRef   each chooses a permanent they control of each permanent type, then sacrifices the rest
export const OP_LOOK_TOP_KEEP = 85; // count, filter   look at the top N cards of your library; you may put one matching filter
//   back on top; the rest go into your graveyard
export const OP_REVEAL_UNTIL = 100; // filter, dest ZONE_*   reveal from the top until a card matching filter; it goes to dest, the rest to the bottom in a random order (701.20)
export const OP_REVEAL_PUT = 101; // amount n, filter, mv amount   reveal the top n; put any number matching filter with mana value <= mv onto the battlefield, the rest into the graveyard
export const OP_DISTRIBUTE_COUNTERS = 102; // ref (one slot of a multi-target spec), counter kind, total   601.2d: the n chosen targets share total, earlier targets getting the larger shares
export const OP_PREVENT_COMBAT_DAMAGE = 60; // ref   prevent all combat damage that would be dealt to it this turn (615)
// ref (card in a graveyard), +1/+1 counters, keyword bits, subtype bits (SUB_* LO word): return it to
// the battlefield under its owner's control with that many +1/+1 counters; it has those keywords and
// subtypes in addition (layers 4 and 6) for as long as it stays there, already as it enters (614.12)
export const OP_RETURN_TRANSFORMED = 61;
export const OP_ADD_MANA_RESTRICTED = 62; // colors, amount, filter   mana spendable only on spells whose card matches filter's types/subtypes
// ref, subtype bits (SUB_* LO), subtype bits (SUB_HI_*)   it becomes those subtypes in addition to its other
// types (layer 4, EF_ADD_TYPES) for as long as it stays on the battlefield (no duration stated, 611.2a)
export const OP_ADD_SUBTYPES = 63;
export const OP_ANIMATE = 110; // ref, power, toughness, keyword bits   it becomes a P/T creature with those keywords and all creature types, still a land, while it stays on the battlefield (611.2a, 613.1d)
export const OP_COPY_SPELL = 111; // ref (a spell), amount   put that many copies on the stack; the controller may choose new targets (707.10)
export const OP_REMOVE_COUNTER = 112; // counter kind (a named counter), skip   remove one from the source; if you can't, skip the next `skip` words
// ref, subtypes (SUB_* LO), subtypes (SUB_HI_*), power, toughness (PT_STAR: unchanged), keyword bits
//   "it becomes a [p/t] <subtypes> and gains <keywords>": its creature types are replaced (205.1a, layer 4), its base
//   P/T set (layer 7b), the keywords added (layer 6), for as long as it stays on the battlefield (no duration, 611.2a)
export const OP_BECOME = 130;
// ref, ability, duration (DUR_END_OF_TURN, or DUR_PERMANENT: while it stays on the battlefield)   OP_GRANT_TRIGGER with a duration
export const OP_GRANT_TRIGGER_DUR = 131;
export const OP_REVEAL_UNTIL_MILL = 120; // playerRef, filter   each of those players reveals cards from the top of their library until a card matching
export const OP_EXILE_WITH_COUNTER = 125; // ref, counter kind   exile that card from the graveyard it is in with one such counter on it ("it" is the exiled card)
//   filter; all the revealed cards (that one included; the whole library if none matches) go into their graveyard

export const TOKF_TAPPED = 1 << 0;
export const TOKF_ATTACKING = 1 << 1;
// Exceptions a token is created with (707.9b: for copies they become copiable values). Stored on
// the object; a copy of the token keeps them.
export const TOKF_HASTE_SAC_END = 1 << 4; // has haste and "At the beginning of the end step, sacrifice this token."
export const TOKF_NIGHTMARE = 1 << 5; // "except it's a Nightmare in addition to its other types" (SUB_HI_NIGHTMARE)

export const SRCH_OPTIONAL = 1 << 0; // "you may search" / "up to"
export const SRCH_TAPPED = 1 << 1; // put onto the battlefield tapped
export const SRCH_TOP = 1 << 2; // shuffle and put that card on top

// OP_MAY_PLAY flags. The permission lasts until the end of this turn unless PLAY_NEXT_TURN.
export const PLAY_NEXT_TURN = 1 << 0; // "until the end of your next turn"
export const PLAY_FREE = 1 << 1; // "without paying its mana cost" (X is 0; additional costs are still paid)
export const PLAY_ANY_MANA = 1 << 2; // "mana of any type can be spent to cast it"
export const PLAY_CAST_ONLY = 1 << 3; // "you may cast it": not a land play
export const PLAY_NOW = 1 << 4; // cast it now: right after this ability resolves, ignoring timing; then the permission ends (Etali)
// Set by static permissions only (playPermission in cast.ts), never by OP_MAY_PLAY:
export const PLAY_GRAVETIDE = 1 << 9; // played with an ST_PLAY_GY_BY_TYPE static (Muldrotha): uses one of its permanent types this turn
export const PLAY_REMOVE_COUNTERS = 1 << 10; // cast with ST_GY_CAST_REMOVE_COUNTERS (Quilled Greatwurm): the counter removal is an additional cost

export const RET_TAPPED = 1 << 0;
export const RET_UNDER_YOUR_CONTROL = 1 << 1;
export const RET_UNDER_OWNER = 1 << 5; // says "under its owner's control" (what returning does anyway)

// ---- static descriptors (ABK_STATIC code) ----
// A static ability's code is a list of descriptors ending with OP_END; each applies while the
// source is on the battlefield and its condition (AB_CONDITION) holds.
export const ST_PT = 1; // filter, power amount, toughness amount   (layer 7c)
export const ST_KW = 2; // filter, keyword bits   (layer 6)
export const ST_COST_REDUCE = 3; // filter (spells you cast), generic amount
export const ST_EXTRA_LAND = 4; // count: you may play that many additional lands each turn
export const ST_NO_MAX_HAND = 5; //
export const ST_SET_BASE_PT = 6; // filter, power, toughness  (layer 7b)
export const ST_LOSE_ALL_ABILITIES = 7; // filter  (layer 6): keywords, and every ability of its card
export const ST_PLAYER_HEXPROOF = 8; // you have hexproof
export const ST_CAST_AS_FLASH = 35; // you may cast spells as though they had flash (601.3b)
export const ST_CAST_FREE_FROM_HAND = 36; // you may cast spells from your hand without paying their mana costs (118.9)
export const ST_SET_TYPES = 37; // filter, card types, subtypes (SUB_* LO), subtypes (SUB_HI_*), colors   "is a <colors> <subtypes> <types>": replaces
//                                 card types and subtypes, keeps supertypes (layer 4, 205.1a), sets colors (layer 5)
export const ST_TAP_FOR_C = 38; // filter   has "{T}: Add {C}." (layer 6)
export const ST_ADD_SUBTYPES = 30; // filter, subtype bits (SUB_* LO), subtype bits (SUB_HI_*)   "is a Knight in addition to its other types" (layer 4)
export const ST_CANT_LOSE = 31; // you can't lose the game and your opponents can't win the game (104.3)
// filter, counter kind, amount   each matching permanent enters with that many more counters of
// that kind (614.1c). The amount is counted with the entering permanent as its source, so "other"
// means "already there"; the entering permanent's own static applies to it when the filter says
// FF_SELF ("this creature enters with ..."; AB_CONDITION: e.g. COND_WAS_CAST)
export const ST_ETB_COUNTERS = 32;
export const ST_ALT_COST = 41; // mana word A, mana word B   you may pay this rather than the mana cost while AB_CONDITION holds (118.9)
export const ST_GRANT_MANA = 50; // filter, color bitmask, amount   matching permanents have "{T}: Add <amount> mana of any one of these colors"
export const ST_GRANT_ABILITY = 55; // ability index within this card   the object this is attached to has that ABK_GRANTED ability
// filter, name id   matching permanents have that name (Witness Protection: "named Legitimate Businessperson"); the
//   legend rule (704.5j) and "named X" filters (F_NAME) compare these names. A name id is a card index (that card's name)
//   or NAME_GIVEN | the index of the card whose text gives the name (the host's CardFacts.givenName)
export const ST_SET_NAME = 24;
export const NAME_GIVEN = 1 << 20;
export const ST_CDA_PT = 25; // power amount, toughness amount   characteristic-defining P/T of the source itself (604.3, 613.4a): works in
//   every zone; printed P/T is PT_STAR
export const ST_PLAY_STASHED = 20; //   during your turn you may play cards you don't own with stash counters (named counters) on them from exile, and
//   mana of any type can be spent to cast those spells (Tinybones; a permission checked by playPermission in cast.ts)
export const ST_PLAY_GY_BY_TYPE = 21; //   during each of your turns you may play a land and cast a permanent spell of each permanent type from your graveyard
//   (Muldrotha): each such static object remembers the types used this turn (Obj.gtUsed)
export const ST_GY_CAST_REMOVE_COUNTERS = 22; // n   (AB_ZONE graveyard) you may cast this card from your graveyard by removing n counters from among
//   creatures you control in addition to paying its other costs (Quilled Greatwurm; DK_REMOVE_COUNTER)

// ---- replacement descriptors (ABK_REPLACEMENT code) ----
export const RP_DOUBLE_TOKENS = 1; // tokens created under your control are doubled (614.1)
export const RP_DOUBLE_COUNTERS = 2; // counters put on permanents you control are doubled
export const RP_OPP_CREATURES_ENTER_TAPPED = 3;
export const RP_DOUBLE_DAMAGE_TO_OPP = 4; // damage a source you control would deal to an opponent or a permanent an opponent controls is doubled (614.1a)
export const RP_PREVENT_NONCOMBAT_TO_OTHERS = 5; // prevent all noncombat damage that would be dealt to other creatures you control (615)
export const RP_CHOOSE_COLOR = 55; // as this enters, its controller chooses a color (614.12)
export const RP_CHOOSE_TYPE = 56; // as this enters, its controller chooses a creature type (614.12)
export const RP_SHUFFLE_INSTEAD_OF_GRAVEYARD = 57; // if this card would be put into a graveyard from anywhere, shuffle it into its owner's library instead

// ---- decisions ----
export const DK_NONE = 0;
export const DK_MULLIGAN = 1; // options: 0 keep, 1 mulligan
export const DK_BOTTOM = 2; // options: object ids (put one on the bottom)
export const DK_PRIORITY = 3; // options: 0 pass, else action codes (ACT_*)
export const DK_TARGET = 4; // options: object id, or PLAYER_CODE + player; -1 = no more targets
export const DK_MODE = 5; // options: mode index
export const DK_X = 6; // options: X values
export const DK_ATTACK = 7; // options: -1 done, else attacker id | (attack target code << 16)
export const DK_BLOCK = 8; // options: -1 done, else blocker id | (attacker id << 16)
export const DK_DAMAGE = 9; // options: recipient (object id or PLAYER_CODE + player)
export const DK_TRIGGER_ORDER = 10; // options: pending trigger index to put on the stack next
export const DK_DISCARD = 11; // options: object ids
export const DK_SEARCH = 12; // options: object ids, -1 = find nothing
export const DK_SCRY = 13; // options: 0 keep on top, 1 bottom (for the card in the decision context)
export const DK_MAY = 14; // options: 0 no, 1 yes
export const DK_SACRIFICE = 15; // options: object ids
export const DK_SURVEIL = 17; // options: 0 keep on top, 1 graveyard
export const DK_KICKER = 18; // options: 0 no, 1 pay kicker
export const DK_CHOOSE = 19; // options: object ids (choose a card, e.g. from the top of the library)
export const DK_REMOVE_COUNTER = 20; // options: object id | counter kind (CTR_P1P1..CTR_OTHER) << 16: remove one such counter from that creature (a cost)
export const DK_TOP_OR_BOTTOM = 35; // the owner of the card in the decision context: 0 top of library, 1 bottom
export const DK_PILE_SPLIT = 36; // options: bitmask of the looked-at cards (bit k = k-th from the top) put in the face-down pile (context: how many)
export const DK_ATTACH = 38; // options: object ids: what an Aura put onto the battlefield without being cast enchants (303.4f; context: the Aura)
export const DK_PILE_PICK = 37; // options: 0 the face-down pile, 1 the face-up pile (context: face-down bitmask | how many << 8)
export const DK_DIVIDE = 45; // options: damage (1..) assigned to the target in the decision context (601.2d)
export const DK_CAST_NOW = 46; // options: ACT_PASS (done) or ACT_CAST | object: cast a spell with a PLAY_NOW permission
export const DK_PAY_COST = 40; // options: -1 don't pay, else the card to discard or the permanent to sacrifice
//   (a life payment asks DK_MAY instead)
export const DK_CHOOSE_COLOR = 55; // options: COLOR_W..COLOR_G
export const DK_CHOOSE_TYPE = 56; // options: SUB_* bit index of a creature type
export const DK_TAP_COST = 57; // options: object ids (an untapped permanent to tap for a cost)

export const PLAYER_CODE = 0x4000; // target/recipient code for player p is PLAYER_CODE + p

// priority action codes: kind << 24 | ability index (within card) << 16 | object id
export const ACT_PASS = 0;
export const ACT_PLAY_LAND = 1 << 24;
export const ACT_CAST = 2 << 24;
export const ACT_ACTIVATE = 3 << 24;
export const ACT_CAST_FLASHBACK = 4 << 24;
export const ACT_CAST_FREE = 11 << 24; // cast from hand without paying its mana cost (118.9)
export const ACT_CAST_ALT = 12 << 24; // cast from hand for the alternative cost of ST_ALT_COST
export const ACT_ACTIVATE_GRANTED = 15 << 24; // ability index (within the granting card) << 16 | granting object id
export const ACT_KIND_MASK = 0xff << 24;

// ---- game end reasons ----
export const END_NONE = 0;
export const END_LIFE = 1; // 704.5a
export const END_EMPTY_LIBRARY = 2; // 704.5b
export const END_TURN_CAP = 3; // draw
export const END_ACTION_CAP = 4; // draw
export const END_ENGINE_LIMIT = 5; // draw: a table in the state is full
export const END_BOTH_LOST = 6; // draw: both players lost at once (104.4a)
export const END_CONCEDE = 7;
// which table was full when a game ended with END_ENGINE_LIMIT (gameEndDetail)
export const LIMIT_OBJECTS = 1;
export const LIMIT_STACK = 2;
export const LIMIT_PENDING = 3;
export const LIMIT_EFFECTS = 4;
export const LIMIT_LIBRARY = 5;
