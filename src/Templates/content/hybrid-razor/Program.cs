// AddHybrid, the Map calls and the options lambda need no using: they live where ASP.NET Core's own do.
using Scalar.AspNetCore;
using HybridApp.Tasks;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton<TaskStore>();
builder.Services.AddRazorPages();

// MediatR, the handlers of this assembly and the checked catalog of operations: a mistake in an
// operation's declaration stops the app (and the build) with one report of HYB ids and fixes.
builder.Services.AddHybrid([typeof(Program).Assembly], options =>
{
    options.Title = "Tasks API";

    // Every operation states who may call it ([Authorize] or [AllowAnonymous]); one that does not stops the app (HYB045).
    options.RequireExplicitPolicy = true;
});

var app = builder.Build();

// Static web assets as endpoints: the site's stylesheet and Hybrid.Actions' enhancement script at
// fingerprinted URLs; WithStaticAssets() gives the pages those URLs (<script hybrid-enhance-script>).
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.MapHybridActions();   // POST /_actions/{id}, the action door of the app's own pages and the Node client
app.MapHybridRest();      // /api/v1/..., the public REST door, described in /openapi/v1.json

// In Development, an interactive reference of the public document at /scalar. It works offline: its
// script is served from the package, and Scalar's CDN fonts, telemetry, agent and MCP button are off.
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference("/scalar", options => options
        .WithTitle("Tasks API reference")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        .AddDocument("v1", "Version 1", isDefault: true)
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp());
}

app.Run();
