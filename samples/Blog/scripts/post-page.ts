// The post page's script: adds a comment through the generated actions client, without a reload,
// and shows field errors next to the fields. Without JavaScript the same form posts to the action
// and the server renders the errors (see Pages/Post.cshtml).
import { ActionsClient } from "../clients/actions";
import { ApiException, type Comment, type ProblemDetails } from "../clients/types";
import { hybridFetch, onRevalidated } from "./hybrid-fetch";

const actions = new ActionsClient(location.origin, hybridFetch);

function errorSlots(form: HTMLFormElement): NodeListOf<HTMLElement> {
    return form.querySelectorAll<HTMLElement>("[data-hybrid-error-for]");
}

function showProblem(form: HTMLFormElement, problem: ProblemDetails | null): void {
    for (const slot of errorSlots(form)) {
        const field = slot.dataset.hybridErrorFor ?? "";
        const messages = field === "" ? [] : problem?.errors?.[field] ?? [];
        slot.textContent = field === ""
            ? (problem && !problem.errors ? problem.detail ?? problem.title : "")
            : messages.join(" ");
    }
}

function appendComment(comment: Comment): void {
    if (document.querySelector(`#comments li.comment[data-id="${comment.id}"]`)) {
        return;
    }

    const item = document.createElement("li");
    item.className = "comment";
    item.dataset.id = String(comment.id);
    const author = document.createElement("strong");
    author.className = "author";
    author.textContent = comment.author;
    const body = document.createElement("span");
    body.className = "body";
    body.textContent = comment.body;
    item.append(author, ": ", body);
    document.getElementById("comments")?.append(item);
}

function enhance(form: HTMLFormElement): void {
    form.addEventListener("submit", async event => {
        event.preventDefault();
        const fields = new FormData(form);
        showProblem(form, null);
        try {
            const comment = await actions.createComment({
                postId: Number(fields.get("postId")),
                author: String(fields.get("author") ?? ""),
                body: String(fields.get("body") ?? ""),
            });
            appendComment(comment);
            form.reset();
        } catch (error) {
            if (ApiException.isApiException(error) && error.result) {
                showProblem(form, error.result as ProblemDetails);
            } else {
                showProblem(form, { type: "about:blank", title: "The comment could not be sent.", status: 0, code: "network", traceId: "" });
            }
        }
    });
}

const form = document.querySelector<HTMLFormElement>("form#comment-form");
if (form) {
    enhance(form);
}

/** Brings the list in line with the post as the server has it now: new comments appended, removed ones dropped. */
async function refreshComments(postId: number): Promise<void> {
    const post = await actions.getPost({ postId });
    const current = new Set(post.comments.map(c => String(c.id)));
    for (const item of document.querySelectorAll<HTMLElement>("#comments li.comment")) {
        if (!current.has(item.dataset.id ?? "")) {
            item.remove();
        }
    }

    post.comments.forEach(appendComment);
}

// A comment added or removed anywhere (this tab, another tab, any door whose answer reached this
// browser) that makes this post stale refreshes its list, and only then.
const postId = Number(document.querySelector<HTMLInputElement>("input[name=postId]")?.value);
if (postId > 0) {
    onRevalidated(stale => {
        if (stale.tags.includes(`post:${postId}`) || stale.paths.includes(location.pathname)) {
            void refreshComments(postId);
        }
    });
}
