import type { Token } from '../search/normalize';
import { PLAN_WH, type Intent } from '../search/query';

// What kind of question it is, read from its shape: a factual question Hotline may answer from the record,
// or one it never answers as such — a judgement ("was X a mistake"), a forecast ("will X happen next year"),
// a request for advice or a procedure ("how do I…", "best VPN"), or small talk ("hi", "who are you").

export type QuestionKind = 'fact' | 'opinion' | 'prediction' | 'advice' | 'chat';

const FILLER = new Set([
  'hey',
  'hi',
  'yo',
  'so',
  'and',
  'but',
  'ok',
  'okay',
  'bot',
  'pls',
  'please',
  'lol',
  'wait',
  'thx',
  'hotline',
  'honestly',
  'like',
  'um',
  'hmm',
]);
const PRONOUN_YOU = new Set(['you', 'u', 'ya', 'your', 'ur', 'yours']);

/** Small talk, whole: nothing in it asks about the record. */
const CHAT = new Set([
  'hi',
  'hello',
  'hey',
  'yo',
  'thanks',
  'thank',
  'thx',
  'ty',
  'bye',
  'goodbye',
  'lol',
  'ok',
  'okay',
  'cool',
  'nice',
  'good',
  'morning',
  'evening',
  'night',
  'sup',
  'howdy',
  'cheers',
  'great',
  'awesome',
  'bot',
  'hotline',
  'there',
  'you',
  'again',
  'much',
  'so',
]);
const ABOUT_YOU =
  /^what (time|day) is it\b|^(who|what) (are|r) (you|u)\b|^how (are|r) (you|u)\b|^(are|r) (you|u) (a |an )?(bot|human|real|ai|alive|there)\b|^what can (you|u) do\b|^tell me a joke\b|^(do|can) (you|u) (like|love|feel)\b/;

/**
 * Words that judge: a yes/no question built on one asks what to think of something ("was the reset a
 * mistake", "is the mmca useless", "was kennedy a good president", "is trump good for relations", "was the deal a big
 * win"), not what happened. "Real", "true" and "right" are left out: "was that a real thing", "is it true that…" ask
 * for facts; so is "is there a good…", which asks whether something exists.
 */
const JUDGE =
  /\b(too (soft|weak|tough|harsh|aggressive|slow|much)|hypocritical|hypocrites?|childish|immature|(un)?reasonable|irresponsible|dishonest|credible|propaganda|good move|bad move|the best|the worst|(?<!by )mistakes?|blunders?|failures?|failed|successful|success|disasters?|disastrous|smart(er|est)?|stupid|dumb|justified|fair|unfair|worth it|worthwhile|pointless|useless|effective|ineffective|naive|foolish|wise|reckless|overrated|underrated|good idea|bad idea|good thing|bad thing|competent|incompetent|trustworthy|weak|to blame|at fault|fault|deserved?|legitimate|provocative|aggressive|better|worse|(good|bad|great|terrible) for|(?<!there )(a|an) (good|bad|great|terrible|awful|decent|strong) \w+|(a|an) (big |huge |major |real )?(win|victory|loss|defeat))\b/;
/**
 * Judgements in any question: "who is to blame", "whose fault", "is X doing a good job", "was it the right call", "how reliable is X",
 * "does it work well", "do they even work", "does the mmca even do anything", "hotline better than email?", "was it worth
 * building", "does china actually want talks", "are they lying", "did the us overreact", "is it just for show", "which is more useful",
 * "who's really at fault", "was it wrong for china to…", "does the us deserve the blame", "an overreaction", "does the
 * hotline actually matter", "just theater", "would it be smarter to…" ("how did it really work" asks how).
 */
