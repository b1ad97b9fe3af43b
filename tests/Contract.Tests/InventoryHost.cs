using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Contract.Tests;

/// <summary>
/// A small app for the exposure inventory: both doors, cookies for actions and bearer tokens for
/// REST, its operations exposed in code. <c>withRename</c> adds an operation that states no policy.
/// </summary>
public static class InventoryHost
{
    public const string AcceptCommand = "bash accept-the-test-inventory.sh";

    public static async Task<WebApplication> StartAsync(
        bool withRename = false,
        bool strict = false,
        bool doorConventions = false,
        string environment = "Production",
        CapturedLog? log = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (log is not null)
        {
            builder.Logging.AddProvider(log).SetMinimumLevel(LogLevel.Information);
        }

        builder.Services.AddRouting();

        // The assembly's other handlers, validated on build in Development.
        builder.Services.AddSingleton<RecordStore>().AddSingleton<NoteStore>().AddHttpContextAccessor();
        builder.Services.AddAntiforgery();
        builder.Services.AddHybrid([typeof(ListShelves).Assembly], options =>
        {
            options.Actions().AuthenticationSchemes.Add("Cookies");
            options.Rest().AuthenticationSchemes.Add("Bearer");
            options.RequireExplicitPolicy = strict;
            options.Expose<ListShelves>(op => op.AsAction().Get("shelves").Get("shelves", version: 2)
                .Deprecate(1, new DateOnly(2026, 1, 1), sunset: new DateOnly(2027, 6, 30), successor: "v2/shelves"));
            options.Expose<RemoveShelf>(op => op.AsAction().Delete("shelves/{id}"));
            options.Expose<StockShelf>(op =>
            {
                op.AsAction().Post("shelves/{id}/stock");
                op.Rest().DisableRateLimiting();
            });
            options.Expose<ShelfHook>(op => op.Post("hooks/shelves"));
            if (withRename)
            {
                options.Expose<RenameShelf>(op => op.AsAction().Put("shelves/{id}"));
            }
        });
        services?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            var actions = app.MapHybridActions();
            var rest = app.MapHybridRest();
            if (doorConventions)
            {
                actions.RequireAuthorization();
                rest.RequireAuthorization("editors");
            }

            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
