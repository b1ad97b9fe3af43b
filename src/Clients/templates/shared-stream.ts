/** Streams: one connection, its reconnects, and the consumers that share it. */

/** Wraps what ends a stream for good (a typed event, a refusal), as opposed to a cut that is reconnected. */
class Final {
    constructor(readonly error: unknown) {
    }
}

/** A consumer this far behind holds the connection's reading back (the server closes it if it stays there). */
const HighWater = 64;
/** Connections in a row that received no event before the last failure is thrown. */
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
        let quiet = 0;
        while (true) {
            closed.throwIfAborted();
            const attempt = new AbortController();
            const close = () => attempt.abort();
            closed.addEventListener("abort", close);
            const watch = new Watchdog(this.call.idleTimeoutMs, () => attempt.abort());
            const outcome: Attempt = { lastEventId, items: false, events: false, again: false, done: false };
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
            failures = outcome.events ? 0 : failures + 1;
            quiet = outcome.items ? 0 : quiet + 1;
            if (failures >= MaxFailures) {
                throw failure ?? new Error(`The stream was cut ${failures} times in a row before it sent anything.`);
            }

            // Only a server that asked for the reconnect after sending items is answered at once: one that
            // keeps ending connections with nothing in them (an expired credential) is backed off from.
            if (!(outcome.again && outcome.items)) {
                await delay(Math.min(MaxDelayMs, FirstDelayMs * 2 ** quiet) * (0.8 + Math.random() * 0.4), closed);
            }
        }
    }

    /** Reads one connection's events until it ends, the stream finishes, or the server asks for a reconnect. */
    private async read(response: Response, outcome: Attempt, watch: Watchdog): Promise<void> {
        if (!response.body) {
            throw new Final(new Error("This fetch gives no response body to read as it arrives, so it cannot stream (React Native's, for one)."));
        }

        const reader = response.body.getReader();
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
                    outcome.items = true;
                    outcome.events = true;
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
                    outcome.events = true;
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
    /** An item arrived on this connection. */
    items: boolean;
    /** An item, or the server's request to reconnect, arrived: the connection worked. */
    events: boolean;
    again: boolean;
    done: boolean;
}
