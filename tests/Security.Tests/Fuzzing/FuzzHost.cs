using System.Reflection;
using System.Text.Json;
using Hybrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// The fuzz targets on both doors of one in-memory host, and the oracle every sample must pass:
/// a documented status, never 5xx; a refusal is a problem with a known code that leaks nothing and
/// ran no handler; a success ran the handler exactly once.
/// </summary>
public sealed class FuzzHost : IAsyncLifetime
{
    /// <summary>The documented statuses of the doors for these operations (no auth, no rate limit here).</summary>
    private static readonly HashSet<int> Documented = [200, 201, 204, 400, 404, 405, 409, 412, 413, 415, 422];

    // Read by reflection so a new code needs no edit here, and a made-up code still fails.
    private static readonly HashSet<string> Codes = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet();

    private TestHost? _host;

    public HttpClient Client => (_host ?? throw new InvalidOperationException("Not started.")).Client;

    public FuzzLedger Ledger => _host!.Services.GetRequiredService<FuzzLedger>();

    /// <summary>SecurityHost's own operations (PlaceOrder, CreateNote) count their runs here.</summary>
    private Ledger Others => _host!.Services.GetRequiredService<Ledger>();

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(
            [typeof(FuzzOrder).Assembly],
            o =>
            {
                SecurityHost.Expose(o);
                o.Expose<FuzzOrder>(op =>
                {
                    op.AsAction();
                    op.Post("fuzz-orders");
                });
                o.Expose<FuzzUpload>(op =>
                {
                    op.AsAction();
                    op.Post("fuzz-uploads");
                });
                o.Expose<FuzzSearch>(op => op.Get("fuzz-regions/{region}/orders"));
            },
            s =>
            {
                s.AddSingleton<Ledger>();
                s.AddSingleton<FuzzLedger>();
                s.AddHttpContextAccessor();
            },
            app =>
            {
                app.MapHybridActions();
                app.MapHybridRest();
            });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Sends one sample and checks the oracle; returns the request the handler saw, if it ran. An idempotent replay may succeed with no run.</summary>
    public async Task<object?> SendAsync(HttpRequestMessage request, bool mayReplay = false)
    {
        using (request)
        {
            var sent = request.Content is null ? string.Empty : Escape(await request.Content.ReadAsByteArrayAsync());
            var before = Ledger.Runs + Others.Runs;
            using var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var runs = Ledger.Runs + Others.Runs - before;
            var where = $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}] {Cut(sent)} -> {status} {Cut(text)}";
            if (!Documented.Contains(status))
            {
                throw new FuzzFailureException("undocumented status: " + where);
            }

            if (status is >= 200 and < 300)
            {
                if (runs != 1 && !(mayReplay && runs == 0))
                {
                    throw new FuzzFailureException($"a success ran the handler {runs} times: " + where);
                }

                return Ledger.Seen.LastOrDefault() ?? (object)"ran";
            }

            if (runs != 0)
            {
                throw new FuzzFailureException($"a refusal ran the handler {runs} times: " + where);
            }

            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                throw new FuzzFailureException("a refusal is not a problem: " + where);
            }

            string? code;
            try
            {
                using var problem = JsonDocument.Parse(text);
                code = problem.RootElement.GetProperty("code").GetString();
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException)
            {
                throw new FuzzFailureException("a refusal's body is not a problem with a code: " + where);
            }

            if (code is null || !Codes.Contains(code))
            {
                throw new FuzzFailureException("unknown problem code: " + where);
            }

            try
            {
                SecurityHost.ShouldLeakNothing(text);
            }
            catch (Exception e)
            {
                throw new FuzzFailureException("a refusal leaks: " + where + " " + e.Message);
            }

            return null;
        }
    }

    // Bytes as C# would write them, so a failure's body can be pasted into a regression test.
    private static string Escape(byte[] bytes) =>
        string.Concat(bytes.Select(b => b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}"));

    private static string Cut(string text) => text.Length > 600 ? text[..600] + "…" : text;
}

/// <summary>A broken oracle rule; CsCheck shrinks it and prints the seed.</summary>
public sealed class FuzzFailureException(string message) : Exception(message);

/// <summary>One fuzz fixture per assembly run: the in-memory host starts once for every property.</summary>
[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzHost>
{
    public const string Name = "Fuzzing";
}
