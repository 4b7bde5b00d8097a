import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

// A local stand-in for Discord: the REST API under /api/v10 and the gateway under /gateway, on
// 127.0.0.1 and a random port. It behaves the way the real service does where our bot can tell the
// difference (see /work/shared/design/discord-stand-in.md): 10062 for a first callback after the
// 3 s window, 40060 for a second acknowledgement, RESUME with replay, op 9 for unknown sessions.
// Everything the bot sends is captured for assertions.

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export type ApiUser = { id: string; username: string; discriminator: string; global_name: string | null; avatar: null; bot?: boolean };
export type ApiMessage = Record<string, unknown> & {
  id: string;
  channel_id: string;
  content: string;
  embeds: any[];
  components: any[];
  flags: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
};

export type Callback = { type: number; data?: any; at: number; files?: UploadedFile[] };
/** A file sent with a message (multipart), as the stand-in received it. */
export type UploadedFile = { field: string; filename: string; contentType?: string; content: Buffer };
export type RecordedRequest = { method: string; path: string; query: URLSearchParams; body: any; authorization?: string; status: number };

/** One interaction as dispatched, and everything the bot did with it. */
export class InteractionRecord {
  callbacks: Callback[] = [];
  edits: Array<{ messageId: string; body: any }> = [];
  followups: ApiMessage[] = [];
  /** Rejected callbacks (10062 / 40060), kept for assertions. */
  rejections: Array<{ code: number; body: any }> = [];
  original?: ApiMessage;
  deleted = false;
  constructor(
    readonly standIn: DiscordStandIn,
    readonly payload: any,
    readonly dispatchedAt: number,
  ) {}

  get id(): string {
    return this.payload.id;
  }
  get token(): string {
    return this.payload.token;
  }
  get acknowledged(): boolean {
    return this.callbacks.length > 0;
  }

  /** The first accepted callback. */
  async callback(timeoutMs = 5000): Promise<Callback> {
    await this.standIn.waitFor(() => this.callbacks.length > 0, timeoutMs, `a callback for interaction ${this.id}`);
    return this.callbacks[0]!;
  }

  /**
   * The message the user finally sees: the reply (type 4), the updated message (type 7), or, after a
   * deferral (type 5/6), the original once it has been edited. Autocomplete and modal callbacks are
   * returned as their data.
   */
  async response(timeoutMs = 5000): Promise<ApiMessage> {
    const first = await this.callback(timeoutMs);
    if (first.type === 5 || first.type === 6) {
      await this.standIn.waitFor(() => this.edits.length > 0 || this.followups.length > 0, timeoutMs, `an edit after the deferral of ${this.id}`);
      if (this.edits.length > 0) return this.original!;
      return this.followups[0]!;
    }
    if (first.type === 4 || first.type === 7) return this.original!;
    return first.data;
  }
}

type CommandDef = { id: string; name: string; type?: number; options?: any[]; default_member_permissions?: string | null; [k: string]: unknown };

export type Fault = {
  /** Which requests it applies to. */
  match: (method: string, path: string) => boolean;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** How many times (default 1). */
  times?: number;
  /** Delay the answer (simulates a hung or slow request). */
  delayMs?: number;
  /** Never answer (a hung request; the connection is cut when the stand-in closes). */
  hang?: boolean;
};

export type StandInOptions = {
  /** The bot token the stand-in accepts; another gets 401 on REST and close 4004 on IDENTIFY. */
  token?: string;
  applicationId?: string;
  shards?: number;
  heartbeatIntervalMs?: number;
  /** Discord's acknowledgement window. */
  ackWindowMs?: number;
  guildId?: string;
  /** Accept the token on REST but close the gateway with 4004 on IDENTIFY (a revoked token). */
  rejectIdentify?: boolean;
  /** Close the gateway with this code on IDENTIFY (4010–4014: shard, version or intents refused). */
  identifyCloseCode?: number;
  /** `session_start_limit.max_concurrency` in /gateway/bot (default 1). */
  maxConcurrency?: number;
  /** `session_start_limit.remaining` in /gateway/bot (default 1000). */
  identifiesRemaining?: number;
};

