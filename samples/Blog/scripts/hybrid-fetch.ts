// The fetch the generated actions client is given in the browser: same-origin with the page's
// cookies, and, when the app runs with antiforgery tokens on (the page then carries the
// JavaScript-readable XSRF-TOKEN cookie), the token in the X-XSRF-TOKEN header. Pages write no
// plumbing of their own. It also reads the Hybrid-Revalidated header every action answers after a
// mutation and hands the stale tags and paths to the callbacks the page registered (onRevalidated),
// in this tab and, through a BroadcastChannel, in the app's other tabs.

const tokenCookie = "XSRF-TOKEN";
const tokenHeader = "X-XSRF-TOKEN";

function readCookie(name: string): string | undefined {
    for (const pair of document.cookie.split("; ")) {
        const separator = pair.indexOf("=");
        if (separator > 0 && pair.substring(0, separator) === name) {
            return decodeURIComponent(pair.substring(separator + 1));
        }
    }

    return undefined;
}

/** What a mutation made stale: cache tags (e.g. "post:1") and paths (e.g. "/posts/1"). */
export interface Revalidated {
    tags: string[];
    paths: string[];
}

type Listener = (stale: Revalidated) => void;

const listeners: Listener[] = [];
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("hybrid-revalidated") : undefined;
channel?.addEventListener("message", event => notify(event.data as Revalidated));

/** Registers a callback for every mutation's stale tags and paths, from this tab or another. */
export function onRevalidated(listener: Listener): void {
    listeners.push(listener);
}

function notify(stale: Revalidated): void {
    for (const listener of listeners) {
        listener(stale);
    }
}

/** Reads `tags=("post:1" "posts"), paths=("/posts/1")`, the header's structured-field dictionary. */
export function parseRevalidated(header: string | null): Revalidated | undefined {
    if (!header) {
        return undefined;
    }

    const list = (key: string): string[] => {
        const match = new RegExp(key + "=\\(([^)]*)\\)").exec(header);
        const items = match?.[1] ?? "";
        return [...items.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(m => (m[1] ?? "").replace(/\\(.)/g, "$1"));
    };
    return { tags: list("tags"), paths: list("paths") };
}

export const hybridFetch = {
    async fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
        const headers = new Headers(init?.headers);
        const token = readCookie(tokenCookie);
        if (token !== undefined && !headers.has(tokenHeader)) {
            headers.set(tokenHeader, token);
        }

        const response = await fetch(url, { ...init, headers, credentials: "same-origin" });
        const stale = parseRevalidated(response.headers.get("Hybrid-Revalidated"));
        if (stale) {
            notify(stale);
            channel?.postMessage(stale);
        }

        return response;
    },
};