const JUDGEMENT =
  /\b(how (reliable|unreliable|effective|ineffective|useful|useless|successful|worthwhile|trustworthy|credible|good|bad) (is|are|was|were|has|have)|the (right|wrong) (call|move|decision|choice|thing to do|approach)|(works?|worked|working) (well|badly|poorly)|even (work|works|worked|matter|matters|help|helps)|even (do|does|did|achieve|achieved|accomplish|accomplished) (anything|much)|(better|worse) than|(is|are|was|were|isnt|arent) \S+( \S+)? (lying|bluffing|exaggerating|overreacting)|over-?react(s|ed|ing)?|(just )?for show|(actually|really|truly|genuinely|even) (want|wants|wanted|care|cares|cared|intend|intends|intended|mean it)|(more|less) (useful|effective|important|helpful|reliable)|worth (\w+ing)|really (matter|matters|help|helps)|(good|bad|any good) at|to blame|whose fault|(who|which) (was|is|were|are) the (better|best|worse|worst)|(is|was|are|were) \S+( \S+){0,3} right (that|to|about)|(doing|did|do|done) (a )?(good|great|bad|terrible|poor|decent) job|good or bad|better or worse|(who|which side) (is|was) (right|wrong|at fault)|(who|whos|which side)( is| was| are| were)?( really| actually| truly)? at fault|(wrong|right) (for|of) \S+( \S+)? to|deserves? (the |any |some )?(blame|credit)|overreact(ion|ions)|(actually|really|truly) (matter|matters|mattered|help|helps|helped)|(just|only|mostly|purely) (theater|theatre|symbolic|optics|pr|a (show|stunt|photo op))|(would|could) it (not )?(be|have been) (\S+ )?(smarter|better|wiser|worse|safer|best))\b/;
const BE_FIRST = new Set(['is', 'was', 'are', 'were', 'isnt', 'wasnt', 'arent', 'werent']);
const MODAL_FIRST = new Set(['can', 'could', 'would', 'should']);

/** Asking the bot what it thinks. */
const YOUR_VIEW =
  /\b(do|does|did) (you|u) (think|believe|reckon|feel)\b|\b(your|ur) (opinion|view|take|thoughts)\b|\bin (your|ur) (opinion|view)\b|\bwhat do (you|u) make of\b/;

/**
 * A forecast: "will china…", "what will the next round decide", "is X going to", "who's gonna", "in the coming years";
 * or a hypothetical ("what would happen if…", "how would a war over X start").
 */
const FORECAST =
  /\b(gonna|(going to) (be|happen|win|lose|end|stop|start|restart|resume|meet|talk|agree|sign|cut|attack|invade|collapse|get|make|do|have|use|call|answer|try|keep|ever|go to war)|likely to|likelihood|chances? (of|that)|odds (of|that)|predict\w*|forecast\w*|in the (coming|next) (years?|months?|decades?)|next (year|decade)|in the future|someday|one day|ever again|how long until|next time|(is|are) (a |an |the )?\S+( \S+){0,3} coming\b(?! up)|(could|might|would) \S+( \S+){0,6} (again|this year|soon)|(going to|gonna) \S+$|what (would|could|might) happen|what happens if|(how|when|where) (would|could|might) \S+( \S+){0,5} (start|begin|break out|happen|end|unfold|escalate|play out))\b/;

/** What someone other than the asker should do or have done: "how should the us respond", "what should china have done". */
const SHOULD_DO = /\b(what|how) should (?!(i|we|you|u)\b)\S+( \S+){0,3} (have )?(done|do|respond|react|handle|retaliate|deal with|approach)\b/;

/** A counterfactual asked: "what would X have said / done if…", "how might they have reacted" ("what did X say he would have done" asks his words). */
const COUNTERFACTUAL = /^((what|how|who|which|where|when|why) )?(would|could|might) (\S+ ){0,3}have (said|done|happened|been|reacted|responded|answered)\b/;

/**
 * The kind of a question (`question`: its text as typed, for the punctuation words drop). `latestYear`: the last year the record can speak of; a year beyond it is a forecast.
 */
