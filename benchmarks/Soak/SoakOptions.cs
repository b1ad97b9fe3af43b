using System.Globalization;

namespace Hybrid.Soak;

/// <summary>What to drive and for how long: command-line options, <c>--name value</c>.</summary>
internal sealed record SoakOptions(
    Uri BaseAddress,
    TimeSpan Duration,
    TimeSpan WarmUp,
    string DatabasePath,
    int ServerPid,
    string Token,
    bool WritesOnly,
    int Clients,
    double RssLimit)
{
    public const string Usage =
        "usage: Hybrid.Soak --url http://127.0.0.1:PORT --seconds N --database FILE --pid PID --token JWT [--mix all|writes] [--clients N] [--warmup SECONDS] [--rss-limit 1.5]";

    /// <summary>The options, or null (and a message on stderr) when they are incomplete or malformed.</summary>
    public static SoakOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"unexpected argument '{args[i]}'\n{Usage}");
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        if (args.Length % 2 != 0 || !values.TryGetValue("url", out var url) || !values.TryGetValue("database", out var database)
            || !values.TryGetValue("token", out var token) || !Number("seconds", null, out var seconds) || !Number("pid", null, out var pid)
            || !Number("clients", 8, out var clients) || !Number("warmup", Math.Min(60, Math.Max(5, (int)(seconds / 5))), out var warmUp)
            || !double.TryParse(values.GetValueOrDefault("rss-limit", "1.5"), NumberStyles.Float, CultureInfo.InvariantCulture, out var rssLimit))
        {
            Console.Error.WriteLine(Usage);
            return null;
        }

        var mix = values.GetValueOrDefault("mix", "all");
        if (mix is not ("all" or "writes") || seconds < 5 || clients < 1 || warmUp >= seconds)
        {
            Console.Error.WriteLine($"--mix is all or writes, --seconds at least 5, --clients at least 1, --warmup under --seconds\n{Usage}");
            return null;
        }

        return new SoakOptions(new Uri(url), TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUp), database, pid, token, mix == "writes", clients, rssLimit);

        bool Number(string name, int? fallback, out int value)
        {
            if (values.TryGetValue(name, out var text))
            {
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
            }

            value = fallback ?? 0;
            return fallback is not null;
        }
    }
}
