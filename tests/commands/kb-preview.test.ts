import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEngine } from '../../src/answer/engine';
import { renderAnswer } from '../../src/bot/render';
import { openInsight, type RunningInsight } from '../../src/insight/index';
import { loadKnowledgeFromStrings } from '../../src/knowledge/load';
import { MEMBER, MODERATOR, startHarness, type Harness } from '../support/bot-harness';
import type { ApiMessage, InteractionRecord } from '../support/discord-stand-in';
import { fixtureFiles, NEW_FACT_FILE, NEW_FACT_QUESTION } from '../support/fixture-knowledge';

// /kb preview end to end, through the Discord stand-in with the real client: a moderator pastes
// records into the modal and sees them checked against the live knowledge (errors as line:column of
// the pasted text) or rendered as /ask renders them, with the questions they would now answer. The
// draft is never written to knowledge/ and never served to members; members cannot preview at all.

const TUNE_QUESTION = 'when did the exampleland line get video';
const HELDOUT_QUESTION = 'exampleland video line upgraded in which year';

let h: Harness;
let insight: RunningInsight;
let evalDir: string;
let folderBefore: string;

async function folderSnapshot(dir: string): Promise<string> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const entry of (await readdir(path.join(dir, rel), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) await walk(child);
      else out.push(`${child}\n${await readFile(path.join(dir, child), 'utf8')}`);
    }
  };
  await walk('');
  return out.join('\n---\n');
}

beforeAll(async () => {
  evalDir = await mkdtemp(path.join(tmpdir(), 'hotline-eval-'));
  await writeFile(
    path.join(evalDir, 'answerable.yaml'),
    `questions:\n  - q: "${TUNE_QUESTION}"\n    ids: [link-upgraded]\n    split: tune\n  - q: "${HELDOUT_QUESTION}"\n    ids: [link-upgraded]\n    split: heldout\n`,
  );
  process.env.EVAL_DIR = evalDir;
  insight = openInsight({ path: path.join(evalDir, 'insight.db'), salt: 'kb-preview-test-salt', flushDelayMs: 1 });
  h = await startHarness({ insight });
  folderBefore = await folderSnapshot(h.dir);
});

afterAll(async () => {
  // Whatever was previewed, nothing reached the knowledge folder.
  expect(await folderSnapshot(h.dir)).toBe(folderBefore);
  await h?.close();
  await rm(evalDir, { recursive: true, force: true });
  delete process.env.EVAL_DIR;
});

async function openModal(actor = MODERATOR): Promise<InteractionRecord> {
  const opened = h.standIn.slash('kb preview', {}, actor);
  await opened.callback();
  return opened;
}

async function preview(text: string): Promise<ApiMessage> {
  const opened = await openModal();
  expect(opened.callbacks[0]!.type).toBe(9);
  return h.standIn.submitModal(opened, { draft: text }, MODERATOR).response();
}

const fieldsText = (m: ApiMessage) => (m.embeds[0]?.fields ?? []).map((f: any) => `${f.name}\n${f.value}`).join('\n');

