(() => {
  var __defProp = Object.defineProperty;
  var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
  var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

  // samples/Blog/clients/types.ts
  var ApiException = class extends Error {
    constructor(message, status, response, headers, result) {
      super(message);
      __publicField(this, "message");
      __publicField(this, "status");
      __publicField(this, "response");
      __publicField(this, "headers");
      __publicField(this, "result");
      __publicField(this, "isApiException", true);
      this.message = message;
      this.status = status;
      this.response = response;
      this.headers = headers;
      this.result = result;
    }
    /** Narrows an error to an operation's declared errors (e.g. `GetPostError`), then `e.status` narrows `e.result`. */
    static isApiException(obj) {
      return typeof obj === "object" && obj !== null && obj.isApiException === true;
    }
  };
  var NotModified = class _NotModified {
    constructor(etag) {
      __publicField(this, "etag", etag);
      __publicField(this, "notModified", true);
    }
    static is(value) {
      return value instanceof _NotModified;
    }
  };
  var HybridClientBase = class {
    constructor() {
      __publicField(this, "tokenProvider");
      /** The `fetch` requests go through: the global one unless the constructor was given another. */
      __publicField(this, "http", { fetch: (url, init) => globalThis.fetch(url, init) });
      /** Revives values as JSON is parsed (none by default). */
      __publicField(this, "jsonParseReviver");
    }
    /** Sends `Authorization: Bearer <token>` whenever the provider returns one; asked before each request. */
    withToken(provider) {
      this.tokenProvider = provider;
      return this;
    }
    async transformOptions(options) {
      const headers = new Headers({ Accept: "application/json" });
      if (typeof options.body === "string") {
        headers.set("Content-Type", "application/json");
      }
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        if (value !== "" && value !== void 0 && value !== null) {
          headers.set(name, value);
        }
      }
      const token = this.tokenProvider ? await this.tokenProvider() : void 0;
      if (token) {
        headers.set("Authorization", "Bearer " + token);
      }
      return { ...options, headers };
    }
    /** Sends a request and reads its answer: the success value, a `NotModified`, or throws an `ApiException` carrying the problem. */
    async send(url, options, success) {
      this.started();
      try {
        const transformed = await this.transformOptions(options);
        const response = await this.http.fetch(url, transformed);
        this.answered(response);
        return await this.read(response, success, this.jsonParseReviver);
      } finally {
        this.finished();
      }
    }
    async read(response, success, reviver) {
      const headers = {};
      response.headers.forEach((value, key) => {
        headers[key] = value;
      });
      if (response.status === 304) {
        return new NotModified(response.headers.get("ETag"));
      }
      const text = await response.text();
      const json = text !== "" && /json/i.test(response.headers.get("Content-Type") ?? "") ? JSON.parse(text, reviver) : null;
      if (success.indexOf(response.status) >= 0) {
        return json;
      }
      const title = json && typeof json.title === "string" ? json.title : "The server answered " + response.status + ".";
      throw new ApiException(title, response.status, text, headers, json);
    }
    /** Called when a request is about to be sent. */
    started() {
    }
    /** Called with every answer before it is read; the actions client reads its revalidation header here. */
    answered(_response) {
    }
    /** Called when a request has ended, answered or not. */
    finished() {
    }
  };
  function toFormData(values) {
    const form2 = new FormData();
    const add = (name, value) => {
      if (value === void 0 || value === null) {
        return;
      }
      if (typeof Blob !== "undefined" && value instanceof Blob) {
        form2.append(name, value);
      } else if (isFile(value)) {
        form2.append(name, value.data, value.fileName);
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => add(isScalar(item) || isFile(item) ? name : name + "[" + i + "]", item));
      } else if (value instanceof Date) {
        form2.append(name, value.toISOString());
      } else if (typeof value === "object") {
        for (const [member, inner] of Object.entries(value)) {
          add(name + "." + member, inner);
        }
      } else {
        form2.append(name, String(value));
      }
    };
    for (const [name, value] of Object.entries(values)) {
      add(name, value);
    }
    return form2;
  }
  function isFile(value) {
    return typeof value === "object" && value !== null && "data" in value && "fileName" in value && typeof Blob !== "undefined" && value.data instanceof Blob;
  }
  function isScalar(value) {
    return value === null || typeof value !== "object" || value instanceof Date;
  }
  function parseRevalidated(header) {
    if (!header) {
      return void 0;
    }
    const list = (key) => {
      const items = new RegExp(key + "=\\(([^)]*)\\)").exec(header)?.[1] ?? "";
      return Array.from(items.matchAll(/"((?:[^"\\]|\\.)*)"/g), (m) => (m[1] ?? "").replace(/\\(.)/g, "$1"));
    };
    return { tags: list("tags"), paths: list("paths") };
  }
  var HybridActionsClientBase = class extends HybridClientBase {
    constructor() {
      super(...arguments);
      __publicField(this, "listeners", []);
      __publicField(this, "pendingListeners", []);
      __publicField(this, "pendingCount", 0);
      /** Antiforgery: the header the server reads, and where the token comes from (the `XSRF-TOKEN` cookie in a browser). */
      __publicField(this, "antiforgery", {
        header: "X-XSRF-TOKEN",
        token: () => typeof document === "undefined" ? void 0 : document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="))?.slice("XSRF-TOKEN=".length)
      });
    }
    /** Calls `listener` with what each successful action revalidated; returns a function that stops it. */
    onRevalidated(listener) {
      this.listeners.push(listener);
      return () => {
        this.listeners.splice(this.listeners.indexOf(listener), 1);
      };
    }
    /** How many calls are in flight. */
    get pending() {
      return this.pendingCount;
    }
    /** Calls `listener` whenever the number of calls in flight changes; returns a function that stops it. */
    onPending(listener) {
      this.pendingListeners.push(listener);
      return () => {
        this.pendingListeners.splice(this.pendingListeners.indexOf(listener), 1);
      };
    }
    async transformOptions(options) {
      const transformed = await super.transformOptions(options);
      const token = this.antiforgery.token();
      if (token) {
        transformed.headers.set(this.antiforgery.header, decodeURIComponent(token));
      }
      return transformed;
    }
    started() {
      this.setPending(this.pendingCount + 1);
    }
    finished() {
      this.setPending(Math.max(0, this.pendingCount - 1));
    }
    answered(response) {
      const stale = response.ok ? parseRevalidated(response.headers.get("Hybrid-Revalidated")) : void 0;
      if (stale) {
        this.listeners.slice().forEach((listener) => listener(stale));
      }
    }
    setPending(count) {
      this.pendingCount = count;
      this.pendingListeners.slice().forEach((listener) => listener(count));
    }
  };

  // samples/Blog/clients/actions.ts
  var ActionsClient = class extends HybridActionsClientBase {
    /**
     * @param baseUrl (optional) The server's address; relative requests ("") in a browser on the same origin.
     * @param http (optional) The `fetch` to call; the global one by default.
     */
    constructor(baseUrl, http) {
      super();
      __publicField(this, "baseUrl");
      this.http = http ?? this.http;
      this.baseUrl = baseUrl ?? "";
    }
    /**
     * @param postId (optional) The post to attach the image to.
     * @param file (optional) A PNG, JPEG, GIF or WebP image of at most 1 MiB.
     * @return OK
     */
    addAttachment(form2, signal) {
      let url_ = this.baseUrl + "/_actions/AddAttachment";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: toFormData(form2), method: "POST", signal }, [200]);
    }
    /**
     * @return OK
     */
    createComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/CreateComment";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body), method: "POST", signal }, [200]);
    }
    /**
     * @param body (optional) 
     * @return No Content
     */
    deleteComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/DeleteComment";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body ?? {}), method: "POST", signal }, [204]);
    }
    /**
     * @param body (optional) 
     * @return OK
     */
    getComment(body, signal) {
      let url_ = this.baseUrl + "/_actions/GetComment";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body ?? {}), method: "POST", signal }, [200]);
    }
    /**
     * @param body (optional) 
     * @return OK
     */
    getPost(body, signal) {
      let url_ = this.baseUrl + "/_actions/GetPost";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body ?? {}), method: "POST", signal }, [200]);
    }
    /**
     * @param body (optional) 
     * @return OK
     */
    listPosts(body, signal) {
      let url_ = this.baseUrl + "/_actions/ListPosts";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body ?? {}), method: "POST", signal }, [200]);
    }
    /**
     * @param postId (optional) The post to replace; none creates a post. The REST door's PUT takes it from the URL.
     * @param title (optional) The title.
     * @param summary (optional) A short summary; empty or blank means none.
     * @param status (optional) Where the post is in its life; Draft when not given.
     * @param publishOn (optional) The day the post is (or was) published, yyyy-MM-dd.
     * @param tags (optional) The post's tags; blanks and repeats (ignoring case) are dropped. In a form: repeat tags.
     * @param sections (optional) The post's text, section by section.
     * @param cover (optional) A cover image (PNG, JPEG, GIF or WebP, at most 1 MiB), as a file part; left out, the post keeps its cover.
     * @return OK
     */
    savePost(form2, signal) {
      let url_ = this.baseUrl + "/_actions/SavePost";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: toFormData(form2), method: "POST", signal }, [200]);
    }
    /**
     * @return No Content
     */
    signIn(body, signal) {
      let url_ = this.baseUrl + "/_actions/SignIn";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body), method: "POST", signal }, [204]);
    }
    /**
     * @param body (optional) 
     * @return No Content
     */
    signOut(body, signal) {
      let url_ = this.baseUrl + "/_actions/SignOut";
      url_ = url_.replace(/[?&]$/, "");
      return this.send(url_, { body: JSON.stringify(body ?? {}), method: "POST", signal }, [204]);
    }
  };

  // samples/Blog/scripts/hybrid-fetch.ts
  var tokenCookie = "XSRF-TOKEN";
  var tokenHeader = "X-XSRF-TOKEN";
  function readCookie(name) {
    for (const pair of document.cookie.split("; ")) {
      const separator = pair.indexOf("=");
      if (separator > 0 && pair.substring(0, separator) === name) {
        return decodeURIComponent(pair.substring(separator + 1));
      }
    }
    return void 0;
  }
  var listeners = [];
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("hybrid-revalidated") : void 0;
  channel?.addEventListener("message", (event) => notify(event.data));
  function onRevalidated(listener) {
    listeners.push(listener);
  }
  function notify(stale) {
    for (const listener of listeners) {
      listener(stale);
    }
  }
  function parseRevalidated2(header) {
    if (!header) {
      return void 0;
    }
    const list = (key) => {
      const match = new RegExp(key + "=\\(([^)]*)\\)").exec(header);
      const items = match?.[1] ?? "";
      return [...items.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? "").replace(/\\(.)/g, "$1"));
    };
    return { tags: list("tags"), paths: list("paths") };
  }
  var hybridFetch = {
    async fetch(url, init) {
      const headers = new Headers(init?.headers);
      const token = readCookie(tokenCookie);
      if (token !== void 0 && !headers.has(tokenHeader)) {
        headers.set(tokenHeader, token);
      }
      const response = await fetch(url, { ...init, headers, credentials: "same-origin" });
      const stale = parseRevalidated2(response.headers.get("Hybrid-Revalidated"));
      if (stale) {
        notify(stale);
        channel?.postMessage(stale);
      }
      return response;
    }
  };

  // samples/Blog/scripts/post-page.ts
  var actions = new ActionsClient(location.origin, hybridFetch);
  function errorSlots(form2) {
    return form2.querySelectorAll("[data-hybrid-error-for]");
  }
  function showProblem(form2, problem) {
    for (const slot of errorSlots(form2)) {
      const field = slot.dataset.hybridErrorFor ?? "";
      const messages = field === "" ? [] : problem?.errors?.[field] ?? [];
      slot.textContent = field === "" ? problem && !problem.errors ? problem.detail ?? problem.title : "" : messages.join(" ");
    }
  }
  function appendComment(comment) {
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
  function enhance(form2) {
    form2.addEventListener("submit", async (event) => {
      event.preventDefault();
      const fields = new FormData(form2);
      showProblem(form2, null);
      try {
        const comment = await actions.createComment({
          postId: Number(fields.get("postId")),
          author: String(fields.get("author") ?? ""),
          body: String(fields.get("body") ?? "")
        });
        appendComment(comment);
        form2.reset();
      } catch (error) {
        if (ApiException.isApiException(error) && error.result) {
          showProblem(form2, error.result);
        } else {
          showProblem(form2, { type: "about:blank", title: "The comment could not be sent.", status: 0, code: "network", traceId: "" });
        }
      }
    });
  }
  var form = document.querySelector("form#comment-form");
  if (form) {
    enhance(form);
  }
  async function refreshComments(postId2) {
    const post = await actions.getPost({ postId: postId2 });
    const current = new Set(post.comments.map((c) => String(c.id)));
    for (const item of document.querySelectorAll("#comments li.comment")) {
      if (!current.has(item.dataset.id ?? "")) {
        item.remove();
      }
    }
    post.comments.forEach(appendComment);
  }
  var postId = Number(document.querySelector("input[name=postId]")?.value);
  if (postId > 0) {
    onRevalidated((stale) => {
      if (stale.tags.includes(`post:${postId}`) || stale.paths.includes(location.pathname)) {
        void refreshComments(postId);
      }
    });
  }
})();
