// Calls the running sample through both generated clients, as the UI and the mobile app would,
// and exits non-zero on the first surprise. BLOG_URL names the server.
import { ActionsClient } from "../../../samples/Blog/clients/actions";
import { BlogApiV1Client, type GetPostError } from "../../../samples/Blog/clients/rest-v1";
import { BlogApiV2Client, type GetPostError as GetPostV2Error } from "../../../samples/Blog/clients/rest-v2";
import { ApiException, NotModified, isApiException, type ProblemDetails, type Revalidated } from "../../../samples/Blog/clients/types";
import { baseUrl, check, openSession } from "./session";

async function expectProblem(call: Promise<unknown>, status: number, code: string): Promise<ProblemDetails> {
    try {
        await call;
    } catch (e) {
        check(isApiException<ApiException<number, ProblemDetails>>(e), "an ApiException, got " + String(e));
        check(e.status === status, `status ${status}, got ${e.status}`);
        const problem = e.result;
        check(problem.code === code, `code ${code}, got ${problem.code}`);
        check(typeof problem.traceId === "string", "a traceId");
        return problem;
    }
    throw new Error(`expected a ${status} ${code} problem, but the call succeeded`);
}

/** Each status's problem is typed with exactly its codes: a code the document does not list would not compile here. */
async function expectTypedNotFound(rest: BlogApiV1Client): Promise<void> {
    try {
        await rest.getPost(999999);
    } catch (e) {
        // No cast: the operation's declared errors narrow on the status to that status's problem type.
        check(isApiException<GetPostError>(e) && e.status === 404, "a 404 ApiException, got " + String(e));
        const code: "post_not_found" = e.result.code;
        check(code === "post_not_found", "the 404 carries post_not_found");
        return;
    }
    throw new Error("expected a 404 for a post that does not exist");
}

/**
 * A REST client given a token provider sends `Authorization: Bearer <token>` with each request, asking
 * the provider every time; a provider with no token sends none. The route is anonymous, so the token
 * is only observed on its way out.
 */
async function expectTokenSent(): Promise<void> {
    const sent: (string | null)[] = [];
    const observing = {
        fetch(url: RequestInfo, init?: RequestInit) {
            sent.push(new Headers(init?.headers).get("Authorization"));
            return fetch(url, init);
        },
    };
    let token: string | undefined = "first-token";
    const rest = new BlogApiV1Client(baseUrl, observing).withToken(async () => token);
    await rest.getPost(1);
    token = "refreshed-token";
    await rest.getPost(1);
    token = undefined;
    await rest.getPost(1);
    check(JSON.stringify(sent) === JSON.stringify(["Bearer first-token", "Bearer refreshed-token", null]), "the token provider's token on each request, got " + JSON.stringify(sent));
}

/** What the clients put on the wire: no empty header, a conditional GET answered by a typed NotModified, an abort. */
async function expectWireManners(): Promise<void> {
    const sent: Headers[] = [];
    const observing = { fetch(url: RequestInfo, init?: RequestInit) { sent.push(new Headers(init?.headers)); return fetch(url, init); } };
    const rest = new BlogApiV1Client(baseUrl, observing);
    const post = await rest.getPost(1);
    check(!NotModified.is(post) && post.id === 1, "an unconditional GET returns the post");
    check(!sent[0]!.has("If-None-Match"), "no empty If-None-Match header, got " + JSON.stringify([...sent[0]!.entries()]));

    const etag = (await fetch(baseUrl + "/api/v1/posts/1")).headers.get("ETag");
    check(etag !== null, "the route answers an ETag");
    const again = await rest.getPost(1, etag);
    check(NotModified.is(again) && again.etag === etag, "a matching If-None-Match gives a NotModified result, not an exception");

    const controller = new AbortController();
    controller.abort();
    try {
        await rest.getPost(1, undefined, controller.signal);
        throw new Error("expected the aborted call to reject");
    } catch (e) {
        check(e instanceof Error && e.name === "AbortError", "an aborted call rejects with AbortError, got " + String(e));
    }
}

