using System.Reflection;

namespace Hybrid;

/// <summary>
/// Configures what Hybrid's doors share: where handlers and exposure declarations are found, exposure
/// declared in code, the documents, input rules and trusted origins. Each door's own options (paths,
/// body limits, authentication schemes) are reached through its extension: <c>options.Actions()</c>
/// (Hybrid.Actions) and <c>options.Rest()</c> (Hybrid.Http).
/// </summary>
public sealed class HybridOptions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IDoorOptions> _doors = new();

    internal Dictionary<Type, OperationDeclaration> CodeDeclarations { get; } = [];

    /// <summary>
    /// The assemblies scanned for MediatR handlers and for request types carrying door declarations
    /// (<see cref="IDoorDeclaration"/> attributes): those passed to
    /// <c>AddHybrid</c>, which also registers their handlers.
    /// </summary>
    public IReadOnlyList<Assembly> Assemblies => ScannedAssemblies;

    internal List<Assembly> ScannedAssemblies { get; } = [];

    /// <summary>
    /// Whether every exposed endpoint must state who may call it. An endpoint with no authorization
    /// policy and no explicit <c>[AllowAnonymous]</c> in its final metadata (attributes on the request
    /// type or handler, code conventions, or the app's conventions on a door such as
    /// <c>MapHybridRest().RequireAuthorization()</c>; an <c>AuthorizationOptions.FallbackPolicy</c>
    /// counts too) can be called by anyone by omission. Default <see langword="false"/>: one start-up
    /// warning counts such operations and names the first ten. When <see langword="true"/>: error HYB045
    /// for each, the app does not start.
    /// </summary>
    public bool RequireExplicitPolicy { get; set; }

    /// <summary>Where documents are served: <c>{DocumentsPath}/{documentName}.json</c>. Default <c>/openapi</c>.</summary>
    public string DocumentsPath { get; set; } = "/openapi";

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
    /// with <c>[JsonExtensionData]</c>. A form's fields that name no member are ignored either way,
    /// as MVC's model binding ignores them (docs/actions-input.md).
    /// </summary>
    public bool AllowUnknownMembers { get; set; }

    /// <summary>
    /// How deeply objects and arrays may nest in a request body; a deeper body is a 400
    /// <c>invalid_json</c>. The same bound applies to a form: a field's name (<c>author.email</c> is 2
    /// levels) and JSON held in a field. Default 32; between 1 and 256, checked at start-up.
    /// </summary>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>
    /// Whether enums travel as numbers, as System.Text.Json writes them by default. Default
    /// <see langword="false"/>: both doors write an enum as its name (the C# name, or the one
    /// <c>[JsonStringEnumMemberName]</c> gives) in responses, and the documents list the names;
    /// bodies, forms, routes, queries and headers accept the name or the defined number. A
    /// <c>[Flags]</c> enum stays a number, and the app's own converters win: a
    /// <c>JsonStringEnumConverter</c> in its JSON options (with its naming policy), an enum type's
    /// own <c>[JsonConverter]</c> or a property's. When <see langword="true"/>, enums are the app's
    /// serializer's to write (numbers, their names in the documents' <c>x-enumNames</c>); the
    /// app's JSON options must then hold no <c>JsonStringEnumConverter</c> (HYB071, checked at start-up).
    /// Hybrid changes no app-wide setting either way: its doors write with a copy of the app's options.
    /// </summary>
    public bool EnumsAsNumbers { get; set; }

    /// <summary>
    /// Tests for exceptions that mean a dependency was busy for a moment rather than broken: a
    /// handler that throws one is answered 503 <c>service_unavailable</c> with <c>Retry-After</c>
    /// (<see cref="TransientRetryAfter"/>) instead of a 500, on both doors, and logged as a warning.
    /// Holds by default a <see cref="System.Data.Common.DbException"/> whose provider marks it
    /// <c>IsTransient</c>, and a <see cref="TimeoutException"/>. Add what your provider throws when
    /// it is busy (SQLite's locked database is not marked transient by Microsoft.Data.Sqlite:
    /// <c>options.TransientFailures.Add(e =&gt; e is SqliteException { SqliteErrorCode: 5 or 6 })</c>).
    /// The handler's own transaction must roll back: the answer tells the client nothing was changed.
    /// </summary>
    public IList<Func<Exception, bool>> TransientFailures { get; } = new List<Func<Exception, bool>>
    {
        e => e is System.Data.Common.DbException { IsTransient: true },
        e => e is TimeoutException,
    };

    /// <summary>
    /// The <c>Retry-After</c> of a 503 <c>service_unavailable</c> (<see cref="TransientFailures"/>),
    /// sent in whole seconds. Default 1 second; between 1 second and 1 hour, checked at start-up (HYB072).
    /// </summary>
    public TimeSpan TransientRetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The defaults of stream operations (<c>IStreamRequest&lt;T&gt;</c>): resuming, heartbeats and limits (docs/streaming.md).</summary>
    public HybridStreamOptions Streams { get; } = new();

    /// <summary>
    /// A door's own options, made on first use: each door reaches its own through an extension
    /// (<c>options.Actions()</c>, <c>options.Rest()</c>), so the same instance is configured and read.
    /// </summary>
    internal TDoor Door<TDoor>()
        where TDoor : class, IDoorOptions, new() =>
        (TDoor)_doors.GetOrAdd(typeof(TDoor), _ => new TDoor());

    /// <summary>The door options configured or read so far, for validation.</summary>
    internal IEnumerable<IDoorOptions> Doors => _doors.Values;
}