export function questionKind(tokens: readonly Token[], intent: Intent, latestYear: number, question = ''): QuestionKind {
  const w = tokens.map((t) => t.word);
  const at = w.findIndex((x) => !FILLER.has(x));
  if (at < 0 || w.every((x) => CHAT.has(x))) return 'chat';
  const text = w.slice(at).join(' ');
  if (ABOUT_YOU.test(text)) return 'chat';
  const first = w[at];
  // "Should the U.S. trust China", "ought we to…": what someone should do is a judgement, or advice when it is the asker's.
  if (first === 'should' || first === 'ought' || first === 'shouldnt') return w[at + 1] === 'i' || w[at + 1] === 'we' ? 'advice' : 'opinion';
  if (YOUR_VIEW.test(text) || JUDGEMENT.test(text)) return 'opinion';
  if (BE_FIRST.has(first!) && JUDGE.test(text)) return 'opinion';
  // "can the u.s. trust china's military": whether to trust is a judgement.
  if ((BE_FIRST.has(first!) || MODAL_FIRST.has(first!)) && /\btrust(ed)?\b/.test(text)) return 'opinion';
  // "Will China agree…", "what will the next round decide", "who will win": a forecast. "When will the next X be
  // held", "where will trump and xi meet in may 2026" ask about a plan, which an entry about plans may answer (the
  // plan check reads it).
  const will = w.findIndex((x, i) => (x === 'will' || x === 'wont') && i >= at);
  // "next shangri-la dialogue, will dong jun show up": a clause of its own opening with "will".
  const clause = /(^|[,;:.!?—–-])\s*will\b/i.test(question);
  if (
    will >= 0 &&
    !PLAN_WH.has(w[at]!) &&
    (clause || will === at || (will === at + 1 && ['what', 'who', 'how', 'which', 'where', 'why'].includes(first!)) || w[will + 1] === 'there')
  )
    return 'prediction';
  if (FORECAST.test(text) && !intent.quote) return 'prediction';
  // "What would Austin have said if…": what someone would have said is no one's words on record.
  if (COUNTERFACTUAL.test(text)) return 'prediction';
  if (tokens.some((t) => /^\d{4}$/.test(t.word) && Number(t.word) > latestYear && Number(t.word) < 2200)) return 'prediction';
  // "How should the U.S. respond if China blockades Taiwan", "what should Beijing have done": what someone else ought to do is a judgement.
  if (SHOULD_DO.test(text)) return 'opinion';
  if (intent.task) return 'advice';
  // "What should I major in", "where should we stay": the asker's own choices.
  if (/\b(what|which|where|how|when) should (i|we)\b/.test(text)) return 'advice';
  // "best vpn to use in china", "what's the best pizza in dc": a recommendation.
  if ((first === 'best' || (['what', 'which', 'whats'].includes(first!) && w.slice(at, at + 4).includes('best'))) && !PRONOUN_YOU.has(w[at + 1] ?? ''))
    return 'advice';
  return 'fact';
}

/** Verbs of an event going on or taking place ("continue", "resume", "be held", "take place", "go ahead"). */
const GOES_ON = /\bwill\b(?: \S+){1,6}? (continue|resume|restart|happen|go ahead|take place|be held)\b/;

/**
 * "Will the navy talks continue next year": a forecast asking only whether a round goes on, which an entry stating
 * the plan for it answers, unlike one asking what it will decide or lead to ("will the next round agree on anything").
 */
export function asksGoesOn(tokens: readonly Token[]): boolean {
  return GOES_ON.test(tokens.map((t) => t.word).join(' '));
}

/**
 * Nouns a keyword query adds to name which side of its subject it wants ("india pakistan army hotline history",
 * "dong un typo in the seed article"), not a subject of their own: a base that never uses the word may still cover
 * the subject, so such a word does not make keywords unknown (the `keywords` check).
 */
export const ASPECT_WORDS: ReadonlySet<string> = new Set(
  'history background timeline overview summary details facts info basics origin origins story typo mistake spelling'.split(' '),
);
