import { loadKnowledge } from '../knowledge/load';
import { countKnowledge, formatAttributed, formatDiagnostic, formatRuleCounts, formatSourceKinds } from '../knowledge/format';
import { countRuleFindings, dayOf, ruleFindings } from '../knowledge/source-rules';
import { countProblems } from '../knowledge/diagnostics';
import { plural } from '../text/plural';
import { showControlCharacters } from '../text/visible';

// `npm run kb:check [-- folder]`: validate the knowledge base the way the bot will load it.
// Exit 0 when valid (warnings allowed), 1 on any error.
// Piping into `head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const result = await loadKnowledge(dir);
// File names, field names and knowledge text are the moderators' (or an attacker's): printed with
// their control characters made visible, so that no escape sequence or newline in them can act on
// the terminal or forge a line of this report.
const print = (line: string) => process.stdout.write(`${showControlCharacters(line)}\n`);

for (const d of result.ok ? result.warnings : [...result.errors, ...result.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
  print(formatDiagnostic(d, dir));
}
if (!result.ok) {
  print('');
  print(
    `✗ ${dir}: ${plural(countProblems(result.errors), 'error')}, ${plural(countProblems(result.warnings), 'warning')}. Nothing was loaded; the bot keeps its last good knowledge.`,
  );
  print('  See knowledge/README.md ("What the errors mean") for how to fix each kind.');
  process.exit(1);
}
const counts = countKnowledge(result.base);
print(
  `✓ ${dir}: ${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources in ${counts.files} files (version ${result.base.version}); ${plural(countProblems(result.warnings), 'warning')}`,
);
print(`  ${formatSourceKinds(counts.sourcesByKind)}`);
print(`  ${formatAttributed(counts.attributed)}`);
// Counted on the base itself: the warnings listed above stop after the first hundred.
const checks = countRuleFindings(ruleFindings(result.base.entries, [...result.base.sources.values()], dayOf(new Date())));
print('  source and date checks (warnings):');
for (const line of formatRuleCounts(checks)) print(`  ${line}`);
print('  entries per topic:');
for (const topic of counts.perTopic) print(`  ${String(topic.count).padStart(4)}  ${topic.id} — ${topic.name}`);
