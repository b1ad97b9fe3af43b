using System.Text;
using CsCheck;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// Random ids on <c>/_actions/{id}</c>: a known id with a fitting body runs its handler once;
/// ids are case-insensitive by design (ActionPaths); anything else (encodings, traversal, Unicode look-alikes) is a documented refusal.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class ActionIdProperties(FuzzHost host)
{
    private static readonly string[] Known = ["FuzzOrder", "FuzzUpload", "CreateNote"];

    private static readonly Gen<string> Id = Gen.Frequency(
        (3, Gen.OneOf(Known)),
        (2, Gen.Select(Gen.OneOf(Known), Gen.Int[0, 8], FuzzGen.Hostile).Select((id, at, h) => id.Insert(Math.Min(at, id.Length), h))),
        (1, Gen.OneOf(Known).Select(id => id.ToLowerInvariant())),
        (1, Gen.OneOf(Known).Select(Uri.EscapeDataString).Select(id => string.Concat(id.Select(c => $"%{(int)c:X2}")))),
        (1, Gen.OneOf(Known).Select(id => id + "/../" + id)),
        (1, Gen.OneOf(Known).Select(id => id.Replace('O', 'О'))),
        (1, FuzzGen.Hostile));

    [Fact]
    public Task An_action_id_runs_only_its_own_operation() =>
        Check.SampleAsync(
            Id,
            async id =>
            {
                Uri uri;
                try
                {
                    uri = new Uri("/_actions/" + id, UriKind.Relative);
                }
                catch (UriFormatException)
                {
                    return; // Not sendable by HttpClient at all.
                }

                var sentPath = new Uri(host.Client.BaseAddress!, uri).AbsolutePath;
                if (!sentPath.StartsWith("/_actions/", StringComparison.Ordinal))
                {
                    return; // Dot segments climbed out of the door before the request left the client.
                }

                var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = new StringContent("{\"customer\":\"a\"}", Encoding.UTF8, "application/json"),
                };
                request.Headers.Accept.ParseAdd("application/json");
                object? seen;
                try
                {
                    seen = await host.SendAsync(request);
                }
                catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
                {
                    return; // The in-memory server cannot carry %00 in a path; Kestrel refuses it with 400 before the app.
                }
                if (seen is not null && !Known.Contains(Uri.UnescapeDataString(sentPath["/_actions/".Length..]), StringComparer.OrdinalIgnoreCase))
                {
                    throw new FuzzFailureException($"the id '{id}' ran {seen.GetType().Name}");
                }
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.Seconds,
            threads: FuzzBudget.Threads);
}
