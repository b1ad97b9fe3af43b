using Blog.Data;
using Blog.Pages;
using Hybrid.Actions;

var builder = WebApplication.CreateBuilder(args);

var databasePath = builder.Configuration["Blog:Database"] ?? "App_Data/blog.db";
if (!Path.IsPathRooted(databasePath))
{
    databasePath = Path.Combine(builder.Environment.ContentRootPath, databasePath);
}

builder.Services.AddSingleton(new BlogDatabase(databasePath));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHybrid([typeof(Program).Assembly], options => options.Title = "Blog API");

// The pages' script follows the SPA convention: it echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN.
builder.Services.AddAntiforgery(options => options.HeaderName = HybridAntiforgery.HeaderName);

var app = builder.Build();

app.UseStatusCodePages();
app.MapBlogPages();
app.MapHybridActions();
app.MapHybridRest();

app.Run();

/// <summary>The sample's entry point, visible to tests.</summary>
public partial class Program;
