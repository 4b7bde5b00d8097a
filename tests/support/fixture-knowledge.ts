// A small, clearly fictional knowledge base for bot tests ("Exampleland" and "Sampleland" do not
// exist; every URL is on example.org). Real content lives in knowledge/ and is tested there.

export const TOPICS = `topics:
  - id: exampleland-link
    name: Exampleland–Sampleland link
    description: The fictional test hotline between Exampleland and Sampleland.
  - id: test-talks
    name: Test talks
`;

export const SOURCES = `sources:
  - id: example-gazette
    kind: press
    title: Example Gazette report on the link
    publisher: Example Gazette
    published: 2001-05-02
    url: https://example.org/gazette/link
  - id: example-archive
    kind: official
    title: Example Archive memo
    publisher: Example Archive
    published: 2003
    url: https://example.org/archive/memo
    archive_url: https://example.org/archive/memo-copy
`;

export const FACTS = `facts:
  - id: link-agreed
    text: Exampleland and Sampleland agreed to open a direct defence telephone link in the spring of 2001.
    date: 2001-04-30
    topics: [exampleland-link]
    sources: [example-gazette]
    questions:
      - When was the Exampleland link agreed?
    keywords: [telephone link, hotline]
  - id: link-tested
    text: The Exampleland link carried its first test call in 2002. Both sides checked it every month afterwards.
    date: 2002
    topics: [exampleland-link]
    sources: [example-gazette, example-archive]
    questions:
      - When was the Exampleland link first tested?
  - id: talks-yearly
    text: Test talks between the two defence ministries were held every year from 2003.
    date: 2003
    topics: [test-talks]
    sources: [example-archive]
    questions:
      - How often were the test talks held?
`;

export const QUOTES = `quotes:
  - id: minister-quote
    text: A line that is never used is still worth keeping open.
    speaker: Alex Example
    role: Exampleland Defence Minister
    date: 2003-06-01
    context: Fictional remark at the first test talks.
    topics: [test-talks, exampleland-link]
    sources: [example-archive]
`;

// A fact the fixture base does not have, for tests that add knowledge while the bot runs: as an
// entry to append to FACTS, and as a facts file of its own.
export const NEW_FACT_QUESTION = 'When was the Exampleland link upgraded to video?';
export const NEW_FACT = `  - id: link-upgraded
    text: The Exampleland link was upgraded to a video line in 2005.
    date: 2005
    topics: [exampleland-link]
    sources: [example-gazette]
    questions:
      - ${NEW_FACT_QUESTION}
`;
export const NEW_FACT_FILE = `facts:
${NEW_FACT}`;

export function fixtureFiles(): Record<string, string> {
  return { 'topics.yaml': TOPICS, 'sources.yaml': SOURCES, 'facts.yaml': FACTS, 'quotes.yaml': QUOTES };
}
