import { afterEach, describe, expect, it } from 'vitest';
import { MODERATOR, MEMBER, startHarness, type Harness } from '../support/bot-harness';
import { FACTS, NEW_FACT_FILE, NEW_FACT_QUESTION } from '../support/fixture-knowledge';

// Knowledge edits reach the running bot: a valid edit is picked up live by the watcher; an invalid
// one (from the watcher or /kb reload) keeps the last good base, and the errors name file:line.

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('live knowledge', () => {
  it('picks up a valid edit without a restart', async () => {
    h = await startHarness({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    const before = h.app.store.current.base.version;
    const unknown = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, MEMBER).response();
    expect(unknown.embeds[0].description).not.toContain('video line');

    const reloaded = new Promise((resolve) => h!.app.store.on('reload', resolve));
    await h.write('more/upgrade.yaml', NEW_FACT_FILE);
    await reloaded;
    expect(h.app.store.current.base.version).not.toBe(before);

    const reply = await h.standIn.slash('ask', { question: NEW_FACT_QUESTION }, MEMBER).response();
    expect(reply.embeds[0].description).toContain('upgraded to a video line in 2005');
    expect(reply.embeds[0].footer.text).toContain('knowledge as of 2005'); // the new entry is the newest
  });

  it('keeps the old base on a bad edit, tells the moderators channel, and /kb reload shows the errors', async () => {
    h = await startHarness({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    const good = h.app.store.current.base.version;
    await h.write(
      'facts.yaml',
      FACTS.replace(
        'sources: [example-gazette]\n    questions:\n      - When was the Exampleland link agreed?',
        'sources: [no-such-source]\n    questions:\n      - When was the Exampleland link agreed?',
      ),
    );

    // The watcher sees it first and reports to MOD_LOG_CHANNEL_ID…
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 0, 5000, 'a post to the moderators channel');
    const post = h.standIn.channelMessages[0]!;
    expect(post.channel_id).toBe('500000000000000005');
    expect(post.embeds[0].description).toMatch(/facts\.yaml:\d+:\d+: error: .*no-such-source/);
    expect(post.allowed_mentions).toEqual({ parse: [] });
    expect(h.logs.records().some((r) => r.msg?.includes('knowledge edit is invalid') && r.errors?.[0]?.includes('facts.yaml:'))).toBe(true);

    // …and a moderator's /kb reload refuses it, with the errors.
    const interaction = h.standIn.slash('kb reload', {}, MODERATOR);
    expect((await interaction.callback()).type).toBe(5);
    const result = await interaction.response();
    expect(result.embeds[0].title).toBe('Reload refused');
    expect(result.embeds[0].description).toContain(`(loaded <t:${Math.floor(Date.parse(h.app.store.current.base.loadedAt) / 1000)}:f>) keeps serving`);
    expect(result.embeds[0].description).not.toContain(good);
    expect(result.embeds[0].fields[0].value).toMatch(/facts\.yaml:\d+/);

    // The old base still answers.
    expect(h.app.store.current.base.version).toBe(good);
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    expect(reply.embeds[0].description).toContain('spring of 2001');

    // /kb check reports the same without swapping.
    const check = await h.standIn.slash('kb check', {}, MODERATOR).response();
    expect(check.embeds[0].title).toBe('Knowledge check failed');
  });

  it('posts one refusal per broken edit (not per attempt), in times not hashes, then an all-clear when the fix goes live', async () => {
    h = await startHarness({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    const good = h.app.store.current.base.version;
    const broken = FACTS.replace(
      '    topics: [exampleland-link]\n    sources: [example-gazette]\n',
      '    topics: [exampleland-link]\n     sources: [example-gazette]\n',
    );
    await h.write('facts.yaml', broken);
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 0, 5000, 'the refusal post');
    const refusal = h.standIn.channelMessages[0]!;
    expect(refusal.embeds[0].title).toBe('Knowledge edit refused — 1 error');
    expect(refusal.embeds[0].description).toMatch(/Refused at <t:\d+:t>\. Hotline keeps serving the knowledge loaded <t:\d+:f>/);
    expect(refusal.embeds[0].description).toContain('should line up with line');
    expect(refusal.embeds[0].description).not.toContain(good);

    // The same broken files again, through /kb reload twice: the moderator sees the errors, the channel hears nothing new.
    for (let i = 0; i < 2; i++) {
      const reload = await h.standIn.slash('kb reload', {}, MODERATOR).response();
      expect(reload.embeds[0].title).toBe('Reload refused');
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // two watcher polls
    expect(h.standIn.channelMessages).toHaveLength(1);

    // The fix goes live: one all-clear, and members get the new knowledge.
    await h.write('facts.yaml', FACTS.replace('in the spring of 2001', 'in the spring of 2001, after long talks'));
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 1, 5000, 'the all-clear');
    const clear = h.standIn.channelMessages[1]!;
    expect(clear.embeds[0].title).toBe('All clear — knowledge is valid again');
    expect(clear.embeds[0].description).toMatch(/The edit refused <t:\d+:R> is fixed and live: Hotline now serves the knowledge loaded <t:\d+:f>\./);
    expect(clear.allowed_mentions).toEqual({ parse: [] });
    const reply = await h.standIn.slash('ask', { question: 'When was the Exampleland link agreed?' }, MEMBER).response();
    expect(reply.embeds[0].description).toContain('after long talks');
    await h.standIn.slash('kb reload', {}, MODERATOR).response();
    expect(h.standIn.channelMessages).toHaveLength(2);
  });

  it('an all-clear also when the broken edit is taken back', async () => {
    h = await startHarness({ env: { MOD_LOG_CHANNEL_ID: '500000000000000005' } });
    await h.write('facts.yaml', FACTS.replace('agreed to open', 'agreed: to open'));
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 0, 5000, 'the refusal post');
    expect(h.standIn.channelMessages[0]!.embeds[0].description).toContain('put this text in quotes');
    await h.write('facts.yaml', FACTS);
    await h.standIn.waitFor(() => h!.standIn.channelMessages.length > 1, 5000, 'the all-clear');
    expect(h.standIn.channelMessages[1]!.embeds[0].description).toContain('was taken back');
  });
});
