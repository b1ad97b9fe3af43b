/** Streams: what a stream operation's method takes, returns and throws (docs/streaming.md). */

/** How one call of a stream operation runs. */
export interface StreamOptions {
    /** Stops this consumer; the connection closes when no other consumer of the same call is left. */
    signal?: AbortSignal;
    /** Resumes after this event id (the last one an earlier run received) instead of starting over. */
    lastEventId?: string;
    /** Asked before every connect and reconnect; sent as `Authorization: Bearer`, never in the URL. Overrides `withToken`. */
    token?: () => string | Promise<string>;
}

/** The problem a stream's `error`, `reset` or `auth_expired` event carries (RFC 9457, with Hybrid's `code`). */
export interface StreamProblem {
    type?: string;
    title?: string;
    status?: number;
    detail?: string;
    code: string;
    traceId?: string;
    [member: string]: unknown;
}

/** The stream failed after it started: thrown after every item that came before the failure. */
export class HybridStreamError extends Error {
    override name = "HybridStreamError";

    constructor(readonly problem: StreamProblem) {
        super(problem.detail ?? problem.title ?? problem.code);
    }
}

/** The position the stream was resumed from is gone (`stream_reset`): start the call again without `lastEventId`. */
export class HybridStreamReset extends Error {
    override name = "HybridStreamReset";

    constructor(readonly problem: StreamProblem) {
        super(problem.detail ?? problem.title ?? problem.code);
    }
}

/** One call of a stream operation, as the generated method describes it to {@link stream}. */
export interface StreamCall {
    /** Method, URL, body, headers other than the token, and the starting position: equal keys share one connection. */
    key: string;
    /** Where the first connection resumes, if anywhere. */
    lastEventId?: string;
    /** Nothing (not even a heartbeat) for this long: the connection is dead, reconnect. */
    idleTimeoutMs: number;
    /** Sends the request once, resuming after `lastEventId` when given. */
    connect(lastEventId: string | undefined, signal: AbortSignal): Promise<Response>;
    /** Turns an answer other than 200 or 204 into the error to throw (the client's `ApiException`). */
    refused(response: Response): Promise<unknown>;
    /** Parses an item's JSON. */
    parse(json: string): unknown;
}

/**
 * The items of a stream call, in order. Nothing is sent until the first `next()`; every consumer of
 * an identical call (same `key`) open at once shares one connection, which is closed as soon as the
 * last consumer leaves (`break`, `return`, a throw, or its `signal`). A consumer that joins a running
 * call gets the items that arrive after it joined.
 */
export function stream<T>(call: StreamCall, signal?: AbortSignal, open: Map<string, unknown> = new Map()): AsyncIterable<T> {
    return { [Symbol.asyncIterator]: () => consume<T>(call, signal, open as Map<string, SharedStream<T>>) };
}

async function* consume<T>(call: StreamCall, signal: AbortSignal | undefined, open: Map<string, SharedStream<T>>): AsyncGenerator<T, void, undefined> {
    signal?.throwIfAborted();
    let shared = open.get(call.key);
    if (shared === undefined) {
        shared = new SharedStream<T>(call, open);
        open.set(call.key, shared);
    }

    const consumer = shared.join();
    const wake = () => consumer.wake();
    signal?.addEventListener("abort", wake);
    try {
        while (true) {
            signal?.throwIfAborted();
            const entry = shared.take(consumer);
            if (entry === undefined) {
                await new Promise<void>(resolve => { consumer.waiting = resolve; });
            } else if (entry.kind === "item") {
                yield entry.item;
            } else if (entry.kind === "error") {
                throw entry.error;
            } else {
                return;
            }
        }
    } finally {
        signal?.removeEventListener("abort", wake);
        shared.leave(consumer);
    }
}

type Entry<T> = { kind: "item"; item: T } | { kind: "error"; error: unknown } | { kind: "end" };

class Consumer<T> {
    readonly queue: Entry<T>[] = [];
    waiting: (() => void) | undefined;

    wake(): void {
        const waiting = this.waiting;
        this.waiting = undefined;
        waiting?.();
    }
}

