// Hybrid's form enhancement (docs/actions-forms.md#the-enhancement-script). A <form hybrid-action>
// inside an element with data-hybrid-enhance posts the very body the browser would (FormData, with
// the submitter, the token field and files) to the same action, asking for JSON, so the server runs
// one path. Pending: aria-busy and disabled submitters. Failure: the problem's errors go into the
// form's data-hybrid-error-for slots, nothing typed or focused is touched. Success: Hybrid-Redirect
// is followed when it leads elsewhere; else the form is reset (as the plain post's fresh page would
// be) and the [data-hybrid-refresh] regions whose tags the answer revalidated are re-rendered from
// this page's fresh HTML, here and, through a BroadcastChannel, in the app's other tabs.
// Without this script, or without JavaScript, the same forms post plainly and get a 303.
// An element with data-hybrid-stream is a live list: see follow() below.
(() => {
    "use strict";
    const doc = document;
    const busy = new WeakSet();
    const channel = self.BroadcastChannel ? new BroadcastChannel("hybrid") : null;

    const fire = (target, name, detail, cancelable) =>
        target.dispatchEvent(new CustomEvent("hybrid:" + name, { bubbles: true, cancelable: !!cancelable, detail }));

    // Opted in by the nearest data-hybrid-enhance, on the form or an ancestor; "false" opts out.
    const enhanced = form =>
        form.matches("[data-hybrid-action]") && (form.closest("[data-hybrid-enhance]")?.dataset.hybridEnhance ?? "false") !== "false";

    // Hybrid-Revalidated is an RFC 8941 dictionary: tags=("post:1" "posts"), paths=("/posts/1").
    const list = (header, key) =>
        [...(new RegExp(key + "=\\(([^)]*)\\)").exec(header)?.[1] ?? "").matchAll(/"((?:[^"\\]|\\.)*)"/g)]
            .map(m => m[1].replace(/\\(.)/g, "$1"));
    const parse = header => header ? { tags: list(header, "tags"), paths: list(header, "paths") } : null;

    const put = (slot, text) => {
        slot.textContent = text;
        text ? slot.setAttribute("role", "alert") : slot.removeAttribute("role");
    };

    // Each slot gets its field's errors (the names the tag helper writes, matched ignoring case); the
    // summary slot (data-hybrid-error-for="") the message of a failure that names no field, or the
    // errors no slot showed, so none is lost.
    const show = (form, problem) => {
        const errors = problem?.errors ?? {};
        const keys = Object.keys(errors);
        const find = name => keys.find(k => k.toLowerCase() === name.toLowerCase());
        const unshown = new Set(keys);
        const summaries = [];
        const slots = new Map();
        for (const slot of form.querySelectorAll("[data-hybrid-error-for]")) {
            const name = slot.dataset.hybridErrorFor;
            if (!name) {
                summaries.push(slot);
                continue;
            }

            slots.set(name.toLowerCase(), slot);
            const key = find(name);
            unshown.delete(key);
            put(slot, key ? errors[key].join(" ") : "");
        }

        const rest = [...unshown].map(k => errors[k].join(" ")).join(" ");
        summaries.forEach(slot => put(slot, problem ? (keys.length ? rest : problem.detail ?? problem.title ?? "") : ""));
        // As the tag helpers render a plain post's errors: aria-invalid, and the slot's id in aria-describedby.
        for (const control of form.elements) {
            if (!control.name || /^(hidden|submit|button|reset|image)$/.test(control.type)) {
                continue;
            }

            const invalid = !!find(control.name);
            const id = slots.get(control.name.toLowerCase())?.id;
            const described = (control.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(d => d && d !== id);
            invalid ? control.setAttribute("aria-invalid", "true") : control.removeAttribute("aria-invalid");
            if (invalid && id) {
                described.push(id);
            }

            described.length ? control.setAttribute("aria-describedby", described.join(" ")) : control.removeAttribute("aria-describedby");
        }
    };

    // Regions are matched with their fresh twins by id, else by position among equal data-hybrid-refresh values.
    const refresh = async stale => {
        const regions = [...doc.querySelectorAll("[data-hybrid-refresh]")]
            .filter(r => r.dataset.hybridRefresh.split(/\s+/).some(t => stale.tags.includes(t) || stale.paths.includes(t)));
        if (!regions.length) {
            return;
        }

        const response = await fetch(location.href, { headers: { Accept: "text/html" }, cache: "no-cache", credentials: "same-origin" });
        if (!response.ok) {
            return;
        }

        const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
        for (const region of regions) {
            const selector = `[data-hybrid-refresh="${CSS.escape(region.dataset.hybridRefresh)}"]`;
            const twin = region.id
                ? fresh.getElementById(region.id)
                : fresh.querySelectorAll(selector)[[...doc.querySelectorAll(selector)].indexOf(region)];
            if (twin) {
                region.replaceChildren(...twin.childNodes);
                fire(region, "refreshed", stale);
            }
        }
    };

    const revalidated = stale => {
        fire(doc, "revalidated", stale);
        return refresh(stale);
    };

    channel?.addEventListener("message", event => revalidated(event.data));

    const send = async (form, submitter) => {
        const body = new FormData(form, submitter);
        if (!fire(form, "pending", { body, submitter }, true)) {
            return;
        }

        const buttons = [...form.elements].filter(b => (b.type === "submit" || b.type === "image") && !b.disabled);
        const focused = doc.activeElement;
        busy.add(form);
        form.setAttribute("aria-busy", "true");
        buttons.forEach(b => { b.disabled = true; });
        let detail;
        try {
            const response = await fetch(submitter?.hasAttribute("formaction") ? submitter.formAction : form.action, {
                method: "POST", body, headers: { Accept: "application/json" }, credentials: "same-origin",
            });
            const json = /json/.test(response.headers.get("Content-Type")) ? await response.json() : null;
            detail = {
                ok: response.ok,
                status: response.status,
                response,
                result: response.ok ? json : null,
                problem: response.ok ? null : json ?? { status: response.status, title: response.statusText },
                redirect: response.headers.get("Hybrid-Redirect"),
                revalidated: parse(response.headers.get("Hybrid-Revalidated")),
            };
        } catch (error) {
            detail = { ok: false, status: 0, problem: { title: String(error.message ?? error) } };
        } finally {
            busy.delete(form);
            form.removeAttribute("aria-busy");
            buttons.forEach(b => { b.disabled = false; });

            // A disabled button drops focus; give it back so the keyboard user is where they were.
            if (focused && doc.activeElement !== focused && (!doc.activeElement || doc.activeElement === doc.body)) {
                focused.focus();
            }
        }

        const stale = detail.revalidated;
        if (stale) {
            channel?.postMessage(stale);
        }

        // Cancel hybrid:done to handle the answer yourself.
        if (!fire(form, "done", detail, true)) {
            return;
        }

        show(form, detail.problem);
        if (!detail.ok) {
            return;
        }

        const to = detail.redirect && new URL(detail.redirect, location.href);
        if (to && to.href.split("#")[0] !== location.href.split("#")[0]) {
            location.assign(to);
            return;
        }

        form.reset();
        if (stale) {
            await revalidated(stale);
        }
    };

    doc.addEventListener("submit", event => {
        const form = event.target;
        if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !enhanced(form)) {
            return;
        }

        // One post at a time per form (a second click while it is pending sends nothing); other forms
        // and live lists are never queued behind it.
        event.preventDefault();
        if (!busy.has(form)) {
            send(form, event.submitter);
        }
    });

    // Live lists (docs/actions-forms.md#live-lists): one connection per element, aborted when it leaves
    // the document or the page is hidden, never left for the garbage collector to close.
    const streams = new Map();

    // A copy of the <template> per item, [data-hybrid-field] filled as text (never HTML); an item the list
    // already shows (its data-hybrid-key, from the page or a refresh) is skipped.
    const render = (list, id, item) => {
        const template = list.querySelector(":scope > template");
        if (!template || (id && list.querySelector(`[data-hybrid-key="${CSS.escape(id)}"]`)) || !fire(list, "item", { id, item }, true)) {
            return;
        }

        const copy = template.content.cloneNode(true);
        for (const slot of copy.querySelectorAll("[data-hybrid-field]")) {
            const value = String(slot.dataset.hybridField.split(".").reduce((v, k) => v?.[k], item) ?? "");
            const time = slot.localName === "time" && (slot.dateTime = value);
            slot[slot.matches("input, textarea, select") ? "value" : "textContent"] =
                time ? new Date(value).toLocaleDateString(doc.documentElement.lang || undefined, { dateStyle: "medium" }) : value;
        }

        [...copy.children].forEach(c => { c.dataset.hybridKey = id; });
        list.append(copy);
    };

    // Until done, error, reset or a refusal (4xx but 429), which end it quietly (hybrid:end); a cut,
    // reconnect or auth_expired reconnects with Last-Event-ID.
    const follow = list => {
        const stop = new AbortController();
        streams.set(list, stop);
        const { hybridStream: action, hybridUrl: url, hybridArgs: args, hybridToken: token } = list.dataset;
        let last = list.dataset.hybridLastEventId, retry = 1000, failures = 0;
        const state = name => { list.dataset.hybridStreamState = name; };

        // [name, data] for a terminal event, true to reconnect at once, null for a cut.
        const read = async (body, alive) => {
            const reader = body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = "", id = "", type = "", data = [];
            for (;;) {
                const { value, done } = await reader.read();
                if (done) {
                    return null; // a cut
                }

                alive();
                const lines = (buffer + value).split(/\r?\n/);
                buffer = lines.pop();
                for (const line of lines) {
                    const [, field, text] = /^([^:]*):? ?(.*)$/.exec(line);
                    if (line) {
                        field === "data" ? data.push(text) : field === "event" ? type = text : field === "id" ? last = id = text : field === "retry" && +text ? retry = +text : 0;
                        continue;
                    }

                    const name = type || "message", json = data.length ? JSON.parse(data.join("\n")) : null;
                    if (/^(reconnect|auth_expired)$/.test(name)) {
                        return true;
                    } else if (/^(done|error|reset)$/.test(name)) {
                        return [name, json];
                    }

                    name === "message" && json !== null && render(list, id, json);
                    id = type = "";
                    data = [];
                }
            }
        };

        (async () => {
            while (!stop.signal.aborted) {
                state("connecting");
                const attempt = new AbortController();
                const abort = () => attempt.abort();
                stop.signal.addEventListener("abort", abort);
                let idle, outcome = null;
                // Silent for three heartbeats: dead, even if TCP has not noticed.
                const alive = () => { clearTimeout(idle); idle = setTimeout(abort, 45000); };
                try {
                    alive();
                    const headers = { Accept: "text/event-stream", "Content-Type": "application/json", ...last && { "Last-Event-ID": last }, ...token && { "X-XSRF-TOKEN": token } };
                    const response = await fetch(url ?? "/_actions/" + action, { method: "POST", body: args ?? "{}", headers, credentials: "same-origin", signal: attempt.signal });
                    if (response.status === 204) {
                        outcome = ["done", null];
                    } else if (response.ok) {
                        state("open");
                        failures = 0;
                        outcome = await read(response.body, alive);
                    } else if (response.status !== 429 && response.status < 500) {
                        outcome = ["error", await response.json().catch(() => null)];
                    }
                } catch {
                    // The network, or an abort: retried below unless the list was stopped.
                } finally {
                    clearTimeout(idle);
                    stop.signal.removeEventListener("abort", abort);
                    attempt.abort();
                }

                if (outcome?.length && !stop.signal.aborted) {
                    streams.get(list) === stop && streams.delete(list);
                    state("ended");
                    fire(list, "end", { event: outcome[0], data: outcome[1] });
                    return;
                }

                outcome || await new Promise(resolve => setTimeout(resolve, Math.min(retry * 2 ** failures++, 30000)));
            }
        })();
    };

    const scan = () => {
        streams.forEach((stop, list) => list.isConnected || (stop.abort(), streams.delete(list)));
        for (const list of doc.querySelectorAll("[data-hybrid-stream]")) {
            streams.has(list) || list.dataset.hybridStreamState === "ended" || follow(list);
        }
    };

    new MutationObserver(scan).observe(doc, { childList: true, subtree: true });
    addEventListener("pagehide", () => streams.forEach((stop, list) => (stop.abort(), streams.delete(list))));
    addEventListener("pageshow", event => event.persisted && scan());
    scan();
})();
