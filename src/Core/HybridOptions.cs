using System.Reflection;

namespace Hybrid;

/// <summary>Configures Hybrid: where handlers and exposure declarations are found, and exposure declared in code.</summary>
public sealed class HybridOptions
{
    internal Dictionary<Type, OperationDeclaration> CodeDeclarations { get; } = [];

    /// <summary>
    /// The assemblies scanned for MediatR handlers and for request types carrying
    /// <see cref="ActionAttribute"/> or <see cref="RestRouteAttribute"/>s: those passed to
    /// <c>AddHybrid</c>, which also registers their handlers.
    /// </summary>
    public IReadOnlyList<Assembly> Assemblies => ScannedAssemblies;

    internal List<Assembly> ScannedAssemblies { get; } = [];

    /// <summary>
    /// The authentication schemes the action door accepts for an operation that requires
    /// authorization (e.g. the cookie scheme). Empty (the default): the app's default scheme. An
    /// operation's <see cref="DoorAuthenticationAttribute"/>, or schemes its own <c>[Authorize]</c>
    /// names, take precedence. A credential of another scheme is not seen by the action door's policy.
    /// </summary>
    public IList<string> ActionAuthenticationSchemes { get; } = new List<string>();

    /// <summary>
    /// The authentication schemes the REST door accepts for an operation that requires authorization
    /// (e.g. JWT bearer). Empty (the default): the app's default scheme. When they include a cookie
    /// scheme, the REST door also applies the action door's cross-site check to unsafe methods.
    /// </summary>
    public IList<string> RestAuthenticationSchemes { get; } = new List<string>();

    /// <summary>
    /// Whether anyone may read the internal actions document (<c>{DocumentsPath}/actions.json</c>).
    /// Default <see langword="false"/>: outside Development it is served only to callers who pass the
    /// action door's policy (the authorization the app put on <c>MapHybridActions()</c>, else an
    /// authenticated user, with the door's <see cref="ActionAuthenticationSchemes"/>), and others get
    /// 404. Authorization the app puts on the door's <c>Documents</c> builder replaces that check.
    /// </summary>
    public bool PublicActionsDocument { get; set; }

    /// <summary>
    /// Whether every exposed endpoint must state who may call it. An endpoint with no authorization
    /// policy and no explicit <c>[AllowAnonymous]</c> in its final metadata (attributes on the request
    /// type or handler, code conventions, or the app's conventions on a door such as
    /// <c>MapHybridRest().RequireAuthorization()</c>; an <c>AuthorizationOptions.FallbackPolicy</c>
    /// counts too) can be called by anyone by omission. Default <see langword="false"/>: a start-up
    /// warning names each such operation. When <see langword="true"/>: error HYB045, the app does not start.
    /// </summary>
    public bool RequireExplicitPolicy { get; set; }

    /// <summary>The path of the action door's group. Default <c>/_actions</c>.</summary>
    public string ActionsPath { get; set; } = "/_actions";

    /// <summary>The path prefix of the REST door; versions follow it (<c>/api/v1</c>). Default <c>/api</c>.</summary>
    public string RestPrefix { get; set; } = "/api";

    /// <summary>Where documents are served: <c>{DocumentsPath}/{documentName}.json</c>. Default <c>/openapi</c>.</summary>
    public string DocumentsPath { get; set; } = "/openapi";

    /// <summary>
    /// The largest action request body in bytes; larger ones get 413. Default 1 MiB. An operation's
    /// own <c>[RequestSizeLimit]</c> or <c>[DisableRequestSizeLimit]</c> (or the same metadata from
    /// code) takes precedence.
    /// </summary>
    public long MaxActionBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The largest REST request body in bytes; larger ones get 413. Default 1 MiB. An operation's own
    /// <c>[RequestSizeLimit]</c> or <c>[DisableRequestSizeLimit]</c> takes precedence.
    /// </summary>
    public long MaxRestBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The most file parts one multipart request may upload, through either door; more get 413
    /// <c>payload_too_large</c>. Default 10; zero or more, checked at start-up. An operation's own
    /// <see cref="MaxFilesAttribute"/> takes precedence. Their total size is bounded by the body limit.
    /// </summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>The title written into every document. Default "Hybrid API".</summary>
    public string Title { get; set; } = "Hybrid API";

    /// <summary>
    /// What the API is for, written as the REST documents' <c>info.description</c> (CommonMark).
    /// Default <see langword="null"/>: none, which linters such as Spectral warn about.
    /// </summary>
    public string? Description { get; set; }

