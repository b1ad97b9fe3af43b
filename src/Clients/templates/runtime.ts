/** What every Hybrid client shares; the generated clients take these from this module. */

/** An answer other than the operation's success: the status, the raw body, the headers and the parsed problem. */
export class ApiException<TStatus extends number = number, TResult = unknown> extends Error {
    override message: string;
    status: TStatus;
    response: string;
    headers: { [key: string]: any; };
    result: TResult;

    constructor(message: string, status: TStatus, response: string, headers: { [key: string]: any; }, result: TResult) {
        super(message);
        this.message = message;
        this.status = status;
        this.response = response;
        this.headers = headers;
        this.result = result;
    }

    protected isApiException = true;

    /** Narrows an error to an operation's declared errors (e.g. `GetPostError`), then `e.status` narrows `e.result`. */
    static isApiException<E extends ApiException<number, unknown> = ApiException>(obj: unknown): obj is E {
        return typeof obj === "object" && obj !== null && (obj as { isApiException?: unknown }).isApiException === true;
    }
}

/** Narrows an error to an operation's declared errors (e.g. `GetPostError`); then `e.status` narrows `e.result`. */
export function isApiException<E extends ApiException<number, unknown> = ApiException>(error: unknown): error is E {
    return ApiException.isApiException<E>(error);
}

/** A file to upload: a Blob (or File) and the name to send. */
export interface FileParameter {
    data: Blob;
    fileName: string;
}

/** The answer to a conditional GET whose ETag still matches: the caller's copy is current. */
export class NotModified {
    readonly notModified = true;

    constructor(readonly etag: string | null) {
    }

    static is(value: unknown): value is NotModified {
        return value instanceof NotModified;
    }
}

/** Returns the caller's current access token, or nothing to send the request without one. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/** The `fetch` a client calls: the global one by default (browsers, Node 18+, React Native). */
export interface HttpFetch {
    fetch(url: RequestInfo, init?: RequestInit): Promise<Response>;
}

/** The base of every generated client: token, headers, form bodies and answers. */
export class HybridClientBase {
    private tokenProvider?: TokenProvider;

    /** The `fetch` requests go through: the global one unless the constructor was given another. */
    protected http: HttpFetch = { fetch: (url, init) => globalThis.fetch(url, init) };

    /** Revives values as JSON is parsed (none by default). */
    protected jsonParseReviver: ((key: string, value: any) => any) | undefined = undefined;

    /** The stream calls open on this client, by what makes two calls identical. */
    private sharedStreams?: Map<string, unknown>;

    /** Sends `Authorization: Bearer <token>` whenever the provider returns one; asked before each request. */
    withToken(provider: TokenProvider): this {
        this.tokenProvider = provider;
        return this;
    }

    protected async transformOptions(options: RequestInit): Promise<RequestInit> {
        const headers = new Headers({ Accept: "application/json" });
        if (typeof options.body === "string") {
            headers.set("Content-Type", "application/json");
        }

        for (const [name, value] of Object.entries((options.headers ?? {}) as Record<string, string>)) {
            if (value !== "" && value !== undefined && value !== null) {
                headers.set(name, value);
            }
        }

        const token = this.tokenProvider ? await this.tokenProvider() : undefined;
        if (token) {
            headers.set("Authorization", "Bearer " + token);
        }

        return { ...options, headers };
    }

    /** Sends a request and reads its answer: the success value, a `NotModified`, or throws an `ApiException` carrying the problem. */
    protected async send<T>(url: string, options: RequestInit, success: number[]): Promise<T> {
        this.started();
        try {
            const transformed = await this.transformOptions(options);
            const response = await this.http.fetch(url, transformed);
            this.answered(response);
            return await this.read<T>(response, success, this.jsonParseReviver);
        } finally {
            this.finished();
        }
    }

    /**
     * Calls a stream operation: its items as they come, over one connection per identical call
     * (method, URL, body and headers, whatever the token), reconnected and resumed after a cut.
     */
    protected sendStream<T>(url: string, options: RequestInit, clientTimeoutSeconds: number, call?: StreamOptions): AsyncIterable<T> {
        const key = JSON.stringify([options.method, url, options.body ?? null, options.headers ?? null, call?.lastEventId ?? null]);
        this.sharedStreams ??= new Map();
        return stream<T>({
            key,
            lastEventId: call?.lastEventId,
            idleTimeoutMs: clientTimeoutSeconds * 1000,
            connect: async (lastEventId, signal) => {
                const transformed = await this.transformOptions({ ...options });
                const headers = transformed.headers as Headers;
                headers.set("Accept", "text/event-stream");
                const token = call?.token ? await call.token() : undefined;
                if (token) {
                    headers.set("Authorization", "Bearer " + token);
                }

                if (lastEventId !== undefined) {
                    headers.set("Last-Event-ID", lastEventId);
                }

                return await this.http.fetch(url, { ...transformed, headers, signal });
            },
            refused: response => this.read(response, [], this.jsonParseReviver).catch((e: unknown) => e),
            parse: json => JSON.parse(json, this.jsonParseReviver),
        }, call?.signal, this.sharedStreams);
    }

