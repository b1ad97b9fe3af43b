// The fetch the generated actions client is given in the browser: same-origin with the page's
// cookies, and, when the app runs with antiforgery tokens on (the page then carries the
// JavaScript-readable XSRF-TOKEN cookie), the token in the X-XSRF-TOKEN header. Pages write no
// plumbing of their own.

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

export const hybridFetch = {
    fetch(url: RequestInfo, init?: RequestInit): Promise<Response> {
        const headers = new Headers(init?.headers);
        const token = readCookie(tokenCookie);
        if (token !== undefined && !headers.has(tokenHeader)) {
            headers.set(tokenHeader, token);
        }

        return fetch(url, { ...init, headers, credentials: "same-origin" });
    },
};
