import type { KnowledgeBase } from '../knowledge/base';
import { formatDiagnostic } from '../knowledge/format';
import { loadKnowledge } from '../knowledge/load';
import { readEvalQuestions, type EvalQuestions } from '../eval/run';

// What the scripts that run over the eval questions read (npm run eval, npm run replies:report):
// the knowledge (KNOWLEDGE_DIR, default knowledge/) and the questions (EVAL_DIR, default tests/eval/).
// On a problem it says what on stderr and returns undefined (the script exits 1).

export type EvalInputs = { knowledgeDir: string; questionsDir: string; base: KnowledgeBase; questions: EvalQuestions };

export async function loadEvalInputs(): Promise<EvalInputs | undefined> {
  const knowledgeDir = process.env.KNOWLEDGE_DIR || 'knowledge';
  const questionsDir = process.env.EVAL_DIR || 'tests/eval';
  const loaded = await loadKnowledge(knowledgeDir);
  if (!loaded.ok) {
    for (const d of loaded.errors) process.stderr.write(`${formatDiagnostic(d, d.file === knowledgeDir ? '' : knowledgeDir)}\n`);
    return undefined;
  }
  const questions = await readEvalQuestions(questionsDir);
  if (!questions) {
    process.stderr.write(`no eval questions in ${questionsDir} (answerable.yaml and out-of-scope.yaml)\n`);
    return undefined;
  }
  return { knowledgeDir, questionsDir, base: loaded.base, questions };
}
