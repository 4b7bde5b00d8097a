// Lengths are capped here, at load time, so that no renderer ever has to truncate a moderator's text.
// They are chosen against Discord's limits: an entry's text must fit an embed field (1,024) with room
// for its date and citation marks; a phrase must fit an autocomplete choice name (100).
export const LIMITS = {
  id: 64,
  entryText: 900,
  note: 500,
  context: 200,
  description: 300,
  phrase: 100,
  name: 100,
  topicName: 80,
  title: 240,
  publisher: 120,
  url: 500,
} as const;
