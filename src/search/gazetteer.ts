import { createRequire } from 'node:module';
import type { Country } from 'world-countries';

// Countries and their names from a maintained gazetteer (npm world-countries): common and official names,
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

/** The countries, each with every name it goes by; two-letter codes ("IN", "NO") are left out, being words. */
export const COUNTRIES: readonly CountryNames[] = countries
  .filter((c) => c.independent || ALSO.has(c.cca3))
  .map((c) => {
    const demonyms = c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [];
    const names = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => a !== c.cca2), ...demonyms].filter((n) => n && PLAIN.test(n));
    return {
      code: c.cca3,
      name: c.name.common,
      names: [...new Set(names.map((n) => n.toLowerCase()))],
      capitals: (c.capital ?? []).filter((n) => PLAIN.test(n)),
    };
  });
