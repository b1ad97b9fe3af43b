/** Streams: what a stream operation's method takes, returns and throws (docs/clients.md, Streams). */

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
