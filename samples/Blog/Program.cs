using Blog.Data;
using Hybrid;
using Hybrid.Actions;

var builder = WebApplication.CreateBuilder(args);

var databasePath = builder.Configuration["Blog:Database"] ?? "App_Data/blog.db";
if (!Path.IsPathRooted(databasePath))
{
    databasePath = Path.Combine(builder.Environment.ContentRootPath, databasePath);
}

builder.Services.AddSingleton(new BlogDatabase(databasePath));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHybrid([typeof(Program).Assembly], options =>
{
    options.Title = "Blog API";
    options.Description = "Posts and their comments: read a post, comment on it, attach images.";
    options.Contact = new DocumentContact { Name = "The Blog sample's maintainers" };

    // The address launchSettings.json gives dotnet run; clients are handed their base URL anyway.
    options.Servers.Add(new DocumentServer("http://127.0.0.1:5080", "Local development (dotnet run --project samples/Blog)"));
});

// Actions are guarded by the origin check; setting Blog:AntiforgeryTokens=true adds tokens on top
// (the forms' tag helper and the pages' script then send them without any code in the pages).
builder.Services.AddAntiforgery(options => options.HeaderName = HybridAntiforgery.HeaderName);
builder.Services.Configure<Hybrid.HybridOptions>(options => options.RequireAntiforgeryTokens = builder.Configuration.GetValue<bool>("Blog:AntiforgeryTokens"));
builder.Services.AddRazorPages();

// Declared on the operations ([EnableRateLimiting]); Hybrid answers a refusal with a 429 problem and Retry-After.
builder.Services.AddRateLimiter(options => Blog.Posts.BlogRateLimits.Add(options, builder.Configuration.GetValue("Blog:CommentsPerMinute", 60)));

var app = builder.Build();

app.UseStatusCodePages();

// wwwroot/js holds the pages' scripts, bundled from scripts/*.ts and committed (eng/bundle-scripts.sh).
app.UseStaticFiles();
app.UseRateLimiter();
app.MapRazorPages();

// The bytes of an attached image, for the post page's <img> tags.
app.MapGet("/attachments/{id:int}", async (int id, MediatR.IMediator mediator, CancellationToken cancellationToken) =>
    await mediator.Send(new Blog.Posts.ReadAttachment { Id = id }, cancellationToken) is { } file
        ? Results.File(file.Data, file.ContentType)
        : Results.NotFound());
app.MapHybridActions();
app.MapHybridRest();

// `dotnet run --project samples/Blog -- exposure <file>` writes the exposure inventory (who may call
// what, through which door) to <file> and exits without listening: eng/accept-exposure.sh writes the
// committed exposure.md with it, and the end-to-end gate compares a fresh one with that file.
if (args is ["exposure", var inventoryFile])
{
    HybridExposure.Accept(inventoryFile, HybridExposure.Describe(app, "bash eng/accept-exposure.sh"));
    return;
}

app.Run();

/// <summary>The sample's entry point, visible to tests.</summary>
public partial class Program;
