import { loadKnowledge } from '../knowledge/load';
import { countKnowledge, formatDiagnostic, formatSourceKinds } from '../knowledge/format';

// `npm run kb:check [-- folder]`: validate the knowledge base the way the bot will load it.
// Exit 0 when valid (warnings allowed), 1 on any error.
// Piping into `head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const dir = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const result = await loadKnowledge(dir);
const print = (line: string) => process.stdout.write(`${line}\n`);

for (const d of result.ok ? result.warnings : [...result.errors, ...result.warnings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)) {
  print(formatDiagnostic(d, dir));
}
if (!result.ok) {
  print(`\n✗ ${dir}: ${result.errors.length} error(s), ${result.warnings.length} warning(s). Nothing was loaded; the bot keeps its last good knowledge.`);
  print('  See knowledge/README.md ("What the errors mean") for how to fix each kind.');
  process.exit(1);
}
const counts = countKnowledge(result.base);
print(`✓ ${dir}: ${counts.facts} facts, ${counts.quotes} quotes, ${counts.sources} sources in ${counts.files} files (version ${result.base.version}); ${result.warnings.length} warning(s)`);
print(`  ${formatSourceKinds(counts.sourcesByKind)}`);
for (const topic of counts.perTopic) print(`  ${String(topic.count).padStart(4)}  ${topic.id} — ${topic.name}`);
