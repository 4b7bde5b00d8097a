// Words that say how a question is asked, not what it is about. "us" is deliberately absent: in this
// knowledge base it nearly always means the United States. Contractions are listed as words() leaves them
// ("don't" → "dont"), and so are the short forms people type in chat ("u", "w" for "with", "rn", "tbh").

const STOPWORDS = new Set(
  `a about above after again against all also am an and any anything are aren as at be became become becomes becoming because been before
  being below between both but by can cannot could couldn did didn do does doesn doing don down during each else even ever
  every few for from further had hadn has hasn have haven having he her here hers herself him himself his how however i
  if in into is isn it its itself just let like ll me might mine more most much must mustn my myself no nor not now of off
  on once only or other ought our ours ourselves out over own please re same shall she should shouldn so some something such
  than that the their theirs them themselves then there these they this those through thus to too under until up upon ve
  very was wasn we were weren what whats when whenever where whereas wherever whether which while who whoever whom whose why
  will with within without would wouldn yet you your yours yourself yourselves
  tell know explain describe give show find anyone someone somebody many kind sort really actually exactly
  happen happened happens say says said saying quote quotes quoted statement statements mention mentioned
  thing things get got one ones way ways lot lots go goes going went gone come comes came make makes made want wants
  need needs think look looking see wonder wondering curious remember heard hear ok okay hey hi hello thx pls
  plz guys lol yeah yes basically date dates time times often point points stuff part parts real together along
  even ever anything everything something another whats hed wait
  dont doesnt didnt isnt arent wasnt werent cant couldnt wouldnt shouldnt wont hasnt havent hadnt mustnt im ive youre
  youve youd youll theyre theyve theyd theyll weve hes shes thats theres heres whos wheres hows lets itll aint yall
  u ur ya w rn tbh imo imho btw idk fyi gonna wanna gotta kinda sorta lemme dunno thru cuz coz abt`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** All stopwords, so a misspelt one ("qoute", "waht") can be recognised and dropped too. */
export const STOPWORD_LIST: readonly string[] = [...STOPWORDS];

/** The question words ("what", "who"…): the answer decision reads what follows them. */
export const WH_WORDS: ReadonlySet<string> = new Set(['what', 'when', 'where', 'why', 'how', 'which', 'who']);
