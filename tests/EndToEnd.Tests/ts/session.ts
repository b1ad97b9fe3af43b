// What the Node scripts share: the Blog's address, checks, and a browser-like session.
export const baseUrl = process.env.BLOG_URL ?? "http://127.0.0.1:5080";

export function check(condition: unknown, message: string): asserts condition {
    if (!condition) {
        throw new Error("check failed: " + message);
    }
}

/** A browser-like session: keeps the cookies it is given (the page's, the sign-in's); echoes XSRF-TOKEN when the sample runs with antiforgery tokens on. */
export async function openSession(): Promise<{ fetch(url: RequestInfo, init?: RequestInit): Promise<Response> }> {
    const cookies = new Map<string, string>();
    const keep = (response: Response) => {
        for (const pair of response.headers.getSetCookie().map(c => c.split(";")[0] ?? "")) {
            const name = pair.substring(0, pair.indexOf("="));
            cookies.set(name, pair);
        }
    };
    const page = await fetch(baseUrl + "/posts/1");
    check(page.ok, "the post page answers " + page.status);
    keep(page);
    const xsrf = cookies.get("XSRF-TOKEN")?.substring("XSRF-TOKEN=".length);
    return {
        async fetch(url: RequestInfo, init?: RequestInit) {
            const headers = new Headers(init?.headers);
            headers.set("Cookie", [...cookies.values()].join("; "));
            if (xsrf) {
                headers.set("X-XSRF-TOKEN", decodeURIComponent(xsrf));
            }
            const response = await fetch(url, { ...init, headers });
            keep(response);
            return response;
        },
    };
}

