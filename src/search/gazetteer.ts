import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// Countries and their names from a maintained gazetteer (npm world-countries): common and official names (also
// without their state form: "Republic of Turkey" is "Turkey"),
// other spellings and demonyms ("Vietnam", "Socialist Republic of Vietnam", "Viet Nam", "Vietnamese"). A
// question naming a country the knowledge never mentions is then known to be about something the base
// does not cover, without a hand-kept list of countries.

// The package's ESM entry re-exports a JSON file without an import attribute, which Node 20 refuses; its
// CommonJS entry loads the same file.
const countries = createRequire(import.meta.url)('world-countries') as Country[];

/** Places the gazetteer does not count as independent that people still name as sides of a line. */
const ALSO = new Set(['TWN', 'PSE', 'XKX', 'HKG', 'MAC']);
/** Plain ASCII spellings only: the base and its users write English. */
const PLAIN = /^[A-Za-z .'\u2019-]+$/;

/** One country's names, lower case: what a question may call it. */
export type CountryNames = { code: string; name: string; names: string[]; capitals: string[] };

/** A state's form before its name: "Republic of Turkey" is also called "Turkey". */
const STATE_FORM =
  /^(?:the )?(?:[\w']+ )*?(?:republic|kingdom|state|commonwealth|federation|principality|sultanate|emirate|duchy|union|confederation) of (?:the )?/;

const listed = countries
  .filter((c) => c.independent || ALSO.has(c.cca3))
  .map((c) => {
    const demonyms = c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a !== c.cca2), ...demonyms].filter((n) => n && PLAIN.test(n));
    return { c, names: [...new Set(names.map((n) => n.toLowerCase()))] };
  });
// Each name with its state form taken off ("republic of turkey" → "turkey"), where no other country goes by it:
// "Republic of Korea" and "Democratic People's Republic of Korea" would both be "korea", and "Republic of China" is
// not "china".
const owners = new Map<string, Set<string>>();
for (const { c, names } of listed)
  for (const n of names) for (const name of [n, n.replace(STATE_FORM, '')]) owners.set(name, (owners.get(name) ?? new Set()).add(c.cca3));

/** The countries, each with every name it goes by; two-letter codes ("IN", "NO") are left out, being words. */
export const COUNTRIES: readonly CountryNames[] = listed.map(({ c, names }) => {
  const bare = names.map((n) => n.replace(STATE_FORM, '')).filter((n) => n && owners.get(n)!.size === 1);
  return {
    code: c.cca3,
    name: c.name.common,
    names: [...new Set([...names, ...bare])],
    capitals: (c.capital ?? []).filter((n) => PLAIN.test(n)),
  };
});
