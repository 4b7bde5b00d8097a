import { isIP } from 'node:net';
import type { Entry, Source, SourceKind } from './schema';

// Checks of what the knowledge claims and what it rests on, run by the one validation path after the
// schema checks. Each rule is named and pure: it is given a record (and what it needs to know about
// the rest of the base) and returns what a moderator should look at, as warnings. They warn rather
// than fail, because a moderator may need a day to find a better source, and the bot should keep
// serving meanwhile.

/** One thing to look at in a record: the field (if any) and what to do, in a moderator's words. */
export type Finding = { field?: string; message: string };

export type RuleContext = {
  /** Today's date, YYYY-MM-DD (UTC), from the injectable clock: date rules compare against it. */
  today: string;
  sources: ReadonlyMap<string, Source>;
};

/** Kinds that can support an entry on their own (issue 11: primary or reputable secondary). */
export const SUPPORTING_KINDS: ReadonlySet<SourceKind> = new Set(['official', 'press', 'analysis']);
/** Kinds that only copy or collect someone else's words, so a quote cannot rest on them alone. */
export const COPY_KINDS: ReadonlySet<SourceKind> = new Set(['reprint', 'reference']);
/** Words that describe a plan; once its date has passed the entry should say what happened. */
export const PLAN_WORDS = ['scheduled', 'planned', 'will be held', 'is to'] as const;

const PLAN_PATTERN = new RegExp(`\\b(${PLAN_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');

/** The UTC calendar day of a moment, YYYY-MM-DD. */
export function dayOf(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** First and last day a YYYY, YYYY-MM or YYYY-MM-DD date can mean. */
export function dayRange(date: string): { first: string; last: string } {
  const [y, m, d] = date.split('-');
  if (m === undefined) return { first: `${y}-01-01`, last: `${y}-12-31` };
  if (d === undefined) {
    const days = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(days).padStart(2, '0')}` };
  }
  return { first: date, last: date };
}

/**
 * The source an entry's words are attributed to instead of being stated as established: a fact's
 * `reported_by` ("<outlet> reported that …") or a quote's `quoted_in` ("as quoted in <outlet>").
 */
export function attributedTo(entry: Entry): string | undefined {
  return entry.kind === 'fact' ? entry.reported_by : entry.quoted_in;
}

/**
 * An entry with no official, press or analysis source rests on copies, references or state media only.
 * One that says so (attributed: shown as reported or as quoted, see attributedTo) is not stated as
 * fact, so it is counted in kb:check's summary instead of warned on.
 */
export function entryWithoutSupportingSource(entry: Entry, ctx: RuleContext): Finding[] {
  if (attributedTo(entry) !== undefined) return [];
  const kinds = entry.sources.map((id) => ctx.sources.get(id)?.kind);
  if (kinds.some((kind) => kind !== undefined && SUPPORTING_KINDS.has(kind))) return [];
  return [
    {
      field: 'sources',
      message: `no official, press or analysis source supports this ${entry.kind} (its sources are: ${kinds.map((k) => k ?? 'unknown').join(', ')}): cite a government, wire, newspaper or think-tank page that says it, or write it as "<outlet> reported that …"`,
    },
  ];
}

/**
 * A quote whose every source is a reprint or a reference copy: the words are not checked against an
 * original. A quote marked `quoted_in` is shown as the outlet printed it, not as verified words.
 */
export function quoteOnCopiesOnly(entry: Entry, ctx: RuleContext): Finding[] {
  if (entry.kind !== 'quote' || entry.quoted_in !== undefined) return [];
  const kinds = entry.sources.map((id) => ctx.sources.get(id)?.kind);
  if (!kinds.every((kind) => kind !== undefined && COPY_KINDS.has(kind))) return [];
  return [
    {
      field: 'sources',
      message: 'the only sources of this quote are reprints or reference copies: cite the original (the outlet or the record of the event) so the words can be checked',
    },
  ];
}

/**
 * The names a source's outlet goes by, for finding it in a text: its publisher and reprint_of, each also
 * without a parenthesised remark and without a leading "Reprint of", and what the parentheses hold
 * ("Defense News (Wendell Minnick)" → "Defense News", "Wendell Minnick").
 */
export function outletNames(source: Source): string[] {
  const names = new Set<string>();
  for (const whole of [source.publisher, source.reprint_of]) {
    if (whole === undefined) continue;
    for (const part of [whole, whole.replace(/\([^)]*\)/g, ' '), ...[...whole.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!)]) {
      const name = part.replace(/^\s*(reprint|summary) of\s+/i, '').replace(/\s+/g, ' ').trim();
      if (name.length > 1) names.add(name);
    }
  }
  return [...names];
}