/** Wraps what ends a stream for good (a typed event, a refusal), as opposed to a cut that is reconnected. */
class Final {
    constructor(readonly error: unknown) {
    }
}

/** A consumer this far behind holds the connection's reading back (the server closes it if it stays there). */
const HighWater = 64;
/** Reconnects in a row that received nothing before the last failure is thrown. */
const MaxFailures = 6;
const FirstDelayMs = 250;
const MaxDelayMs = 5000;

/** One connection (and its reconnects) shared by every consumer of an identical call. */
class SharedStream<T> {
    private readonly consumers = new Set<Consumer<T>>();
    private readonly controller = new AbortController();
    private room: (() => void) | undefined;
    private started = false;

    constructor(private readonly call: StreamCall, private readonly open: Map<string, SharedStream<T>>) {
    }

    join(): Consumer<T> {
        const consumer = new Consumer<T>();
        this.consumers.add(consumer);
        if (!this.started) {
            this.started = true;
            void this.run();
        }

        return consumer;
    }

    take(consumer: Consumer<T>): Entry<T> | undefined {
        const entry = consumer.queue.shift();
        if (entry !== undefined && consumer.queue.length < HighWater) {
            this.wakeReader();
        }

        return entry;
    }

    leave(consumer: Consumer<T>): void {
        this.consumers.delete(consumer);
        this.wakeReader();
        if (this.consumers.size === 0) {
            this.forget();
            this.controller.abort();
        }
    }

    private wakeReader(): void {
        const room = this.room;
        this.room = undefined;
        room?.();
    }

    private forget(): void {
        if (this.open.get(this.call.key) === this) {
            this.open.delete(this.call.key);
        }
    }

    private send(entry: Entry<T>): void {
        for (const consumer of this.consumers) {
            consumer.queue.push(entry);
            consumer.wake();
        }
    }

    private async run(): Promise<void> {
        let last: Entry<T>;
        try {
            await this.connectAll();
            last = { kind: "end" };
        } catch (e) {
            last = { kind: "error", error: e instanceof Final ? e.error : e };
        }

        this.forget();
        this.send(last);
    }

    private async waitForRoom(): Promise<void> {
        while ([...this.consumers].some(c => c.queue.length >= HighWater)) {
            await new Promise<void>(resolve => { this.room = resolve; });
        }
    }

    /** Connects, reads, and reconnects after a cut, a `reconnect` or `auth_expired` event, or silence, until the stream ends. */
    private async connectAll(): Promise<void> {
        const closed = this.controller.signal;
        let lastEventId = this.call.lastEventId;
        let connected = false;
        let failures = 0;
        while (true) {
            closed.throwIfAborted();
            const attempt = new AbortController();
            const close = () => attempt.abort();
            closed.addEventListener("abort", close);
            const watch = new Watchdog(this.call.idleTimeoutMs, () => attempt.abort());
            const outcome: Attempt = { lastEventId, received: false, again: false, done: false };
            let failure: unknown;
            try {
                watch.arm();
                const response = await this.call.connect(lastEventId, attempt.signal);
                if (response.status === 204) {
                    return;
                }

                if (response.status !== 200 || !/^text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) {
                    const refusal = await this.call.refused(response);
                    throw connected && [429, 502, 503, 504].indexOf(response.status) >= 0 ? refusal : new Final(refusal);
                }

                connected = true;
                await this.read(response, outcome, watch);
                if (outcome.done) {
                    return;
                }
            } catch (e) {
                if (closed.aborted) {
                    throw closed.reason;
                }

                failure = watch.fired ? new Error(`The stream sent nothing for ${this.call.idleTimeoutMs / 1000} s.`) : e;
                if (failure instanceof Final || !connected) {
                    throw failure;
                }
            } finally {
                watch.disarm();
                closed.removeEventListener("abort", close);
                attempt.abort();
            }

            lastEventId = outcome.lastEventId;
            failures = outcome.received ? 0 : failures + 1;
            if (failures >= MaxFailures) {
                throw failure ?? new Error(`The stream was cut ${failures} times in a row before it sent anything.`);
            }

            if (!outcome.again) {
                await delay(Math.min(MaxDelayMs, FirstDelayMs * 2 ** failures) * (0.8 + Math.random() * 0.4), closed);
            }
        }
    }

