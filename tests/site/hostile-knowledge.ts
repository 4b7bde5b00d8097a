import { fixtureFiles } from '../support/fixture-knowledge';

// The bot tests' fixture knowledge plus records whose text looks like HTML: the page must show it
// as text. (Valid knowledge: kb:check accepts all of it.)
export function hostileFiles(): Record<string, string> {
  return {
    ...fixtureFiles(),
    'hostile.yaml': `sources:
  - id: hostile-source
    kind: press
    title: '"><b id="injected">bold</b>'
    publisher: Example & Sons <Press>
    published: 2004
    url: https://example.org/a?b=1&c="2"
facts:
  - id: hostile-fact
    text: 'A fact that says <script>window.pwned = 1</script> and <img src=x onerror="window.pwned = 2"> out loud.'
    date: 2004
    topics: [exampleland-link]
    sources: [hostile-source]
`,
  };
}