    /// <summary>Who answers for the API, written as every document's <c>info.contact</c>; checked at start-up.</summary>
    public DocumentContact? Contact { get; set; }

    /// <summary>
    /// The base URLs the API is served from, in order of preference, written as every document's
    /// <c>servers</c>; checked at start-up. Empty by default: a document without servers means the
    /// host that serves it, but linters warn.
    /// </summary>
    public IList<DocumentServer> Servers { get; } = new List<DocumentServer>();

    /// <summary>
    /// Whether every action also requires an antiforgery token (defence in depth). Default
    /// <see langword="false"/>: the action door's origin check (<c>Sec-Fetch-Site</c>, then
    /// <c>Origin</c>) is the CSRF defence, as for Next.js Server Actions and Go's
    /// <c>CrossOriginProtection</c>. One action can opt in with <see cref="RequiresAntiforgeryTokenAttribute"/>
    /// or <c>op.Action().RequireAntiforgeryToken()</c>, and out with ASP.NET Core's <c>DisableAntiforgery()</c>.
    /// </summary>
    public bool RequireAntiforgeryTokens { get; set; }

    /// <summary>
    /// Origins besides the app's own whose pages may post actions, each exactly
    /// <c>scheme://host[:port]</c> (for example <c>https://admin.example.com</c>): a second host of
    /// the same app, or the public origin of an app behind a proxy that does not forward it.
    /// Checked at start-up; compared without regard to case.
    /// </summary>
    public IList<string> TrustedOrigins { get; } = new List<string>();

    /// <summary>Declares in code how a request type is exposed, in addition to its attributes.</summary>
    /// <typeparam name="TRequest">The MediatR request type.</typeparam>
    /// <param name="configure">Declares the exposure.</param>
    /// <returns>These options.</returns>
    public HybridOptions Expose<TRequest>(Action<OperationBuilder<TRequest>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (!CodeDeclarations.TryGetValue(typeof(TRequest), out var declaration))
        {
            declaration = new OperationDeclaration(typeof(TRequest));
            CodeDeclarations.Add(typeof(TRequest), declaration);
        }

        configure(new OperationBuilder<TRequest>(declaration));
        return this;
    }

    /// <summary>
    /// Whether a JSON body may carry members the request type does not have. Default
    /// <see langword="false"/>: such a member is a 400 <c>validation_failed</c> keyed by its JSON
    /// path, so a misspelt or stale field is never silently dropped. When <see langword="true"/>, the
    /// app's own <c>UnmappedMemberHandling</c> decides (System.Text.Json's default skips them). A
    /// request type can decide for itself with <c>[JsonUnmappedMemberHandling]</c> or collect them
    /// with <c>[JsonExtensionData]</c>.
    /// </summary>
    public bool AllowUnknownMembers { get; set; }

    /// <summary>
    /// How deeply objects and arrays may nest in a request body; a deeper body is a 400
    /// <c>invalid_json</c>. Default 32; between 1 and 256, checked at start-up.
    /// </summary>
    public int MaxJsonDepth { get; set; } = 32;

    // Skew-safe action ids: opaque action paths derived from a shared key (docs/security.md, "Opaque action ids").

    /// <summary>
    /// Whether actions are posted to an opaque id instead of their readable id: <c>{ActionsPath}/{opaqueId}</c>,
    /// where the opaque id is the first 22 characters of base64url(HMAC-SHA256(<see cref="ActionIdKey"/>,
    /// <c>"hybrid-action-id:" + actionId</c>)). The readable path is then not mapped. Every instance
    /// that shares the key derives the same ids, so a page served by one deployment still posts to
    /// the next; ids cannot be guessed from request type names without the key, and all change when
    /// the key does. The actions document, the generated client and <c>&lt;form hybrid-action&gt;</c>
    /// use the opaque path; <see cref="OperationCatalog.FindAction"/>, the document's
    /// <c>operationId</c> and form state keep the readable id. Default <see langword="false"/>.
    /// </summary>
    public bool OpaqueActionIds { get; set; }

    /// <summary>
    /// The key opaque action ids are derived with: base64 of at least 32 random bytes (for example
    /// <c>openssl rand -base64 32</c>), the same on every instance and deployment that serves the
    /// same pages; keep it out of source control as any secret. Required when
    /// <see cref="OpaqueActionIds"/> is on; checked at start-up.
    /// </summary>
    public string? ActionIdKey { get; set; }
}