    /** Reads one connection's events until it ends, the stream finishes, or the server asks for a reconnect. */
    private async read(response: Response, outcome: Attempt, watch: Watchdog): Promise<void> {
        const reader = response.body!.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        const events: SseEvent[] = [];
        try {
            while (true) {
                const { done, value } = await reader.read();
                if (done) {
                    return;
                }

                watch.arm();
                parser.push(decoder.decode(value, { stream: true }), events);
                for (const event of events.splice(0)) {
                    if (this.dispatch(event, outcome)) {
                        return;
                    }
                }

                // Waiting for a slow consumer is not silence from the server.
                watch.disarm();
                await this.waitForRoom();
                watch.arm();
            }
        } finally {
            reader.cancel().catch(() => undefined);
        }
    }

    /** Acts on one event; true when the connection is over (the stream ended, or the server asked for a reconnect). */
    private dispatch(event: SseEvent, outcome: Attempt): boolean {
        try {
            switch (event.type) {
                case "message":
                    this.send({ kind: "item", item: this.call.parse(event.data) as T });
                    outcome.received = true;
                    break;
                case "done":
                    outcome.done = true;
                    return true;
                case "error":
                    throw new HybridStreamError(JSON.parse(event.data) as StreamProblem);
                case "reset":
                    throw new HybridStreamReset(JSON.parse(event.data) as StreamProblem);
                case "reconnect":
                case "auth_expired":
                    outcome.received = true;
                    outcome.again = true;
                    return true;
            }
        } catch (e) {
            throw new Final(e);
        }

        // The id moves only once its event was handled, so a cut resumes after the last item delivered.
        outcome.lastEventId = event.id ?? outcome.lastEventId;
        return false;
    }
}

interface Attempt {
    lastEventId: string | undefined;
    received: boolean;
    again: boolean;
    done: boolean;
}

/** Fires once nothing arrived for the stream's client timeout. */
class Watchdog {
    fired = false;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly ms: number, private readonly onSilence: () => void) {
    }

    arm(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.fired = true;
            this.onSilence();
        }, this.ms);
    }

    disarm(): void {
        clearTimeout(this.timer);
    }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
        const stop = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal.removeEventListener("abort", stop);
            resolve();
        }, ms);
        signal.addEventListener("abort", stop, { once: true });
    });
}

interface SseEvent {
    type: string;
    data: string;
    /** The last id seen when the event was dispatched, per the standard's last event ID buffer. */
    id: string | undefined;
}

/** Server-sent events as the HTML standard parses them: lines, fields, a blank line dispatches; comments (heartbeats) skipped. */
class SseParser {
    private pending = "";
    private data: string[] = [];
    private type = "";
    private id: string | undefined;

    push(text: string, events: SseEvent[]): void {
        const buffer = this.pending + text;
        let start = 0;
        for (let i = 0; i < buffer.length; i++) {
            const c = buffer.charCodeAt(i);
            if (c !== 10 && c !== 13) {
                continue;
            }

            // A CR at the end of the text may be the first half of a CRLF that the next text completes.
            if (c === 13 && i + 1 === buffer.length) {
                break;
            }

            this.line(buffer.slice(start, i), events);
            if (c === 13 && buffer.charCodeAt(i + 1) === 10) {
                i++;
            }

            start = i + 1;
        }

        this.pending = buffer.slice(start);
    }

    private line(line: string, events: SseEvent[]): void {
        if (line === "") {
            // A block with an id and no data moves the id without dispatching anything.
            events.push({ type: this.data.length > 0 ? this.type || "message" : "", data: this.data.join("\n"), id: this.id });

            this.data = [];
            this.type = "";
            return;
        }

        if (line.charCodeAt(0) === 58) {
            return;
        }

        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? "" : line.slice(colon + 1);
        if (value.charCodeAt(0) === 32) {
            value = value.slice(1);
        }

        if (field === "data") {
            this.data.push(value);
        } else if (field === "event") {
            this.type = value;
        } else if (field === "id" && value.indexOf("\0") < 0) {
            this.id = value;
        }
    }
}
