using Blog.Account;
using Blog.Data;
using Hybrid;
using Hybrid.Actions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Scalar.AspNetCore;

if (args is [IssueTokenCommand.Name, ..])
{
    return IssueTokenCommand.Run(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(_ => new BlogDatabase(BlogDatabase.PathFrom(builder.Configuration, builder.Environment)));
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHostedService<WalCheckpoints>();
builder.Services.AddSingleton<BlogUsers>();

// Wakes a post's live comment lists (FollowComments) when this instance stores a comment there.
builder.Services.AddSingleton<Blog.Posts.CommentFeed>();
builder.Services.AddHttpContextAccessor();

// The pages sign in with a cookie (the SignIn action); REST clients send a bearer token (issue-token).
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options => options.LoginPath = "/login")
    .AddJwtBearer(options =>
    {
        options.MapInboundClaims = false;

        // Without a configured key no token validates: the REST door then only serves anonymous operations.
        options.TokenValidationParameters = BlogJwt.From(builder.Configuration)?.ValidationParameters
            ?? new Microsoft.IdentityModel.Tokens.TokenValidationParameters { ValidateIssuerSigningKey = true };
    });
builder.Services.AddAuthorization();

// Post pages and post reads are cached by tag ("post:{id}"); comments and attachments revalidate them.
builder.Services.AddOutputCache(options =>
{
    options.AddPolicy(Blog.Pages.BlogCaching.PostPage, HybridOutputCache.Read(60, "post:{postId}"));

    // Without Redis the pages are kept in memory: ASP.NET Core's default limit, 100 MiB of bodies,
    // fills as posts multiply (the embedded-defaults soak grew by 262 MB with it, 85 MB with this; docs/reliability.md).
    options.SizeLimit = 16 * 1024 * 1024;
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHybrid([typeof(Program).Assembly], options =>
{
    options.Title = "Blog API";

    // Every operation states who may call it ([Authorize] or [AllowAnonymous]); one that does not stops the app (HYB045).
    options.RequireExplicitPolicy = true;
    options.Description = "Posts and their comments: read a post, comment on it, attach images; editors write posts.";
    options.Contact = new DocumentContact { Name = "The Blog sample's maintainers" };

    // The address launchSettings.json gives dotnet run; clients are handed their base URL anyway.
    options.Servers.Add(new DocumentServer("http://127.0.0.1:5080", "Local development (dotnet run --project samples/Blog)"));

    // Each door accepts its own credential: a cookie on the pages' actions, a token on the public routes.
    options.Actions().AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
    options.Rest().AuthenticationSchemes.Add(JwtBearerDefaults.AuthenticationScheme);

    // Agents call the posts' tools with the same bearer token as the REST clients (issue-token); a
    // moderator's token also lists and calls ModerateComment, whose webhook route stays open to the
    // signed deliveries of the moderation service.
    options.Mcp().AuthenticationSchemes.Add(JwtBearerDefaults.AuthenticationScheme);
    options.Expose<Blog.Posts.ModerateComment>(op => op.Rest().AllowAnonymous());

    // A locked database (SQLITE_BUSY 5, SQLITE_LOCKED 6, after the connection's busy timeout) is a
    // moment's contention, not a bug: 503 with Retry-After instead of a 500. The handler's
    // transaction rolled back, so a retry is safe.
    options.TransientFailures.Add(e => e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 });

    // How long one connection of a stream lasts before a resumable close (default 30 minutes): a post
    // page's live list then reconnects from its last comment, as after any cut. Blog:MaxStreamSeconds shortens it.
    if (builder.Configuration.GetValue<int?>("Blog:MaxStreamSeconds") is { } streamSeconds)
    {
        options.Streams.MaxDuration = TimeSpan.FromSeconds(streamSeconds);
    }
});

// No request runs for ever: a handler still busy after 30 s is cancelled (its transaction rolls
// back) and answered 504 request_timeout; the documents list that answer on every operation.
builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy { Timeout = TimeSpan.FromSeconds(30) });

// Actions are guarded by the origin check; setting Blog:AntiforgeryTokens=true adds tokens on top
// (the forms' tag helper and the pages' script then send them without any code in the pages).
builder.Services.AddAntiforgery(options => options.HeaderName = HybridAntiforgery.HeaderName);
builder.Services.Configure<Hybrid.HybridOptions>(options =>
{
    options.Actions().RequireAntiforgeryTokens = builder.Configuration.GetValue<bool>("Blog:AntiforgeryTokens");

    // Blog:ActionIdKey turns on opaque action ids; instances that share the key post to each other's ids.
    options.Actions().IdKey = builder.Configuration["Blog:ActionIdKey"];
    options.Actions().OpaqueIds = options.Actions().IdKey is not null;
});
builder.Services.AddRazorPages();

// The MCP door: ListPosts, GetPost, CreateComment and ModerateComment as tools at /mcp (docs/mcp.md).
builder.Services.AddHybridMcp();

// Declared on the operations ([EnableRateLimiting]); Hybrid answers a refusal with a 429 problem and Retry-After.
builder.Services.AddRateLimiter(options => Blog.Posts.BlogRateLimits.Add(options, builder.Configuration.GetValue("Blog:CommentsPerMinute", 60)));

// With ConnectionStrings:Redis set, instances share caches, Idempotency-Key records and the Data
// Protection key ring through Redis, so any of them can serve any request (docs/scaling-out.md).
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    builder.Services.AddHybridRedis(redis, applicationName: "Blog");
}

