namespace Hybrid.Actions;

/// <summary>
/// The action door's options: where actions are posted, how large a body may be, which credentials
/// and tokens it takes, and how its ids look. Reach them with <c>options.Actions()</c> inside
/// <c>AddHybrid(..., options => ...)</c> or <c>Configure&lt;HybridOptions&gt;</c>; checked at start-up.
/// </summary>
public sealed class ActionDoorOptions : IDoorOptions
{
    /// <summary>The path of the action door's group. Default <c>/_actions</c>.</summary>
    public string Path { get; set; } = "/_actions";

    /// <summary>
    /// The largest action request body in bytes; larger ones get 413. Default 1 MiB. An operation's
    /// own <c>[RequestSizeLimit]</c> or <c>[DisableRequestSizeLimit]</c> (or the same metadata from
    /// code) takes precedence.
    /// </summary>
    public long MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// The authentication schemes the action door accepts for an operation that requires
    /// authorization (e.g. the cookie scheme). Empty (the default): the app's default scheme. An
    /// operation's <see cref="DoorAuthenticationAttribute"/>, or schemes its own <c>[Authorize]</c>
    /// names, take precedence. A credential of another scheme is not seen by the action door's policy.
    /// </summary>
    public IList<string> AuthenticationSchemes { get; } = new List<string>();

    /// <summary>
    /// Whether anyone may read the internal actions document (<c>{DocumentsPath}/actions.json</c>).
    /// Default <see langword="false"/>: outside Development it is served only to callers who pass the
    /// action door's policy (the authorization the app put on <c>MapHybridActions()</c>, else an
    /// authenticated user, with the door's <see cref="AuthenticationSchemes"/>), and others get
    /// 404. Authorization the app puts on the door's <c>Documents</c> builder replaces that check.
    /// </summary>
    public bool PublicDocument { get; set; }

    /// <summary>
    /// Whether every action also requires an antiforgery token (defence in depth). Default
    /// <see langword="false"/>: the action door's origin check (<c>Sec-Fetch-Site</c>, then
    /// <c>Origin</c>) is the CSRF defence, as for Next.js Server Actions and Go's
    /// <c>CrossOriginProtection</c>. One action can opt in with <see cref="RequiresAntiforgeryTokenAttribute"/>
    /// or <c>op.Action().RequireAntiforgeryToken()</c>, and out with ASP.NET Core's <c>DisableAntiforgery()</c>.
    /// </summary>
    public bool RequireAntiforgeryTokens { get; set; }

    // Skew-safe action ids: opaque action paths derived from a shared key (docs/security.md, "Opaque action ids").

    /// <summary>
    /// Whether actions are posted to an opaque id instead of their readable id: <c>{Path}/{opaqueId}</c>,
    /// where the opaque id is the first 22 characters of base64url(HMAC-SHA256(<see cref="IdKey"/>,
    /// <c>"hybrid-action-id:" + actionId</c>)). The readable path is then not mapped. Every instance
    /// that shares the key derives the same ids, so a page served by one deployment still posts to
    /// the next; ids cannot be guessed from request type names without the key, and all change when
    /// the key does. The actions document, the generated client and <c>&lt;form hybrid-action&gt;</c>
    /// use the opaque path; <c>catalog.FindAction(id)</c>, the document's
    /// <c>operationId</c> and form state keep the readable id. Default <see langword="false"/>.
    /// </summary>
    public bool OpaqueIds { get; set; }

    /// <summary>
    /// The key opaque action ids are derived with: base64 of at least 32 random bytes (for example
    /// <c>openssl rand -base64 32</c>), the same on every instance and deployment that serves the
    /// same pages; keep it out of source control as any secret. Required when
    /// <see cref="OpaqueIds"/> is on; checked at start-up.
    /// </summary>
    public string? IdKey { get; set; }

    IEnumerable<HybridConfigurationError> IDoorOptions.Validate()
    {
        if (!HybridOptionsValidator.IsPath(Path))
        {
            yield return HybridOptionsValidator.Path("options.Actions().Path", Path, "/_actions");
        }

        if (MaxBodySize <= 0)
        {
            yield return HybridOptionsValidator.BodySize("options.Actions().MaxBodySize");
        }

        if (OpaqueIds && IdKey is null)
        {
            yield return new("HYB069", "options.Actions().OpaqueIds needs IdKey. Fix: set it to the base64 of at least 32 random bytes shared by every instance (e.g. from configuration: openssl rand -base64 32).");
        }

        if (IdKey is not null && ActionPaths.ReadKey(IdKey) is null)
        {
            yield return new("HYB070", $"options.Actions().IdKey must be base64 of at least {ActionPaths.MinimumKeyBytes} bytes. Fix: generate one with openssl rand -base64 32.");
        }
    }
}
