// Stands in for the Blog's mobile app: it talks to the public REST door only, through the clients the
// Blog's build generates (../clients), and writes no HTTP code of its own: reads, a retried write, and a
// live stream of new comments. Run against a live Blog:
//   BLOG_URL=http://127.0.0.1:5080 BLOG_TOKEN=$(dotnet run --project .. -- issue-token ada) node dist/mobile/main.js
import { BlogApiV1Client, type CreateCommentError, type GetPostError } from "../clients/rest-v1";
import { BlogApiV2Client } from "../clients/rest-v2";
import { isApiException, NotModified, type HttpFetch } from "../clients/types";

// What this stand-in reads from its host (Node here; a React Native app would read its own configuration).
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };
declare function setTimeout(handler: () => void, milliseconds: number): unknown;

const baseUrl = process.env.BLOG_URL ?? "http://127.0.0.1:5080";
const token = process.env.BLOG_TOKEN;

function log(step: string, detail: unknown): void {
    console.log(JSON.stringify({ step, detail }));
}

/** A network that loses the first answer to a POST after the server acted on it, as a phone going into a tunnel does. */
function flakyNetwork(): HttpFetch & { dropped: number } {
    const network = {
        dropped: 0,
        async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
            const response = await fetch(url, init);
            if (init?.method === "POST" && network.dropped === 0) {
                network.dropped++;
                throw new TypeError("network connection lost");
            }

            return response;
        },
    };
    return network;
}

async function main(): Promise<void> {
    // Reading needs no account: posts by tag, then one post through version 2 (paged comments).
    const v1 = new BlogApiV1Client(baseUrl);
    const tagged = await v1.listPosts(["hybrid"]);
    if (NotModified.is(tagged)) {
        throw new Error("an unconditional read is never NotModified");
    }

    log("posts tagged hybrid", tagged.map(p => p.title));
    const v2 = new BlogApiV2Client(baseUrl);
    const post = await v2.getPost(1, 1, 5);
    if (NotModified.is(post)) {
        throw new Error("an unconditional read is never NotModified");
    }

    log("post 1 through v2", { title: post.title, comments: post.comments.total });

    // A declared 404, handled by its code: no cast, and a code getPost does not declare would not compile.
    try {
        await v1.getPost(999999);
    } catch (e) {
        if (isApiException<GetPostError>(e) && e.status === 404 && e.result.code === "post_not_found") {
            log("missing post", e.result.code);
        } else {
            throw e;
        }
    }

    // Signed in with a bearer token: a comment with an Idempotency-Key, retried after its answer was lost.
    if (!token) {
        throw new Error("BLOG_TOKEN names the user's access token (dotnet run --project samples/Blog -- issue-token ada)");
    }

    const network = flakyNetwork();
    const signedIn = new BlogApiV1Client(baseUrl, network).withToken(() => token);
    const key = "mobile-" + Date.now() + "-" + Math.random().toString(36).slice(2);
    const comment = { author: "Mobile", body: `Sent once, retried after the answer was lost (${key}).` };

    // The post's new comments, followed live through the REST door's stream while the comment is sent:
    // from the newest comment this reader has seen, so none written after it is missed however long the
    // connection takes to open; aborted once the comment arrived, which closes the connection.
    const following = new AbortController();
    const newestSeen = Math.max(0, ...post.comments.items.map(c => c.id));
    const live = (async () => {
        for await (const arrived of v1.followComments(1, { signal: following.signal, lastEventId: String(newestSeen) })) {
            if (arrived.body === comment.body) {
                return arrived;
            }
        }

        throw new Error("the live stream ended before the comment arrived");
    })();
    let created;
    for (let attempt = 1; ; attempt++) {
        try {
            created = await signedIn.createComment(1, comment, key);
            break;
        } catch (e) {
            if (attempt === 5) {
                throw e;
            }

            if (isApiException<CreateCommentError>(e)) {
                // The first attempt is still being recorded: the server asks to come back in a moment.
                if (e.status !== 409 || e.result.code !== "idempotency_key_in_use") {
                    throw e;
                }

                await new Promise<void>(resolve => setTimeout(() => resolve(), 250));
                continue;
            }

            log("retrying after a lost answer", { attempt, key });
        }
    }

    const arrived = await Promise.race([
        live,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("the comment did not arrive on the live stream within 15 s")), 15000)),
    ]);
    following.abort();
    log("live comment", { id: arrived.id, author: arrived.authorName });
    if (arrived.id !== created.id) {
        throw new Error(`the live stream carried comment ${arrived.id}, the one created is ${created.id}`);
    }

    const after = await v2.getPost(1, 1, 100);
    if (NotModified.is(after)) {
        throw new Error("an unconditional read is never NotModified");
    }

    const copies = after.comments.items.filter(c => c.body === comment.body && c.author.name === comment.author).length;
    log("comment", { id: created.id, lost: network.dropped, copies });
    if (copies !== 1) {
        throw new Error(`the retried comment must be stored exactly once, found ${copies}`);
    }

    console.log(JSON.stringify({ ok: true, commentId: created.id }));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
});