    private async read<T>(response: Response, success: number[], reviver?: (key: string, value: any) => any): Promise<T> {
        const headers: { [key: string]: any; } = {};
        response.headers.forEach((value, key) => { headers[key] = value; });
        if (response.status === 304) {
            return new NotModified(response.headers.get("ETag")) as T;
        }

        const text = await response.text();
        const json = text !== "" && /json/i.test(response.headers.get("Content-Type") ?? "") ? JSON.parse(text, reviver) : null;
        if (success.indexOf(response.status) >= 0) {
            return json as T;
        }

        const title = json && typeof json.title === "string" ? json.title : "The server answered " + response.status + ".";
        throw new ApiException(title, response.status, text, headers, json);
    }

    /** Called when a request is about to be sent. */
    protected started(): void {
    }

    /** Called with every answer before it is read; the actions client reads its revalidation header here. */
    protected answered(_response: Response): void {
    }

    /** Called when a request has ended, answered or not. */
    protected finished(): void {
    }
}

/** How a form body sends a request object: repeated names for lists, `name[i].member` for lists of objects, `name.member` for objects. */
export function toFormData(values: object): FormData {
    const form = new FormData();
    const add = (name: string, value: unknown): void => {
        if (value === undefined || value === null) {
            return;
        }

        if (typeof Blob !== "undefined" && value instanceof Blob) {
            form.append(name, value);
        } else if (isFile(value)) {
            form.append(name, value.data, value.fileName);
        } else if (Array.isArray(value)) {
            value.forEach((item, i) => add(isScalar(item) || isFile(item) ? name : name + "[" + i + "]", item));
        } else if (value instanceof Date) {
            form.append(name, value.toISOString());
        } else if (typeof value === "object") {
            for (const [member, inner] of Object.entries(value as object)) {
                add(name + "." + member, inner);
            }
        } else {
            form.append(name, String(value));
        }
    };

    for (const [name, value] of Object.entries(values)) {
        add(name, value);
    }

    return form;
}

function isFile(value: unknown): value is FileParameter {
    return typeof value === "object" && value !== null && "data" in value && "fileName" in value && typeof Blob !== "undefined" && (value as FileParameter).data instanceof Blob;
}

function isScalar(value: unknown): boolean {
    return value === null || typeof value !== "object" || value instanceof Date;
}

/** What a successful action made stale: cache tags (`post:1`) and paths (`/posts/1`). */
export interface Revalidated {
    tags: string[];
    paths: string[];
}

/** Told what an action made stale (its `Hybrid-Revalidated` header), to refresh what shows it. */
export type RevalidatedListener = (stale: Revalidated) => void;

/** Reads the `Hybrid-Revalidated` header, a structured-field dictionary: `tags=("post:1" "posts"), paths=("/posts/1")`. */
export function parseRevalidated(header: string | null): Revalidated | undefined {
    if (!header) {
        return undefined;
    }

    const list = (key: string): string[] => {
        const items = new RegExp(key + "=\\(([^)]*)\\)").exec(header)?.[1] ?? "";
        return Array.from(items.matchAll(/"((?:[^"\\]|\\.)*)"/g), m => (m[1] ?? "").replace(/\\(.)/g, "$1"));
    };
    return { tags: list("tags"), paths: list("paths") };
}

/** The base of the actions client: the antiforgery header, revalidated tags and a pending count. */
export class HybridActionsClientBase extends HybridClientBase {
    private readonly listeners: RevalidatedListener[] = [];
    private readonly pendingListeners: ((pending: number) => void)[] = [];
    private pendingCount = 0;

    /** Antiforgery: the header the server reads, and where the token comes from (the `XSRF-TOKEN` cookie in a browser). */
    antiforgery: { header: string; token: () => string | null | undefined } = {
        header: "X-XSRF-TOKEN",
        token: () => typeof document === "undefined" ? undefined
            : document.cookie.split("; ").find(c => c.startsWith("XSRF-TOKEN="))?.slice("XSRF-TOKEN=".length),
    };

    /** Calls `listener` with what each successful action revalidated; returns a function that stops it. */
    onRevalidated(listener: RevalidatedListener): () => void {
        this.listeners.push(listener);
        return () => { this.listeners.splice(this.listeners.indexOf(listener), 1); };
    }

    /** How many calls are in flight. */
    get pending(): number {
        return this.pendingCount;
    }

    /** Calls `listener` whenever the number of calls in flight changes; returns a function that stops it. */
    onPending(listener: (pending: number) => void): () => void {
        this.pendingListeners.push(listener);
        return () => { this.pendingListeners.splice(this.pendingListeners.indexOf(listener), 1); };
    }

    protected override async transformOptions(options: RequestInit): Promise<RequestInit> {
        const transformed = await super.transformOptions(options);
        const token = this.antiforgery.token();
        if (token) {
            (transformed.headers as Headers).set(this.antiforgery.header, decodeURIComponent(token));
        }

        return transformed;
    }

    protected override started(): void {
        this.setPending(this.pendingCount + 1);
    }

    protected override finished(): void {
        this.setPending(Math.max(0, this.pendingCount - 1));
    }

    protected override answered(response: Response): void {
        const stale = response.ok ? parseRevalidated(response.headers.get("Hybrid-Revalidated")) : undefined;
        if (stale) {
            this.listeners.slice().forEach(listener => listener(stale));
        }
    }

    private setPending(count: number): void {
        this.pendingCount = count;
        this.pendingListeners.slice().forEach(listener => listener(count));
    }
}