var app = builder.Build();

app.UseStatusCodePages();

app.UseRouting();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

// Static web assets as endpoints: Hybrid.Actions' enhancement script at a fingerprinted URL, cached
// as immutable; WithStaticAssets() gives the pages that URL (<script hybrid-enhance-script>). In
// Development, appsettings.Development.json keeps those cache headers (EnableStaticAssetsDevelopmentCaching):
// a rebuilt script gets a new fingerprint, so nothing stale is ever served.
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

// The bytes of an attached image, for the post page's <img> tags.
app.MapGet("/attachments/{id:int}", async (int id, MediatR.IMediator mediator, CancellationToken cancellationToken) =>
    await mediator.Send(new Blog.Posts.ReadAttachment { Id = id }, cancellationToken) is { } file
        ? Results.File(file.Data, file.ContentType)
        : Results.NotFound());

// A post's cover, where SavePost's answer and version 2 of GetPost point (coverUrl).
app.MapGet("/posts/{postId:int}/cover", async (int postId, MediatR.IMediator mediator, CancellationToken cancellationToken) =>
    await mediator.Send(new Blog.Posts.ReadCover { PostId = postId }, cancellationToken) is { } file
        ? Results.File(file.Data, file.ContentType)
        : Results.NotFound());
app.MapHybridActions();
app.MapHybridRest();
app.MapHybridMcp();

// In Development, an interactive reference of the public documents at /scalar. It works offline:
// its script is served from the package (the default bundle URL), and the default fonts (fetched
// from Scalar's CDN), telemetry, the AI agent, the MCP button and the toolbar that links to Scalar's
// hosted services are switched off.
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference("/scalar", options => options
        .WithTitle("Blog API reference")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        .AddDocument("v1", "Version 1", isDefault: true)
        .AddDocument("v2", "Version 2")
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .HideDeveloperTools());
}

// `dotnet run --project samples/Blog -- exposure <file>` writes the exposure inventory (who may call
// what, through which door) to <file> and exits without listening: eng/accept-exposure.sh writes the
// committed exposure.md with it, and the end-to-end gate compares a fresh one with that file.
if (args is ["exposure", var inventoryFile])
{
    HybridExposure.Accept(inventoryFile, HybridExposure.Describe(app, "bash eng/accept-exposure.sh"));
    return 0;
}

app.Run();
return 0;

/// <summary>The sample's entry point, visible to tests.</summary>
public partial class Program;