/**
 * A fact shown as reported whose text does not name the outlet: a reader would take it for
 * established fact. (A `reported_by` that is not one of the fact's sources is an error of the validation.)
 */
export function reportNotNamingOutlet(entry: Entry, ctx: RuleContext): Finding[] {
  if (entry.kind !== 'fact' || entry.reported_by === undefined || !entry.sources.includes(entry.reported_by)) return [];
  const source = ctx.sources.get(entry.reported_by);
  if (source === undefined) return [];
  const text = entry.text.toLowerCase();
  if (outletNames(source).some((name) => text.includes(name.toLowerCase()))) return [];
  return [
    {
      field: 'text',
      message: `the fact is shown as reported by "${source.publisher}" (reported_by), but its text does not name that outlet: write it as "${source.reprint_of ?? source.publisher} reported that …"`,
    },
  ];
}

/** A date after today is a typing mistake or a plan written as a fact. */
export function dateAfterToday(entry: Entry, ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const fields: Array<['date' | 'end_date', string | undefined]> = [
    ['date', entry.date],
    ['end_date', entry.kind === 'fact' ? entry.end_date : undefined],
  ];
  for (const [field, value] of fields) {
    if (value !== undefined && dayRange(value).first > ctx.today) {
      findings.push({ field, message: `${field} ${value} is after today (${ctx.today}): check the date` });
    }
  }
  return findings;
}

/** A source published after today. */
export function sourcePublishedAfterToday(source: Source, ctx: RuleContext): Finding[] {
  if (source.published === undefined || dayRange(source.published).first <= ctx.today) return [];
  return [{ field: 'published', message: `published ${source.published} is after today (${ctx.today}): check the date` }];
}

/** A fact that describes a plan ("scheduled", "planned", "will be held", "is to") whose date has passed. */
export function pastPlan(entry: Entry, ctx: RuleContext): Finding[] {
  if (entry.kind !== 'fact') return [];
  const when = entry.end_date ?? entry.date;
  const match = PLAN_PATTERN.exec(entry.text);
  if (when === undefined || match === null || dayRange(when).last >= ctx.today) return [];
  return [
    {
      field: 'text',
      message: `the text says "${match[1]}" but its date (${when}) has passed: say what happened (or that it is not known whether it happened)`,
    },
  ];
}

/** A source address whose host ends in "." or is a bare IP address: a broken or untrustworthy link. */
export function brokenHost(source: Source): Finding[] {
  const findings: Finding[] = [];
  for (const field of ['url', 'archive_url'] as const) {
    const value = source[field];
    if (value === undefined) continue;
    const host = new URL(value).hostname;
    if (host.endsWith('.')) findings.push({ field, message: `the address's host "${host}" ends in ".": remove the trailing dot` });
    else if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) {
      findings.push({ field, message: `the address is a bare IP address (${host}): cite the publisher's own site instead` });
    }
  }
  return findings;
}

/** A reprint that does not say whose story it copies. */
export function reprintWithoutOriginal(source: Source): Finding[] {
  if (source.kind !== 'reprint' || source.reprint_of !== undefined) return [];
  return [{ field: 'kind', message: 'a reprint should name the outlet it copies in `reprint_of` (e.g. "Associated Press")' }];
}

/** A named check: `id` tags its warnings, `label` says in kb:check's summary what it counts. */
export type Rule<T> = { id: string; label: string; check: (record: T, ctx: RuleContext) => Finding[] };

export const ENTRY_RULES: readonly Rule<Entry>[] = [
  { id: 'no-supporting-source', label: 'entries without an official, press or analysis source', check: entryWithoutSupportingSource },
  { id: 'quote-on-copies', label: 'quotes resting only on reprints or references', check: quoteOnCopiesOnly },
  { id: 'report-without-outlet', label: 'facts shown as reported whose text does not name the outlet', check: reportNotNamingOutlet },
  { id: 'date-after-today', label: 'entry dates after today', check: dateAfterToday },
  { id: 'past-plan', label: 'plans whose date has passed', check: pastPlan },
];
export const SOURCE_RULES: readonly Rule<Source>[] = [
  { id: 'reprint-without-original', label: 'reprints not naming the original', check: reprintWithoutOriginal },
  { id: 'broken-host', label: 'addresses with a broken host (trailing dot or bare IP)', check: brokenHost },
  { id: 'published-after-today', label: 'sources published after today', check: sourcePublishedAfterToday },
];
/** The cross-record check, named like the others for the summary. */
export const NAME_RULE = { id: 'name-two-ways', label: 'names written two ways' } as const;
/** What a rule found, and on which record. */
export type RuleFinding = { rule: string; finding: Finding } & ({ entry: Entry; source?: undefined } | { source: Source; entry?: undefined });