describe('/kb preview, a valid record', () => {
  it('opens a modal within Discord limits', async () => {
    const opened = await openModal();
    const modal = opened.callbacks[0]!;
    expect(modal.type).toBe(9);
    expect(modal.data.title).toBe('Preview knowledge records');
    const input = modal.data.components[0].component;
    expect(input).toMatchObject({ type: 4, custom_id: 'draft', max_length: 4000, required: true });
  });

  it('shows the record exactly as /ask would render it, the questions it would answer (tune/dev only), and a YAML file', async () => {
    const reply = await preview(NEW_FACT_FILE);
    expect(reply.flags & 64).toBe(64);
    expect(reply.embeds[0].title).toBe('Preview: your draft is valid');
    expect(reply.embeds[0].description).toContain('Nothing was saved and members do not see this draft');

    // The second embed is the /ask rendering of the new fact over live knowledge + draft.
    const withDraft = loadKnowledgeFromStrings({ ...fixtureFiles(), '(draft)': NEW_FACT_FILE });
    if (!withDraft.ok) throw new Error('fixture draft should be valid');
    const expected = renderAnswer(createEngine(withDraft.base).answerFor('link-upgraded', NEW_FACT_QUESTION)!, { key: 'preview' }).embeds[0]!;
    const { footer: shownFooter, ...shown } = reply.embeds[1];
    const { footer: expectedFooter, ...wanted } = expected;
    expect(shown).toEqual(wanted);
    expect(shownFooter.text).toMatch(/^Hotline · knowledge /);
    expect(reply.embeds[1].description).toContain('The Exampleland link was upgraded to a video line in 2005.');
    expect(fieldsText({ embeds: [reply.embeds[1]] } as ApiMessage)).toContain('[Example Gazette report on the link](https://example.org/gazette/link)');

    const summary = fieldsText(reply);
    expect(summary).toContain(`“${NEW_FACT_QUESTION}” → \`link-upgraded\` (today unanswered)`);
    expect(summary).toContain(`“${TUNE_QUESTION}” → \`link-upgraded\``);
    expect(JSON.stringify(reply)).not.toContain(HELDOUT_QUESTION);

    // The YAML button returns the normalised records as a file.
    const yamlButton = reply.components[0].components.find((c: any) => c.custom_id.startsWith('kbp:yaml:'));
    const file = await h.standIn.click(reply, yamlButton.custom_id, MODERATOR).callback();
    expect(file.data.flags & 64).toBe(64);
    expect(file.files?.[0]?.filename).toBe('draft.yaml');
    const records = parse(file.files![0]!.content.toString('utf8'));
    expect(records.facts[0]).toEqual({
      id: 'link-upgraded',
      text: 'The Exampleland link was upgraded to a video line in 2005.',
      date: '2005',
      topics: ['exampleland-link'],
      sources: ['example-gazette'],
      questions: [NEW_FACT_QUESTION],
    });

    // The draft is not served: members still get "I don't know".
    const member = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, MEMBER).response();
    expect(JSON.stringify(member.embeds)).not.toContain('video line');
    expect(h.app.store.current.base.byId.has('link-upgraded')).toBe(false);
  });
});

describe('/kb preview, an invalid record', () => {
  const broken = NEW_FACT_FILE.replace('date: 2005', 'date: 2005-13').replace('[example-gazette]', '[example-gazete]');

  it('lists the errors at line:column of the pasted text, in moderators’ words, and offers to edit, not to download', async () => {
    const reply = await preview(broken);
    expect(reply.embeds[0].title).toBe('Preview: 2 problems in your draft');
    const errors = fieldsText(reply);
    expect(errors).toContain('**line 4, column 11** — `"link-upgraded" date: is not a real calendar date`');
    expect(errors).toContain('**line 6, column 15** — `"link-upgraded" sources[0]: unknown source "example-gazete" — did you mean "example-gazette"?`');
    const ids = reply.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id));
    expect(ids.some((id: string) => id.startsWith('kbp:yaml:'))).toBe(false);

    // "Edit the draft" reopens the modal holding what was pasted.
    const edit = ids.find((id: string) => id.startsWith('kbp:edit:'))!;
    const reopened = h.standIn.click(reply, edit, MODERATOR);
    const modal = await reopened.callback();
    expect(modal.type).toBe(9);
    expect(modal.data.components[0].component.value).toBe(broken);
  });

  it('a YAML slip is one error naming its line, and a clash with the live base names the record it clashes with', async () => {
    const slip = await preview(NEW_FACT_FILE.replace('    sources:', '   sources:'));
    expect(slip.embeds[0].title).toBe('Preview: 1 problem in your draft');
    expect(fieldsText(slip)).toContain('should line up with line 5');

    const clash = await preview(NEW_FACT_FILE.replace('id: link-upgraded', 'id: link-agreed'));
    expect(fieldsText(clash)).toContain('duplicate record id "link-agreed": already used at facts.yaml:2');
  });

  it('says clearly when the draft is past the text box limit, and warns when it is exactly at it', async () => {
    const opened = await openModal();
    const tooLong = await h.standIn.submitModal(opened, { draft: `${NEW_FACT_FILE}#${'x'.repeat(4001)}` }, MODERATOR).response();
    expect(tooLong.content).toContain('a Discord text box holds 4,000');

    const padded = NEW_FACT_FILE + `#${'x'.repeat(4000 - NEW_FACT_FILE.length - 2)}\n`;
    expect(padded).toHaveLength(4000);
    const atLimit = await preview(padded);
    expect(atLimit.embeds[0].description).toContain('the end may have been cut off');
  });
});

