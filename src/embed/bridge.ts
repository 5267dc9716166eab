/**
 * The host bridge: listens for `message` events, admits those from the parent window whose origin
 * the policy allows, parses them and hands commands to the embed; answers a malformed command of
 * the protocol, and every failed one (synchronous or not), with an `error` carrying its
 * `requestId`; posts the embed's events to the allowed origins only. Nothing a host sends can
 * throw out of the listener. The window is injected, so tests drive it
 * with plain objects and the browser test with a real host page.
 */
import { EMBED_API_VERSION, embedEvent, parseHostMessage } from './protocol.ts';
import type { EmbedEventBody, HostCommand } from './protocol.ts';
import { admits, afterHandshake, eventTargets } from './origins.ts';
import type { OriginPolicy } from './origins.ts';

/** The parts of a window the bridge uses. */
export interface BridgeWindow {
  readonly parent: PostTarget;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface PostTarget {
  postMessage(message: unknown, targetOrigin: string): void;
}

/**
 * What the embed does with a command: a string is an error message sent back to the host; a
 * promise (a command that finishes later) settles to one, or to undefined when all went well.
 */
export type CommandHandler = (command: HostCommand) => string | undefined | Promise<string | undefined>;

export interface BridgeOptions {
  readonly window: BridgeWindow;
  readonly policy: OriginPolicy;
  readonly embedId: string;
  readonly handle: CommandHandler;
  /** The `ready` event's body, built when it is sent. */
  readonly ready: () => Extract<EmbedEventBody, { type: 'ready' }>;
}

export class EmbedBridge {
  private policy: OriginPolicy;
  private readonly listener = (e: MessageEvent) => this.receive(e);
  private started = false;

  constructor(private readonly options: BridgeOptions) {
    this.policy = options.policy;
  }

  get currentPolicy(): OriginPolicy {
    return this.policy;
  }

  /** Starts listening and, when the embedder is already known, announces `ready`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.options.window.addEventListener('message', this.listener);
    this.emit(this.options.ready());
  }

  stop(): void {
    this.started = false;
    this.options.window.removeEventListener('message', this.listener);
  }

  /** Sends an event to every origin allowed to hear it (none before a first handshake). */
  emit(body: EmbedEventBody): void {
    if (!this.started) return;
    const event = embedEvent(this.options.embedId, body);
    for (const origin of eventTargets(this.policy)) this.options.window.parent.postMessage(event, origin);
  }

  private reply(origin: string, body: EmbedEventBody): void {
    this.options.window.parent.postMessage(embedEvent(this.options.embedId, body), origin);
  }

  private receive(e: MessageEvent): void {
    // Only the embedding page drives the embed: not sibling frames, popups or the embed itself.
    if (e.source !== (this.options.window.parent as unknown)) return;
    const parsed = parseHostMessage(e.data);
    if (parsed.kind === 'ignored') return;
    if (parsed.kind === 'command' && parsed.command.type === 'hello') {
      this.policy = afterHandshake(this.policy, e.origin);
    }
    if (!admits(this.policy, e.origin)) return;
    const origin = this.policy.kind === 'any' ? '*' : e.origin;
    const fail = (message: string) => this.reply(origin, { type: 'error', message, requestId: parsed.requestId });
    if (parsed.kind === 'unsupported') {
      fail(`unsupported embed API version ${parsed.version}; this Task Lab speaks version ${EMBED_API_VERSION}`);
      return;
    }
    if (parsed.kind === 'invalid') {
      fail(parsed.message);
      return;
    }
    const { command } = parsed;
    if (command.type === 'hello') {
      this.reply(origin, this.options.ready());
      return;
    }
    this.run(command, fail);
  }

  /** Runs a command; its error, now or when it settles, goes back with the command's requestId. */
  private run(command: HostCommand, fail: (message: string) => void): void {
    let outcome: ReturnType<CommandHandler>;
    try {
      outcome = this.options.handle(command);
    } catch {
      fail(`${command.type} failed inside Task Lab`);
      return;
    }
    if (typeof outcome === 'string') fail(outcome);
    else if (outcome !== undefined) {
      outcome.then(
        (error) => {
          if (error !== undefined) fail(error);
        },
        () => fail(`${command.type} failed inside Task Lab`),
      );
    }
  }
}
