/** Streams: reading server-sent events, and the timers around a connection. */

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
