/** The smallest valid knowledge file: one topic, one source, one fact with the given text (and extra fact fields, indented 4). */
export const oneFactBase = (text = 'A fact.', extraFields = '') => `topics:
  - id: t
    name: T
sources:
  - id: s
    kind: press
    title: T
    publisher: P
    url: https://example.org/
facts:
  - id: f
    text: ${text}
    topics: [t]
    sources: [s]
${extraFields}`;