async function main(): Promise<void> {
    const actions = new ActionsClient(baseUrl, await openSession());
    const rest = new BlogApiV1Client(baseUrl);
    const stale: Revalidated[] = [];
    actions.onRevalidated(s => stale.push(s));

    const posts = await actions.listPosts();
    check(posts.some(p => p.id === 1 && p.title.length > 0), "listPosts returns the seeded post");

    let pending = -1;
    const calling = actions.createComment({ postId: 1, author: "Node action", body: "typed through the actions client" });
    pending = actions.pending;
    const viaAction = await calling;
    check(pending === 1 && actions.pending === 0, `one call pending while it runs (${pending}), none after (${actions.pending})`);
    check(viaAction.id > 0 && viaAction.postId === 1, "createComment through the action door returns the comment");
    check(stale.some(s => s.tags.includes("post:1")), "the revalidated tags reach the registered callback, got " + JSON.stringify(stale));

    const viaRest = await rest.createComment(1, { author: "Node REST", body: "typed through the REST client" });
    check(viaRest.id > viaAction.id && viaRest.author === "Node REST", "createComment through the REST door returns the comment");

    const post = await rest.getPost(1);
    check(!NotModified.is(post), "an unconditional GET is never NotModified");
    check(post.comments.some(c => c.id === viaAction.id), "the action's comment is on the post");
    check(post.comments.some(c => c.id === viaRest.id), "the REST comment is on the post");
    const sameThroughAction = await actions.getPost({ postId: 1 });
    check(JSON.stringify(sameThroughAction) === JSON.stringify(post), "both doors return the same post");

    const invalidRest = await expectProblem(rest.createComment(1, { author: "", body: "x" }), 400, "validation_failed");
    const invalidAction = await expectProblem(actions.createComment({ postId: 1, author: "", body: "x" }), 400, "validation_failed");
    check(JSON.stringify(invalidRest.errors) === JSON.stringify(invalidAction.errors), "both doors report the same field errors");
    check(invalidRest.errors?.["author"] !== undefined, "the error names the author field");
    await expectProblem(rest.getPost(999999), 404, "post_not_found");
    await expectTypedNotFound(rest);
    await expectProblem(actions.getPost({ postId: 999999 }), 404, "post_not_found");

    // Version 2 of the same post: a page of comments, each author an object; its 404 is typed too.
    const v2 = new BlogApiV2Client(baseUrl);
    const paged = await v2.getPost(1, 1, 1);
    check(!NotModified.is(paged), "v2 answers the post");
    check(paged.comments.page === 1 && paged.comments.pageSize === 1 && paged.comments.items.length === 1, "v2 pages the comments");
    check(paged.comments.total === post.comments.length, "v2 counts every comment of the post");
    check(paged.comments.items[0]?.author.name === post.comments[0]?.author, "v2 gives the author as an object");
    try {
        await v2.getPost(999999);
        throw new Error("expected a 404 from v2 for a post that does not exist");
    } catch (e) {
        check(isApiException<GetPostV2Error>(e) && e.status === 404, "a v2 404 ApiException, got " + String(e));
        const code: "post_not_found" = e.result.code;
        check(code === "post_not_found", "the v2 404 carries post_not_found");
    }

    await expectTokenSent();
    await expectWireManners();

    // Deleting needs the moderator role: signed out it is refused, signed in as ada it deletes.
    await expectProblem(actions.deleteComment({ postId: 1, commentId: viaAction.id }), 401, "unauthorized");
    await expectProblem(actions.signIn({ userName: "ada", password: "wrong" }), 401, "invalid_credentials");
    await actions.signIn({ userName: "ada", password: "hybrid-sample" });
    await actions.deleteComment({ postId: 1, commentId: viaAction.id });

    // The mobile app's way: ada's bearer token through the REST client's token provider deletes the REST comment.
    const adaToken = process.env.ADA_TOKEN;
    check(adaToken !== undefined && adaToken.length > 0, "ADA_TOKEN names ada's development JWT");
    const signedOutRest = new BlogApiV1Client(baseUrl, { fetch: (url, init) => fetch(url, init) });
    await expectProblem(signedOutRest.deleteComment(1, viaRest.id), 401, "unauthorized");
    await new BlogApiV1Client(baseUrl, { fetch: (url, init) => fetch(url, init) }).withToken(async () => adaToken).deleteComment(1, viaRest.id);
    const after = await rest.getPost(1);
    check(!NotModified.is(after), "the post after the deletes");
    check(!after.comments.some(c => c.id === viaAction.id), "deleteComment removed the comment");
    check(!after.comments.some(c => c.id === viaRest.id), "the token deleted the REST comment");

    console.log(JSON.stringify({ ok: true, created: [viaAction.id, viaRest.id], comments: after.comments.length }));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
});