/**
 * Every rule run over the whole base, in rule order: the validation path turns these into warnings at
 * the record's place; kb:check counts them per rule (the warnings it prints are capped, these are not).
 */
export function* ruleFindings(entries: readonly Entry[], sources: readonly Source[], today: string): Generator<RuleFinding> {
  const ctx: RuleContext = { today, sources: new Map(sources.map((s) => [s.id, s])) };
  for (const entry of entries) for (const rule of ENTRY_RULES) for (const finding of rule.check(entry, ctx)) yield { rule: rule.id, finding, entry };
  for (const source of sources) for (const rule of SOURCE_RULES) for (const finding of rule.check(source, ctx)) yield { rule: rule.id, finding, source };
  for (const { use, finding } of nameSpelledTwoWays(namesUsed(entries))) yield { rule: NAME_RULE.id, finding, entry: use.entry };
}

/** How many findings each rule has, every rule listed (zeros included), in RULE_LABELS order. */
export function countRuleFindings(findings: Iterable<RuleFinding>): Array<{ id: string; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return RULE_LABELS.map(({ id, label }) => ({ id, label, count: counts.get(id) ?? 0 }));
}

/** Every rule's id and label, in the order kb:check prints them. */
export const RULE_LABELS: ReadonlyArray<{ id: string; label: string }> = [...ENTRY_RULES, ...SOURCE_RULES, NAME_RULE].map(({ id, label }) => ({ id, label }));

const TITLES = new Set(['gen', 'adm', 'lt', 'col', 'maj', 'capt', 'cmdr', 'brig', 'vice', 'rear', 'dr', 'mr', 'mrs', 'ms', 'sen', 'rep', 'gov', 'amb']);

/** A name without the rank or title written before it ("Adm. Dong Jun" → "Dong Jun"): ranks change, the person does not. */
export function withoutTitles(name: string): string {
  const words = name.trim().split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && TITLES.has(words[i]!.toLowerCase().replace(/\.$/, ''))) i += 1;
  return words.slice(i).join(' ');
}

/** The key two spellings of one person share: lower case, without punctuation, initials, titles or "Jr."/"III". */
export function personKey(name: string): string {
  return withoutTitles(name)
    .toLowerCase()
    .replace(/\bu\.s\.?/g, 'us') // "U.S." is a word, not two initials
    .replace(/[.,]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 1 && !['jr', 'sr', 'ii', 'iii', 'iv'].includes(word))
    .join(' ');
}

/** A person named in a quote's `speaker` or a fact's `involved`, and where. */
export type NameUse = { name: string; entry: Entry; field: string };

export function namesUsed(entries: readonly Entry[]): NameUse[] {
  return entries.flatMap((entry): NameUse[] =>
    entry.kind === 'quote'
      ? [{ name: entry.speaker, entry, field: 'speaker' }]
      : (entry.involved ?? []).map((name, i) => ({ name, entry, field: `involved[${i}]` })),
  );
}

/**
 * Names written differently from an earlier use by the same person ("Robert Gates" / "Robert M. Gates"),
 * so a reply or a search for one spelling is not missing the other. A different rank is not a
 * different spelling.
 */
export function nameSpelledTwoWays(uses: readonly NameUse[]): Array<{ use: NameUse; finding: Finding }> {
  const first = new Map<string, NameUse>();
  const found: Array<{ use: NameUse; finding: Finding }> = [];
  // A person is named many times over: each spelling is reduced once.
  const keys = new Map<string, string>();
  const bare = new Map<string, string>();
  const once = (cache: Map<string, string>, name: string, reduce: (name: string) => string) => {
    let value = cache.get(name);
    if (value === undefined) cache.set(name, (value = reduce(name)));
    return value;
  };
  for (const use of uses) {
    const key = once(keys, use.name, personKey);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, use);
    else if (once(bare, seen.name, withoutTitles) !== once(bare, use.name, withoutTitles)) {
      const at = `${seen.entry.origin.file}:${seen.entry.origin.line}`;
      found.push({ use, finding: { field: use.field, message: `"${use.name}" is written "${seen.name}" at ${at} ("${seen.entry.id}"): write the name the same way everywhere` } });
    }
  }
  return found;
}