export type Actor = { user?: Partial<ApiUser>; permissions?: bigint | string; guildId?: string | null; channelId?: string };

type Session = { id: string; shard: [number, number]; seq: number; buffer: Array<{ s: number; packet: string }>; socket?: WebSocket };

export const MANAGE_GUILD = 1n << 5n;

export class DiscordStandIn extends EventEmitter {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId: string;
  readonly channelId = snowflake();
  readonly botUser: ApiUser;
  readonly shards: number;
  heartbeatIntervalMs: number;
  ackWindowMs: number;
  rejectIdentify: boolean;
  identifyCloseCode?: number;
  readonly maxConcurrency: number;
  /** Answer every IDENTIFY with op 9 "invalid session" instead of READY (a stalled gateway). */
  invalidateIdentify = false;
  /** What /gateway/bot reports as identifies left today. */
  identifiesRemaining: number;
  /** Extra latency before a REST request is handled normally (ms; 0 for none). */
  restLatency?: (method: string, path: string) => number;

  readonly requests: RecordedRequest[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly channelMessages: ApiMessage[] = [];
  /** Ids of messages deleted through an interaction webhook (a 🗑 button deleting the answer it sits on). */
  readonly deletedMessageIds = new Set<string>();
  readonly identifies: any[] = [];
  /** When each IDENTIFY arrived (ms since epoch), for pacing assertions. */
  readonly identifyTimes: number[] = [];
  readonly resumes: any[] = [];
  /** Commands as registered: key "global" or the guild id. */
  readonly commands = new Map<string, CommandDef[]>();
  readonly faults: Fault[] = [];
  /** When false, heartbeats are not acknowledged (a zombie connection). */
  ackHeartbeats = true;

  #http?: Server;
  #wss?: WebSocketServer;
  #sessions = new Map<string, Session>();
  #sockets = new Set<WebSocket>();
  #port = 0;

  constructor(options: StandInOptions = {}) {
    super();
    this.setMaxListeners(0);
    this.token = options.token ?? `stand-in.${randomBytes(12).toString('hex')}`;
    this.applicationId = options.applicationId ?? snowflake();
    this.guildId = options.guildId ?? snowflake();
    this.shards = options.shards ?? 1;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.ackWindowMs = options.ackWindowMs ?? 3000;
    this.rejectIdentify = options.rejectIdentify ?? false;
    this.identifyCloseCode = options.identifyCloseCode;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.identifiesRemaining = options.identifiesRemaining ?? 1000;
    this.botUser = { id: this.applicationId, username: 'Hotline', discriminator: '0', global_name: null, avatar: null, bot: true };
  }

  get port(): number {
    return this.#port;
  }
  /** The value for DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.#port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.#port}/gateway`;
  }
  /** Open gateway connections (the latest session of each shard). */
  get connections(): number {
    return this.#latestSessions().filter((s) => s.socket?.readyState === 1).length;
  }

  #latestSessions(): Session[] {
    const latest = new Map<number, Session>();
    for (const s of this.#sessions.values()) latest.set(s.shard[0], s);
    return [...latest.values()];
  }

  async start(): Promise<this> {
    this.#http = createServer((req, res) => void this.#onRequest(req, res));
    this.#wss = new WebSocketServer({ noServer: true });
    this.#http.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.#wss!.handleUpgrade(req, socket, head, (ws) => this.#onSocket(ws));
    });
    await new Promise<void>((resolve) => this.#http!.listen(0, '127.0.0.1', resolve));
    this.#port = (this.#http.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.terminate();
    this.#sockets.clear();
    await new Promise<void>((resolve) => this.#wss?.close(() => resolve()) ?? resolve());
    if (this.#http) {
      this.#http.closeAllConnections();
      await new Promise<void>((resolve) => this.#http!.close(() => resolve()));
    }
  }

  /** Resolves when `check` holds; re-checked after every request and gateway event. */
  waitFor(check: () => boolean, timeoutMs = 5000, what = 'a condition'): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onChange = () => {
        if (!check()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`stand-in: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      // Conditions on the bot's own state (what it recorded) change without a request: look often.
      const poll = setInterval(onChange, 10);
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(poll);
        this.off('change', onChange);
      };
      this.on('change', onChange);
    });
  }

  /** Resolves once a bot has identified (or resumed) on every shard. */
  ready(timeoutMs = 10_000): Promise<void> {
    return this.waitFor(() => this.connections >= this.shards, timeoutMs, 'the bot to connect on every shard');
  }

  // ---------------------------------------------------------------- interactions

  /**
   * A slash command typed by a user. `name` may hold a subcommand ("kb reload"). Option types come
   * from the registered command, as they would on Discord; register the commands first.
   */
  slash(name: string, options: Record<string, string | number | boolean> = {}, actor: Actor = {}): InteractionRecord {
    return this.dispatchInteraction(2, this.#commandData(name, options, actor, undefined), actor);
  }

  /** The user typing into `focused`, which holds the partial text. */
  autocomplete(name: string, options: Record<string, string | number | boolean>, focused: string, actor: Actor = {}): InteractionRecord {
    return this.dispatchInteraction(4, this.#commandData(name, options, actor, focused), actor);
  }

  /** A message context-menu command on `target`. */
  messageCommand(name: string, target: { content: string; author?: Partial<ApiUser> }, actor: Actor = {}): InteractionRecord {
    const registered = this.#findCommand(name);
    const channelId = actor.channelId ?? this.channelId;
    const message = this.#message({
      content: target.content,
      author: { ...this.#user({ id: snowflake(), username: 'someone' }), ...target.author },
      channel_id: channelId,
    });
    return this.dispatchInteraction(
      2,
      { id: registered?.id ?? snowflake(), name, type: 3, target_id: message.id, resolved: { messages: { [message.id]: message } } },
      actor,
    );
  }

  /** A click on the button `customId` of `message`. */
  click(message: ApiMessage, customId: string, actor: Actor = {}): InteractionRecord {
    const found = findComponent(message.components, customId);
    if (!found) throw new Error(`stand-in: no component ${customId} on the message (have ${listCustomIds(message.components).join(', ')})`);
    if (found.disabled) throw new Error(`stand-in: component ${customId} is disabled`);
    return this.dispatchInteraction(3, { custom_id: customId, component_type: 2 }, actor, message);
  }

  /** Values picked in the select menu `customId` of `message`. */
  select(message: ApiMessage, customId: string, values: string[], actor: Actor = {}): InteractionRecord {
    const found = findComponent(message.components, customId);
    if (!found) throw new Error(`stand-in: no select menu ${customId} on the message`);
    const allowed = new Set((found.options ?? []).map((o: any) => o.value));
    for (const v of values) if (!allowed.has(v)) throw new Error(`stand-in: ${v} is not an option of ${customId}`);
    return this.dispatchInteraction(3, { custom_id: customId, component_type: found.type, values }, actor, message);
  }

  /** Submits the modal that `shownBy` answered with (callback type 9), filling its text inputs. */
  submitModal(shownBy: InteractionRecord, values: Record<string, string>, actor: Actor = {}): InteractionRecord {
    const modal = shownBy.callbacks.find((c) => c.type === 9)?.data;
    if (!modal) throw new Error('stand-in: that interaction did not show a modal');
    const fill = (component: any): any => {
      if (component.type === 1) return { type: 1, components: component.components.map(fill) };
      if (component.type === 18) return { type: 18, id: component.id ?? 1, component: fill(component.component) };
      if (component.type === 4) return { type: 4, id: component.id ?? 2, custom_id: component.custom_id, value: values[component.custom_id] ?? '' };
      return component;
    };
    const message = shownBy.payload.message;
    return this.dispatchInteraction(5, { custom_id: modal.custom_id, components: modal.components.map(fill) }, actor, message);
  }

  /** Sends an INTERACTION_CREATE of `type` with `data` to the shard that owns the guild. */
  dispatchInteraction(type: number, data: any, actor: Actor = {}, message?: ApiMessage): InteractionRecord {
    const now = Date.now();
    const user = this.#user(actor.user);
    const guildId = actor.guildId === undefined ? this.guildId : actor.guildId;
    const channelId = actor.channelId ?? this.channelId;
    const permissions = BigInt(actor.permissions ?? 0n).toString();
    const payload: any = {
      id: snowflake(now),
      application_id: this.applicationId,
      type,
      token: `itk.${randomBytes(16).toString('hex')}`,
      version: 1,
      data,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context: guildId ? 0 : 1,
      channel_id: channelId,
      channel: guildId ? { id: channelId, type: 0, guild_id: guildId, name: 'general' } : { id: channelId, type: 1, recipients: [user] },
      attachment_size_limit: 10_485_760,
    };
    if (guildId) {
      payload.guild_id = guildId;
      payload.guild_locale = 'en-US';
      payload.guild = { id: guildId, locale: 'en-US', features: [] };
      payload.member = {
        user,
        roles: [],
        permissions,
        joined_at: new Date(now - 86_400_000).toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        premium_since: null,
        pending: false,
      };
    } else {
      payload.user = user;
    }
    if (message) payload.message = message;
    const record = new InteractionRecord(this, payload, now);
    this.interactions.set(payload.id, record);
    this.dispatch('INTERACTION_CREATE', payload, guildId ? this.shardFor(guildId) : 0);
    return record;
  }

  /** A guild id that Discord would route to `shard` (guild_id >> 22 mod shard count). */
  guildOnShard(shard: number): string {
    // The shard is taken from the timestamp bits, so step back through milliseconds.
    for (let ms = 0; ; ms++) {
      const id = snowflake(Date.now() - ms);
      if (this.shardFor(id) === shard) return id;
    }
  }

  shardFor(guildId: string): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(this.shards));
  }

  /** A dispatch (op 0) to one shard; buffered for replay on RESUME even while disconnected. */
  dispatch(t: string, d: unknown, shard = 0): void {
    const session = [...this.#sessions.values()].reverse().find((s) => s.shard[0] === shard);
    if (!session) throw new Error(`stand-in: no session for shard ${shard}; wait for ready() first`);
    session.seq += 1;
    const packet = JSON.stringify({ op: 0, t, s: session.seq, d });
    session.buffer.push({ s: session.seq, packet });
    if (session.buffer.length > 1000) session.buffer.shift();
    if (session.socket?.readyState === 1) session.socket.send(packet);
  }

  // ---------------------------------------------------------------- gateway faults

  /** Closes every gateway connection with `code` (4000: resumable; 4004: bad token). */
  closeGateway(code: number, reason = '', forgetSessions = false): void {
    for (const s of this.#sessions.values()) s.socket?.close(code, reason);
    // A forgotten session answers a RESUME with op 9 (as Discord does once a session has expired).
    if (forgetSessions) this.#sessions.clear();
  }
  /** Drops the TCP connections without a close frame. */
  dropGateway(): void {
    for (const s of this.#sessions.values()) s.socket?.terminate();
  }
  /** Invalidates every session (op 9): `resumable` false makes the client identify afresh. */
  invalidateSessions(resumable = false): void {
    for (const s of this.#sessions.values()) s.socket?.send(JSON.stringify({ op: 9, d: resumable }));
  }
  /** Asks every connection to reconnect (op 7). */
  sendReconnect(): void {
    for (const s of this.#sessions.values()) s.socket?.send(JSON.stringify({ op: 7, d: null }));
  }

  // ---------------------------------------------------------------- gateway

  #onSocket(ws: WebSocket): void {
    this.#sockets.add(ws);
    let session: Session | undefined;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    ws.on('message', (raw) => {
      let packet: any;
      try {
        packet = JSON.parse(String(raw));
      } catch {
        return ws.close(4002, 'Decode error');
      }
      switch (packet.op) {
        case 1:
          if (this.ackHeartbeats) ws.send(JSON.stringify({ op: 11 }));
          break;
        case 2: {
          const d = packet.d ?? {};
          this.identifies.push(d);
          this.identifyTimes.push(Date.now());
          if (this.identifyCloseCode) return ws.close(this.identifyCloseCode, 'Refused by the stand-in.');
          if (this.invalidateIdentify) return ws.send(JSON.stringify({ op: 9, d: false }));
          if (this.rejectIdentify || (d.token !== this.token && d.token !== `Bot ${this.token}`)) return ws.close(4004, 'Authentication failed.');
          const shard: [number, number] = d.shard ?? [0, 1];
          if (shard[1] !== this.shards) return ws.close(4011, 'Sharding required.');
          session = { id: randomBytes(8).toString('hex'), shard, seq: 0, buffer: [], socket: ws };
          this.#sessions.set(session.id, session);
          const ready = {
            v: 10,
            user: this.botUser,
            guilds: [],
            session_id: session.id,
            resume_gateway_url: this.gatewayUrl,
            shard,
            application: { id: this.applicationId, flags: 0 },
          };
          this.dispatch('READY', ready, shard[0]);
          break;
        }
        case 6: {
          const d = packet.d ?? {};
          this.resumes.push(d);
          const known = this.#sessions.get(d.session_id);
          if (!known || (d.token !== this.token && d.token !== `Bot ${this.token}`)) {
            ws.send(JSON.stringify({ op: 9, d: false }));
            break;
          }
          session = known;
          if (known.socket && known.socket !== ws) known.socket.terminate();
          known.socket = ws;
          for (const { s, packet: replay } of known.buffer) if (s > d.seq) ws.send(replay);
          known.seq += 1;
          ws.send(JSON.stringify({ op: 0, t: 'RESUMED', s: known.seq, d: {} }));
          break;
        }
        default:
          break;
      }
      this.emit('change');
    });
    ws.on('close', () => {
      this.#sockets.delete(ws);
      this.emit('change');
    });
    ws.on('error', () => undefined);
  }

  // ---------------------------------------------------------------- REST

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // Paths arrive percent-encoded (`%40original`): decode each segment before routing.
    const segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    let body: any;
    const type = req.headers['content-type'] ?? '';
    if (raw.length > 0) {
      if (type.startsWith('application/json')) body = JSON.parse(raw.toString('utf8'));
      else if (type.startsWith('multipart/form-data')) body = parseMultipartJson(raw, type);
      else body = raw.toString('utf8');
    }
    const method = req.method ?? 'GET';
    const path = '/' + segments.join('/');
    const recorded: RecordedRequest = { method, path, query: url.searchParams, body, authorization: req.headers.authorization, status: 0 };
    this.requests.push(recorded);

    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      if (payload === undefined) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(payload));
      }
      this.emit('change');
    };

    const latency = this.restLatency?.(method, path) ?? 0;
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const fault = this.faults.find((f) => f.match(method, path));
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      if (fault.hang) return;
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      return send(fault.status, fault.body ?? { message: 'stand-in fault', code: 0 }, fault.headers);
    }

    try {
      if (segments[0] !== 'api' || segments[1] !== 'v10') return send(404, { message: '404: Not Found', code: 0 });
      const [, , ...route] = segments;
      const authorized = req.headers.authorization === `Bot ${this.token}`;
      const unauthorized = () => send(401, { message: '401: Unauthorized', code: 0 });

      // Interaction callbacks and webhooks are authorised by the interaction token, not the bot token.
      if (route[0] === 'interactions' && route[3] === 'callback' && method === 'POST') {
        return this.#callback(route[1]!, route[2]!, body, url.searchParams.get('with_response') === 'true', send);
      }
      if (route[0] === 'webhooks' && route[1] === this.applicationId && route[2]) {
        return this.#webhook(method, route[2], route[3] === 'messages' ? route[4] : undefined, body, send);
      }

      if (!authorized) return unauthorized();
      if (method === 'GET' && route.join('/') === 'gateway/bot') {
        return send(200, {
          url: this.gatewayUrl,
          shards: this.shards,
          session_start_limit: { total: 1000, remaining: this.identifiesRemaining, reset_after: 86_400_000, max_concurrency: this.maxConcurrency },
        });
      }
      if (method === 'GET' && route.join('/') === 'users/@me') return send(200, this.botUser);
      if (method === 'GET' && route.join('/') === 'applications/@me') return send(200, { id: this.applicationId, name: 'Hotline', flags: 0 });
      if (route[0] === 'applications' && route[1] === this.applicationId) {
        const guild = route[2] === 'guilds' ? route[3] : undefined;
        const rest = guild ? route.slice(4) : route.slice(2);
        if (rest[0] === 'commands' && rest.length === 1) {
          const key = guild ?? 'global';
          if (method === 'PUT') {
            const defs = (body as any[]).map((c) => ({ ...c, id: snowflake(), application_id: this.applicationId, guild_id: guild, version: snowflake() }));
            this.commands.set(key, defs);
            return send(200, defs);
          }
          if (method === 'GET') return send(200, this.commands.get(key) ?? []);
        }
      }
      if (route[0] === 'channels' && route[2] === 'messages' && route.length === 3 && method === 'POST') {
        const message = this.#message({ ...body, channel_id: route[1] });
        this.channelMessages.push(message);
        return send(200, message);
      }
      return send(404, { message: `stand-in: no route for ${method} ${path}`, code: 0 });
    } catch (error) {
      return send(500, { message: String(error), code: 0 });
    }
  }

  #callback(id: string, token: string, body: any, withResponse: boolean, send: (status: number, payload?: unknown) => void): void {
    const record = this.interactions.get(id);
    const reject = (status: number, code: number, message: string) => {
      record?.rejections.push({ code, body });
      return send(status, { message, code });
    };
    if (!record || record.token !== token) return reject(404, 10062, 'Unknown interaction');
    if (record.acknowledged) return reject(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - record.dispatchedAt > this.ackWindowMs) return reject(404, 10062, 'Unknown interaction');
    const type = body?.type;
    if (![1, 4, 5, 6, 7, 8, 9].includes(type)) return send(400, { message: 'Invalid Form Body', code: 50035 });
    if (type === 8 && record.payload.type !== 4) return send(400, { message: 'Invalid Form Body', code: 50035 });
    if (type === 9 && (record.payload.type === 4 || record.payload.type === 5)) return send(400, { message: 'Invalid Form Body', code: 50035 });
    if (type === 8) {
      const choices = body.data?.choices ?? [];
      if (choices.length > 25 || choices.some((c: any) => String(c.name).length > 100 || String(c.value).length > 100 || String(c.name).length < 1)) {
        return send(400, { message: 'Invalid Form Body', code: 50035, errors: { data: { choices } } });
      }
    }
    const problem = type === 4 || type === 7 ? messageProblems(body.data ?? {}) : type === 9 ? modalProblems(body.data ?? {}) : undefined;
    if (problem) return send(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });

    record.callbacks.push({ type, data: body.data, at: Date.now(), ...(body.files ? { files: body.files } : {}) });
    const channelId = record.payload.channel_id;
    if (type === 4 || type === 5) {
      record.original = this.#message({
        ...(type === 4 ? body.data : { content: '', flags: (body.data?.flags ?? 0) | 128 }),
        channel_id: channelId,
        interaction_metadata: {
          id,
          type: record.payload.type,
          user: record.payload.member?.user ?? record.payload.user,
          authorizing_integration_owners: record.payload.authorizing_integration_owners,
        },
      });
    } else if (type === 6 || type === 7) {
      const previous = record.payload.message as ApiMessage;
      record.original = type === 7 ? { ...previous, ...pickMessageFields(body.data), id: previous.id } : previous;
    }
    if (!withResponse) return send(204);
    return send(200, {
      interaction: {
        id,
        type: record.payload.type,
        activity_instance_id: null,
        response_message_id: record.original?.id,
        response_message_loading: type === 5,
        response_message_ephemeral: Boolean((body.data?.flags ?? 0) & 64),
      },
      resource: { type, message: record.original },
    });
  }

  #webhook(method: string, token: string, messageId: string | undefined, body: any, send: (status: number, payload?: unknown) => void): void {
    const record = [...this.interactions.values()].find((r) => r.token === token);
    if (!record) return send(404, { message: 'Unknown Webhook', code: 10015 });
    if (messageId === undefined) {
      if (method !== 'POST') return send(405, { message: '405: Method Not Allowed', code: 0 });
      if (!record.acknowledged) return send(404, { message: 'Unknown Webhook', code: 10015 });
      const problem = messageProblems(body ?? {});
      if (problem) return send(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });
      const message = this.#message({ ...body, channel_id: record.payload.channel_id });
      record.followups.push(message);
      return send(200, message);
    }
    const target = messageId === '@original' ? record.original : record.followups.find((m) => m.id === messageId);
    if (!target || record.deleted) return send(404, { message: 'Unknown Message', code: 10008 });
    if (method === 'GET') return send(200, target);
    if (method === 'DELETE') {
      record.deleted = true;
      this.deletedMessageIds.add(target.id);
      return send(204);
    }
    if (method === 'PATCH') {
      const problem = messageProblems({ ...target, ...body });
      if (problem) return send(400, { message: `Invalid Form Body: ${problem}`, code: 50035 });
      Object.assign(target, pickMessageFields(body), { edited_timestamp: new Date().toISOString() });
      if (target.flags & 128) target.flags &= ~128; // no longer "thinking"
      record.edits.push({ messageId, body });
      return send(200, target);
    }
    return send(405, { message: '405: Method Not Allowed', code: 0 });
  }

  #message(fields: any): ApiMessage {
    const rest = fields;
    return {
      id: snowflake(),
      type: 0,
      author: this.botUser,
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...rest,
      flags: rest.flags ?? 0,
    } as ApiMessage;
  }

  #user(partial: Partial<ApiUser> = {}): ApiUser {
    return {
      id: partial.id ?? '100000000000000001',
      username: partial.username ?? 'asker',
      discriminator: '0',
      global_name: partial.global_name ?? null,
      avatar: null,
      ...partial,
    } as ApiUser;
  }

  #findCommand(name: string): CommandDef | undefined {
    const all = [...(this.commands.get(this.guildId) ?? []), ...(this.commands.get('global') ?? [])];
    return all.find((c) => c.name === name);
  }

  #commandData(path: string, values: Record<string, string | number | boolean>, actor: Actor, focused: string | undefined): any {
    const [name, ...subs] = path.split(' ');
    const command = this.#findCommand(name!);
    if (!command) throw new Error(`stand-in: /${name} is not registered (register the commands first)`);
    let level: any[] = command.options ?? [];
    const chain: any[] = [];
    for (const sub of subs) {
      const option = level.find((o) => o.name === sub && (o.type === 1 || o.type === 2));
      if (!option) throw new Error(`stand-in: /${name} has no subcommand ${sub}`);
      chain.push(option);
      level = option.options ?? [];
    }
    const resolved: any = {};
    const options = Object.entries(values).map(([key, value]) => {
      const def = level.find((o) => o.name === key);
      if (!def) throw new Error(`stand-in: /${path} has no option ${key}`);
      const option: any = { name: key, type: def.type, value };
      if (def.type === 6) {
        const user = this.#user({ id: String(value), username: `user${String(value).slice(-4)}` });
        resolved.users = { ...resolved.users, [user.id]: user };
        if (actor.guildId !== null)
          resolved.members = { ...resolved.members, [user.id]: { roles: [], joined_at: new Date().toISOString(), permissions: '0', flags: 0 } };
      }
      if (key === focused) option.focused = true;
      return option;
    });
    for (const def of level) if (def.required && !(def.name in values) && def.name !== focused) throw new Error(`stand-in: /${path} needs option ${def.name}`);
    let nested: any[] = options;
    for (const sub of chain.reverse()) nested = [{ name: sub.name, type: sub.type, options: nested }];
    const data: any = { id: command.id, name, type: 1, options: nested };
    if (Object.keys(resolved).length) data.resolved = resolved;
    if (command.guild_id) data.guild_id = command.guild_id;
    return data;
  }
}

function pickMessageFields(data: any = {}): Partial<ApiMessage> {
  const out: any = {};
  for (const key of ['content', 'embeds', 'components', 'flags', 'allowed_mentions']) if (key in data) out[key] = data[key];
  return out;
}

/** Discord's message limits; the real API answers 50035 when one is broken, and so do we. */
export function messageProblems(data: any): string | undefined {
  const embeds: any[] = data.embeds ?? [];
  if (typeof data.content === 'string' && data.content.length > 2000) return 'content longer than 2000';
  if (embeds.length > 10) return 'more than 10 embeds';
  let total = 0;
  for (const e of embeds) {
    const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);
    if (len(e.title) > 256) return 'embed title longer than 256';
    if (len(e.description) > 4096) return 'embed description longer than 4096';
    if ((e.fields ?? []).length > 25) return 'more than 25 fields';
    if (len(e.footer?.text) > 2048) return 'footer longer than 2048';
    if (len(e.author?.name) > 256) return 'author longer than 256';
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name);
    for (const f of e.fields ?? []) {
      if (len(f.name) > 256 || len(f.name) < 1) return 'field name empty or longer than 256';
      if (len(f.value) > 1024 || len(f.value) < 1) return 'field value empty or longer than 1024';
      total += len(f.name) + len(f.value);
    }
  }
  if (total > 6000) return `embeds total ${total} > 6000`;
  const rows: any[] = data.components ?? [];
  if (rows.length > 5) return 'more than 5 rows';
  const ids = new Set<string>();
  for (const row of rows) {
    if ((row.components ?? []).length > 5) return 'more than 5 components in a row';
    for (const c of row.components ?? []) {
      if (c.custom_id !== undefined) {
        if (String(c.custom_id).length > 100) return 'custom_id longer than 100';
        if (ids.has(c.custom_id)) return `duplicate custom_id ${c.custom_id}`;
        ids.add(c.custom_id);
      }
      if (c.label !== undefined && String(c.label).length > 80) return 'button label longer than 80';
      if (c.options && c.options.length > 25) return 'more than 25 select options';
    }
  }
  return undefined;
}

function findComponent(rows: any[] = [], customId: string): any {
  for (const row of rows) for (const c of row.components ?? []) if (c.custom_id === customId) return c;
  return undefined;
}

function listCustomIds(rows: any[] = []): string[] {
  return rows.flatMap((row) => (row.components ?? []).map((c: any) => c.custom_id ?? c.url));
}

/** Discord's modal limits (title 45, up to 5 components, labels 45, text inputs up to 4,000 characters). */
export function modalProblems(data: any): string | undefined {
  if (typeof data.title !== 'string' || data.title.length < 1 || data.title.length > 45) return 'modal title empty or longer than 45';
  if (typeof data.custom_id !== 'string' || data.custom_id.length > 100) return 'modal custom_id missing or longer than 100';
  const components: any[] = data.components ?? [];
  if (components.length < 1 || components.length > 5) return 'a modal holds 1 to 5 components';
  for (const c of components) {
    const input = c.type === 18 ? c.component : c.type === 1 ? c.components?.[0] : c;
    if (c.type === 18 && (typeof c.label !== 'string' || c.label.length > 45)) return 'label longer than 45';
    if (c.type === 18 && c.description !== undefined && String(c.description).length > 100) return 'label description longer than 100';
    if (input?.type !== 4) continue;
    if (input.max_length !== undefined && input.max_length > 4000) return 'text input max_length above 4000';
    if (input.value !== undefined && String(input.value).length > 4000) return 'text input value longer than 4000';
    if (input.placeholder !== undefined && String(input.placeholder).length > 100) return 'text input placeholder longer than 100';
  }
  return undefined;
}

/** discord.js sends JSON as `payload_json` inside multipart bodies when files are attached; the files are kept under `files`. */
function parseMultipartJson(raw: Buffer, type: string): any {
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (!boundary) return undefined;
  let body: any;
  const files: UploadedFile[] = [];
  const text = raw.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const head = part.slice(0, split);
    const content = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
    const field = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    if (field === 'payload_json') body = JSON.parse(content.toString('utf8'));
    else {
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      if (filename !== undefined) files.push({ field, filename, contentType: /content-type:\s*(\S+)/i.exec(head)?.[1], content });
    }
  }
  return files.length ? { ...body, files } : body;
}