describe('from a gap to an entry', () => {
  it('/kb gaps shows the nearest entries and a draft button; the skeleton previews, and the filled-in record would answer the gap', async () => {
    const gap = 'when was the exampleland link put on video';
    const asked = await h.standIn.slash('ask', { question: gap }, MEMBER).response();
    expect(JSON.stringify(asked.embeds)).not.toContain('video line');
    await h.standIn.waitFor(() => insight.gaps({ days: 1 }).some((g) => g.question === gap), 5000, 'the gap recorded');

    const gaps = await h.standIn.slash('kb gaps', { days: 1 }, MODERATOR).response();
    expect(gaps.embeds[0].description).toContain(`“${gap}” — 1×, unanswered`);
    const nearest = /“when was the exampleland link put on video”[^\n]*\n {2}nearest: `([a-z0-9-]+)`/.exec(gaps.embeds[0].description)?.[1];
    expect(nearest && h.app.store.current.base.byId.has(nearest)).toBe(true);
    const index = gaps.embeds[0].description
      .split('\n')
      .filter((l: string) => /^\*\*\d+\.\*\*/.test(l))
      .findIndex((l: string) => l.includes(gap));
    const draftButton = gaps.components.flatMap((r: any) => r.components)[index];
    expect(draftButton.label).toBe(`Draft #${index + 1}`);

    const modal = h.standIn.click(gaps, draftButton.custom_id, MODERATOR);
    const shown = await modal.callback();
    expect(shown.type).toBe(9);
    const skeleton: string = shown.data.components[0].component.value;
    expect(skeleton).toContain(`      - "${gap}"`);
    expect(skeleton).toMatch(/- id: exampleland-link-put-video\n/);
    expect(skeleton).toContain(`topics: [${h.app.store.current.base.byId.get(nearest!)!.topics.join(', ')}]`);

    // As it comes, the skeleton is not valid: the preview says what is still to fill in.
    const unfinished = await h.standIn.submitModal(modal, { draft: skeleton }, MODERATOR).response();
    expect(unfinished.embeds[0].title).toMatch(/problems? in your draft/);
    const todo = fieldsText(unfinished);
    expect(todo).toContain('url: must be a full http:// or https:// address');
    expect(todo).toContain('kind: must be one of: official, press, analysis');
    expect(todo).toContain('published: must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
    // Placeholders the schema would accept are caught too: no made-up title reaches knowledge.
    expect(todo).toMatch(/\*\*line \d+, column \d+\*\* — `still holds the skeleton's placeholder "The title of the page"/);
    expect(todo).toContain('placeholder "The answer, in one or two sentences of your own words."');

    // Filled in: the member's question is among those it would now answer.
    const filled = skeleton
      .replace('The answer, in one or two sentences of your own words.', 'The Exampleland link was put on a video line in 2005.')
      .replace('[source-id-to-fill-in]', '[example-gazette]')
      .replace(/sources:\n {2}- id: source-id-to-fill-in[\s\S]*$/, '');
    const done = await preview(filled);
    expect(done.embeds[0].title).toBe('Preview: your draft is valid');
    expect(fieldsText(done)).toContain(`Members' unanswered questions it would now answer\n• “${gap}” → \`exampleland-link-put-video\` (today unanswered)`);
  });
});

describe('members are refused', () => {
  it('/kb preview, its modal and its buttons, even when Discord’s permission hiding is bypassed', async () => {
    const opened = h.standIn.slash('kb preview', {}, MEMBER);
    const refused = await opened.callback();
    expect(refused.type).toBe(4);
    expect(refused.data.flags & 64).toBe(64);
    expect(refused.data.content).toContain('This command is for moderators');

    const forged = h.standIn.dispatchInteraction(
      5,
      { custom_id: 'kbp:submit', components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'draft', value: NEW_FACT_FILE } }] },
      MEMBER,
    );
    const forgedReply = await forged.callback();
    expect(forgedReply.data.content).toContain('This command is for moderators');

    const reply = await preview(NEW_FACT_FILE);
    const yamlButton = reply.components[0].components.find((c: any) => c.custom_id.startsWith('kbp:yaml:'));
    const click = await h.standIn.click(reply, yamlButton.custom_id, MEMBER).callback();
    expect(click.data.content).toContain('This command is for moderators');
    expect(click.files).toBeUndefined();
  });
});
