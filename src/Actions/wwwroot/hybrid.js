// Hybrid's form enhancement (docs/actions-forms.md#the-enhancement-script). A <form hybrid-action>
// inside an element with data-hybrid-enhance posts the very body the browser would (FormData, with
// the submitter, the token field and files) to the same action, asking for JSON, so the server runs
// one path. Pending: aria-busy and disabled submitters. Failure: the problem's errors go into the
// form's data-hybrid-error-for slots, nothing typed or focused is touched. Success: Hybrid-Redirect
// is followed when it leads elsewhere; else the form is reset (as the plain post's fresh page would
// be) and the [data-hybrid-refresh] regions whose tags the answer revalidated are re-rendered from
// this page's fresh HTML, here and, through a BroadcastChannel, in the app's other tabs.
// Without this script, or without JavaScript, the same forms post plainly and get a 303.
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

        // One post at a time: a second click while the first is pending sends nothing.
        event.preventDefault();
        if (!busy.has(form)) {
            send(form, event.submitter);
        }
    });
})();
