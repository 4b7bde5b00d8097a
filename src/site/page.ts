import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../knowledge/base';
import type { Entry, Source } from '../knowledge/schema';
import { SUPPORTING_KINDS } from '../knowledge/source-rules';
import { attr, href, text } from './html';

// `npm run kb:site`: the whole knowledge base as one static HTML page, for reviewing before a
// release. Self-contained (inline style and script, no fonts, images or network), searchable in the
// page, and safe to open whatever the knowledge says: every knowledge string is escaped, and the
// page's Content-Security-Policy lets only its own inline script (by hash) run.

export type PageOptions = { generatedAt: Date };

const STYLE = `
:root { color-scheme: light dark; --muted: #667; --line: #ccd; --weak: #b45309; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }
header { position: sticky; top: 0; background: Canvas; padding: .5rem 0; border-bottom: 1px solid var(--line); }
input[type=search] { width: 100%; font: inherit; padding: .4rem; box-sizing: border-box; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); }
.entry { border-left: 3px solid var(--line); margin: 1rem 0; padding: .2rem .8rem; }
.entry[hidden], section[hidden] { display: none; }
.meta, .sources, .count { color: var(--muted); font-size: .9em; }
.kind { display: inline-block; border: 1px solid var(--line); border-radius: .3rem; padding: 0 .3rem; font-size: .8em; }
.weak { color: var(--weak); }
blockquote { margin: .3rem 0; font-style: italic; }
code { font-size: .9em; }
`;

// Filters entries by every word typed (case- and accent-insensitive), hides empty topics, shows counts.
const SCRIPT = `
const fold = (s) => s.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase();
const box = document.getElementById('search');
const entries = [...document.querySelectorAll('.entry')].map((el) => ({ el, text: fold(el.textContent) }));
const count = document.getElementById('count');
function filter() {
  const words = fold(box.value).split(/\\s+/).filter(Boolean);
  let shown = 0;
  for (const e of entries) {
    const hit = words.every((w) => e.text.includes(w));
    e.el.hidden = !hit;
    if (hit) shown++;
  }
  for (const section of document.querySelectorAll('section.topic')) section.hidden = !section.querySelector('.entry:not([hidden])');
  count.textContent = shown + ' of ' + entries.length + ' entries';
}
box.addEventListener('input', filter);
filter();
`;

const KIND_NAMES: Record<string, string> = {
  official: 'official',
  press: 'press',
  analysis: 'analysis',
  reference: 'reference',
  'state-media': 'state media',
  reprint: 'reprint',
};

function sourceItem(source: Source | undefined, id: string): string {
  if (!source) return `<li><code>${text(id)}</code> (missing)</li>`;
  const link = href(source.url);
  const title = link ? `<a href="${link}" target="_blank" rel="noopener noreferrer">${text(source.title)}</a>` : text(source.title);
  const archive = href(source.archive_url);
  const kind = source.kind ? KIND_NAMES[source.kind]! : 'kind not set';
  return [
    `<li data-source="${attr(source.id)}">`,
    `<span class="kind${source.kind && SUPPORTING_KINDS.has(source.kind) ? '' : ' weak'}">${text(kind)}</span> `,
    title,
    ` — ${text(source.publisher)}${source.published ? `, ${text(source.published)}` : ''}`,
    source.reprint_of ? ` (reprint of ${text(source.reprint_of)})` : '',
    archive ? ` · <a href="${archive}" target="_blank" rel="noopener noreferrer">archived copy</a>` : '',
    ` <code>${text(source.id)}</code>`,
    source.note ? `<br><small>${text(source.note)}</small>` : '',
    '</li>',
  ].join('');
}

function entryDate(entry: Entry): string {
  if (!entry.date) return 'undated';
  return entry.kind === 'fact' && entry.end_date ? `${entry.date} – ${entry.end_date}` : entry.date;
}

function entryItem(entry: Entry, base: KnowledgeBase): string {
  const sources = entry.sources.map((id) => base.sources.get(id));
  const weak = !sources.some((s) => s?.kind !== undefined && SUPPORTING_KINDS.has(s.kind));
  const body =
    entry.kind === 'quote'
      ? `<blockquote>${text(entry.text)}</blockquote><div>— <strong>${text(entry.speaker)}</strong>${entry.role ? `, ${text(entry.role)}` : ''}. <em>${text(entry.context)}</em></div>`
      : `<p>${text(entry.text)}</p>`;
  const topics = entry.topics.map((t) => text(base.topics.get(t)?.name ?? t)).join(' · ');
  return [
    `<article class="entry" id="${attr(`entry-${entry.id}`)}" data-id="${attr(entry.id)}">`,
    `<div class="meta"><strong>${text(entryDate(entry))}</strong> · ${entry.kind} <code>${text(entry.id)}</code> · ${topics} · <code>${text(entry.origin.file)}:${entry.origin.line}</code>`,
    weak ? ' · <span class="weak">no official, press or analysis source</span>' : '',
    '</div>',
    body,
    entry.note ? `<p class="meta">Note: ${text(entry.note)}</p>` : '',
    entry.questions?.length ? `<p class="meta">Questions: ${entry.questions.map((q) => `“${text(q)}”`).join(' · ')}</p>` : '',
    `<ul class="sources">${entry.sources.map((id, i) => sourceItem(sources[i], id)).join('')}</ul>`,
    '</article>',
  ].join('');
}

/** Oldest first; undated entries after the dated ones, in file order. */
function byDate(a: Entry, b: Entry): number {
  if (a.date && b.date) return a.date.localeCompare(b.date);
  return a.date ? -1 : b.date ? 1 : 0;
}

export function knowledgePage(base: KnowledgeBase, options: PageOptions): string {
  // Each entry is listed once, under its first topic; its other topics are named in its line.
  const sections = [...base.topics.values()]
    .map((topic) => ({ topic, entries: base.entries.filter((e) => e.topics[0] === topic.id).sort(byDate) }))
    .filter((s) => s.entries.length > 0);
  const kinds = new Map<string, number>();
  for (const s of base.sources.values()) kinds.set(s.kind ?? 'kind not set', (kinds.get(s.kind ?? 'kind not set') ?? 0) + 1);
  const kindLine = [...kinds]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${n} ${text(KIND_NAMES[k] ?? k)}`)
    .join(', ');
  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  const facts = base.entries.filter((e) => e.kind === 'fact').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>Hotline knowledge base</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Hotline knowledge base</h1>
<p class="count">${facts} facts, ${base.entries.length - facts} quotes, ${base.sources.size} sources (${kindLine}) in ${base.files.length} files · sources up to ${text(base.asOf ?? 'undated')} · page written ${text(options.generatedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</p>
<label for="search">Search entries</label>
<input id="search" type="search" placeholder="Words from the text, a speaker, a source, an id…" autocomplete="off">
<p class="count" id="count" aria-live="polite"></p>
</header>
<main>
${sections
  .map(
    ({ topic, entries }) => `<section class="topic" id="${attr(`topic-${topic.id}`)}">
<h2>${text(topic.name)} <span class="count">(${entries.length})</span></h2>
${topic.description ? `<p class="meta">${text(topic.description)}</p>` : ''}
${entries.map((e) => entryItem(e, base)).join('\n')}
</section>`,
  )
  .join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
