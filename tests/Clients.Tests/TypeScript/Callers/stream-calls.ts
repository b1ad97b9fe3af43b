// Calls the live server's stream operations through the generated clients, scenario by scenario, and
// exits non-zero on the first surprise. SERVER_URL names the server; GET /runs/{run} is its record of a run.
import { ActionsClient } from "./clients/actions";
import { CounterV1Client, type CountTo2Error } from "./clients/rest-v1";
import { HybridStreamError, HybridStreamReset, isApiException, stream, type Tick } from "./clients/types";

const server = process.env.SERVER_URL ?? "";

interface RunRecord {
    resumes: (string | null)[];
    authorizations: string[];
    endedCount: number;
    cancelledCount: number;
}

function check(condition: boolean, what: string): asserts condition {
    if (!condition) {
        throw new Error(what);
    }
}

function same(actual: unknown, expected: unknown, what: string): void {
    check(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function record(run: string): Promise<RunRecord> {
    return await (await fetch(`${server}/runs/${run}`)).json() as RunRecord;
}

async function numbers(items: AsyncIterable<Tick>, seen: number[] = []): Promise<number[]> {
    for await (const tick of items) {
        check(tick.text === "tick " + tick.n, "an item is typed and whole: " + JSON.stringify(tick));
        seen.push(tick.n);
    }
    return seen;
}

async function failure(items: AsyncIterable<Tick>, seen: number[]): Promise<unknown> {
    try {
        await numbers(items, seen);
    } catch (e) {
        return e;
    }
    throw new Error("expected the stream to throw; it ended with " + JSON.stringify(seen));
}

async function waitFor(what: string, condition: () => Promise<boolean>): Promise<void> {
    for (const started = Date.now(); Date.now() - started < 5000;) {
        if (await condition()) {
            return;
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    throw new Error("timed out waiting until " + what);
}

const scenarios: Record<string, () => Promise<void>> = {
    async "items arrive in order through both doors"() {
        const actions = new ActionsClient(server);
        const rest = new CounterV1Client(server);
        same(await numbers(actions.count({ run: "order-action", count: 5 })), [1, 2, 3, 4, 5], "the action door");
        same(await numbers(rest.countTo("order-get", 5)), [1, 2, 3, 4, 5], "the REST GET");
        same(await numbers(rest.countTo2({ run: "order-post", count: 5 })), [1, 2, 3, 4, 5], "the REST POST");
    },

    async "a cut connection resumes after the last item, through both doors, asking the token again"() {
        let asked = 0;
        const token = () => {
            asked++;
            return "ada:" + (Math.floor(Date.now() / 1000) + 60);
        };
        const rest = new CounterV1Client(server);
        same(await numbers(rest.countTo("cut-rest", 5, 50, undefined, 3, { token })), [1, 2, 3, 4, 5], "REST after a cut");
        same((await record("cut-rest")).resumes, [null, "2"], "the server resumed after item 2");
        check(asked === 2, "the token callback was asked before the connect and the reconnect, got " + asked);
        const actions = new ActionsClient(server);
        same(await numbers(actions.count({ run: "cut-action", count: 5, delayMs: 50, cutAt: 4 })), [1, 2, 3, 4, 5], "the action door after a cut");
        same((await record("cut-action")).resumes, [null, "3"], "the action resumed after item 3");
    },

    async "an error after two items is thrown typed, after both items"() {
        const seen: number[] = [];
        const e = await failure(new ActionsClient(server).count({ run: "error", count: 5, failAt: 3 }), seen);
        same(seen, [1, 2], "the items before the failure");
        check(e instanceof HybridStreamError, "a HybridStreamError, got " + String(e));
        same(e.problem.code, "count_conflict", "the problem's code");
        check(typeof e.problem.traceId === "string", "the problem has a trace id");
    },

    async "a refusal before the stream is an ApiException with the problem"() {
        const e = await failure(new CounterV1Client(server).countTo2({ run: "refused", count: -1 }), []);
        check(isApiException<CountTo2Error>(e) && e.status === 400, "a 400 ApiException, got " + String(e));
        same(e.result.code, "validation_failed", "the refusal's code");
        same((await record("refused")).resumes, [], "the handler never ran");
    },

    async "an unknown position is a reset"() {
        const e = await failure(new ActionsClient(server).count({ run: "reset", count: 3 }, { lastEventId: "AAAAAAAAAAAAAAAAAAAAAA.7" }), []);
        check(e instanceof HybridStreamReset, "a HybridStreamReset, got " + String(e));
        same(e.problem.code, "stream_reset", "the reset's code");
    },

    async "a replayed stream resumes from lastEventId, reconnects when the server ends a connection, and answers 204 at its end"() {
        const actions = new ActionsClient(server);
        same(await numbers(actions.recount({ run: "replay", count: 3 }, { lastEventId: "1" })), [2, 3], "items after lastEventId");
        same(await numbers(actions.recount({ run: "replay-end", count: 3 }, { lastEventId: "3" })), [], "nothing after the end: 204");
        same(await numbers(actions.recount({ run: "replay-long", count: 8, delayMs: 300 })), [1, 2, 3, 4, 5, 6, 7, 8], "across reconnect events");
        const resumes = (await record("replay-long")).resumes;
        check(resumes.length >= 2 && resumes[0] === null, "the server ended connections and the client came back: " + JSON.stringify(resumes));
    },

    async "an expired token gets auth_expired, and the reconnect asks for a fresh one"() {
        // Expires in one to two seconds: after some items and before the last.
        const tokens = ["ada:" + (Math.floor(Date.now() / 1000) + 2), "ada:" + (Math.floor(Date.now() / 1000) + 60)];
        let asked = 0;
        const token = async () => tokens[Math.min(asked++, 1)]!;
        same(await numbers(new ActionsClient(server).count({ run: "expiry", count: 12, delayMs: 200 }, { token })), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "every item once");
        const run = await record("expiry");
        same(run.authorizations, tokens.map(t => "Bearer " + t), "each connect sent the token asked for it");
        check(run.resumes.length === 2 && run.resumes[1] !== null, "the second connection resumed: " + JSON.stringify(run.resumes));
    },

    async "an abort signal cancels the server's handler"() {
        const abort = new AbortController();
        const seen: number[] = [];
        const e = await failure((async function* () {
            for await (const tick of new ActionsClient(server).count({ run: "abort", count: 1000, delayMs: 50 }, { signal: abort.signal })) {
                if (tick.n === 3) {
                    abort.abort();
                }
                yield tick;
            }
        })(), seen);
        check(e instanceof Error && e.name === "AbortError", "the loop ends with the abort, got " + String(e));
        await waitFor("the handler was cancelled", async () => (await record("abort")).cancelledCount === 1);
    },

    async "leaving the loop closes the connection and cancels the handler"() {
        for await (const tick of new CounterV1Client(server).countTo("break", 1000, 50)) {
            if (tick.n === 2) {
                break;
            }
        }
        await waitFor("the handler was cancelled", async () => (await record("break")).cancelledCount === 1);
    },

    async "identical calls open at once share one connection; different ones run side by side"() {
        const actions = new ActionsClient(server);
        const call = actions.count({ run: "shared", count: 5, delayMs: 100 });
        const [a, b] = await Promise.all([numbers(call), numbers(actions.count({ run: "shared", count: 5, delayMs: 100 }))]);
        same([a, b], [[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]], "both consumers got every item");
        same((await record("shared")).resumes.length, 1, "one connection");

        const order: string[] = [];
        await Promise.all([
            numbers(actions.count({ run: "slow", count: 10, delayMs: 100 })).then(() => order.push("slow")),
            numbers(actions.count({ run: "fast", count: 2, delayMs: 10 })).then(() => order.push("fast")),
        ]);
        same(order, ["fast", "slow"], "a short call ends while a long one still streams");
    },

    async "silence longer than the client's timeout is a dead connection: reconnect and resume"() {
        const seen = new Set<string>();
        const items = stream<Tick>({
            key: "silent",
            idleTimeoutMs: 1000,
            connect: (lastEventId, signal) => {
                seen.add(lastEventId ?? "");
                return fetch(server + "/silent", { headers: lastEventId ? { "Last-Event-ID": lastEventId } : {}, signal });
            },
            refused: async response => new Error("refused: " + response.status),
            parse: json => JSON.parse(json),
        });
        const started = Date.now();
        same(await numbers(items), [1, 2], "the item before the silence and the one after the reconnect");
        same([...seen], ["", "1"], "the reconnect resumed after id 1");
        check(Date.now() - started < 4000, "the timeout, not the server, ended the silent connection");
    },
};

async function main(): Promise<void> {
    for (const [name, scenario] of Object.entries(scenarios)) {
        const started = Date.now();
        try {
            await scenario();
        } catch (e) {
            console.error(`FAILED: ${name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
            process.exit(1);
        }
        console.log(`passed in ${Date.now() - started} ms: ${name}`);
    }
    console.log(JSON.stringify({ ok: true }));
}

void main();
