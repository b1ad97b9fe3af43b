// Saves posts through both generated clients with every shape SavePost has (an enum by name, a
// DateOnly, a nullable string, a list of strings, a list of objects, an optional file), reads them back
// through v2, and checks both doors' declared problems by code without a cast. Run with
// TZ=Pacific/Kiritimati (UTC+14): a date must come back as the same day. BLOG_URL names the server,
// EDITOR_TOKEN an editor's bearer token.
import { ActionsClient, type SavePostError as SavePostActionError } from "../../../samples/Blog/clients/actions";
import { BlogApiV1Client, type SavePostError, type SavePost2Error } from "../../../samples/Blog/clients/rest-v1";
import { BlogApiV2Client } from "../../../samples/Blog/clients/rest-v2";
import { NotModified, isApiException, type PostSection, type SavedPost } from "../../../samples/Blog/clients/types";
import { baseUrl, check, openSession } from "./session";

/** A 1×1 transparent PNG. */
const png = Uint8Array.from(atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="), c => c.charCodeAt(0));
const sections: PostSection[] = [{ heading: "One", body: "The first part." }, { heading: "Two", body: "The second part." }];

function content(title: string) {
    return { title, summary: null, status: "Published" as const, publishOn: "2026-03-01", tags: ["spring", "cms"], sections };
}

/** What both doors must agree on: everything but the id and where the cover is served. */
function comparable(post: SavedPost): string {
    return JSON.stringify({ ...post, id: 0, coverUrl: post.coverUrl === null ? null : "cover", title: post.title.replace(/ (action|rest)$/, "") });
}

async function main(): Promise<void> {
    check(new Date(2026, 2, 1).getTimezoneOffset() === -840, "run under TZ=Pacific/Kiritimati, got offset " + new Date(2026, 2, 1).getTimezoneOffset());
    const token = process.env.EDITOR_TOKEN;
    check(token, "EDITOR_TOKEN names an editor's token");

    const actions = new ActionsClient(baseUrl, await openSession());
    await actions.signIn({ userName: "ada", password: "hybrid-sample" });
    const viaAction = await actions.savePost({ ...content("Shapes action"), cover: { data: new Blob([png], { type: "image/png" }), fileName: "cover.png" } });
    check(viaAction.status === "Published" && viaAction.publishOn === "2026-03-01", "the action saves the enum by name and the day as sent: " + JSON.stringify(viaAction));
    check(viaAction.summary === null && viaAction.coverUrl !== null, "a null summary stays null, the cover is stored");
    check(JSON.stringify(viaAction.sections) === JSON.stringify(sections), "the list of objects arrives in order: " + JSON.stringify(viaAction.sections));

    const rest = new BlogApiV1Client(baseUrl).withToken(() => token);
    const viaRest = await rest.savePost({ ...content("Shapes rest"), cover: { data: new Blob([png], { type: "image/png" }), fileName: "cover.png" } });
    check(comparable(viaRest) === comparable(viaAction), "both doors save the same post:\n" + comparable(viaRest) + "\n" + comparable(viaAction));

    const edited = await rest.savePost2(viaRest.id, { ...content("Shapes rest"), status: "Archived", publishOn: "2026-12-31", tags: [], sections: [sections[1]!] });
    check(edited.id === viaRest.id && edited.status === "Archived" && edited.publishOn === "2026-12-31", "PUT edits the post: " + JSON.stringify(edited));
    check(edited.coverUrl !== null, "an edit without a cover keeps the cover");

    const read = await new BlogApiV2Client(baseUrl).getPost(viaRest.id);
    check(!NotModified.is(read), "v2 answers the post");
    check(read.status === "Archived" && read.publishOn === "2026-12-31" && read.summary === null, "v2 reads back every field: " + JSON.stringify(read));
    check(JSON.stringify(read.sections) === JSON.stringify([sections[1]]) && read.tags.length === 0, "v2 reads back the lists");

    // Declared problems by code, no cast: a too-long title, a missing post, no credential.
    try {
        await rest.savePost({ ...content("x".repeat(201)) });
        throw new Error("expected a 400");
    } catch (e) {
        check(isApiException<SavePostError>(e) && e.status === 400 && e.result.code === "validation_failed" && e.result.errors?.["title"] !== undefined, "a 400 naming title, got " + String(e));
    }

    try {
        await actions.savePost({ ...content("x".repeat(201)) });
        throw new Error("expected a 400");
    } catch (e) {
        check(isApiException<SavePostActionError>(e) && e.status === 400 && e.result.errors?.["title"] !== undefined, "the action's 400 names title, got " + String(e));
    }

    try {
        await rest.savePost2(999999, content("Nowhere"));
        throw new Error("expected a 404");
    } catch (e) {
        check(isApiException<SavePost2Error>(e) && e.status === 404 && e.result.code === "post_not_found", "a typed 404, got " + String(e));
    }

    try {
        await new BlogApiV1Client(baseUrl).savePost(content("Anonymous"));
        throw new Error("expected a 401");
    } catch (e) {
        check(isApiException<SavePostError>(e) && e.status === 401 && e.result.code === "unauthorized", "a typed 401, got " + String(e));
    }

    console.log(JSON.stringify({ ok: true, saved: [viaAction.id, viaRest.id] }));
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack ?? error.message : String(error));
    process.exit(1);
});
