using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>
/// The gate run after every build: each public document the build wrote is compared with its committed
/// baseline, and each break becomes one line in MSBuild's canonical error format, which the Exec task
/// turns into a build error that points at the baseline file.
/// </summary>
internal static class ContractGate
{
    private const string Fix = "Fix: restore it, or accept the change with dotnet build -p:HybridAcceptContract=true.";

    /// <summary>
    /// Records (when <paramref name="accept"/> is set, or no baseline of that name exists yet) or checks
    /// each of <paramref name="currentFiles"/> against <paramref name="contractDirectory"/>; a baseline with
    /// no current document is a whole version removed. Returns the number of breaks written to
    /// <paramref name="output"/>, an unreadable baseline counting as one. What was recorded, accepted or
    /// removed goes to <paramref name="notes"/> (else to <paramref name="output"/>).
    /// </summary>
    public static int Run(string contractDirectory, IReadOnlyList<string> currentFiles, bool accept, TextWriter output, TextWriter? notes = null)
    {
        notes ??= output;
        var breaks = 0;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in currentFiles)
        {
            var name = Path.GetFileName(file);
            names.Add(name);
            var baseline = Path.GetFullPath(Path.Combine(contractDirectory, name));
            if (accept || !File.Exists(baseline))
            {
                Record(file, baseline, notes);
            }
            else
            {
                breaks += Check(name, file, baseline, output);
            }
        }

        if (Directory.Exists(contractDirectory))
        {
            foreach (var baseline in Directory.GetFiles(contractDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(baseline);
                if (names.Contains(name))
                {
                    continue;
                }

                var full = Path.GetFullPath(baseline);
                if (accept)
                {
                    File.Delete(full);
                    notes.WriteLine($"Hybrid: removed the contract baseline {full}: the build no longer writes {name}.");
                }
                else
                {
                    output.WriteLine($"{full}: error HYB101: {name} is no longer written: every operation of that version was removed. {Fix}");
                    breaks++;
                }
            }
        }

        return breaks;
    }

    private static void Record(string file, string baseline, TextWriter output)
    {
        var bytes = File.ReadAllBytes(file);
        if (File.Exists(baseline))
        {
            // Accepting an unchanged document leaves the file alone, so its time stamp and the diff stay quiet.
            if (File.ReadAllBytes(baseline).AsSpan().SequenceEqual(bytes))
            {
                return;
            }

            File.WriteAllBytes(baseline, bytes);
            output.WriteLine($"Hybrid: accepted {Path.GetFileName(file)} as the contract baseline {baseline}.");
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(baseline)!);
        File.WriteAllBytes(baseline, bytes);
        output.WriteLine($"Hybrid: recorded the contract baseline {baseline} from {Path.GetFileName(file)}.");
    }

    private static int Check(string name, string file, string baseline, TextWriter output)
    {
        JsonDocument was;
        try
        {
            was = JsonDocument.Parse(File.ReadAllBytes(baseline));
        }
        catch (JsonException e)
        {
            output.WriteLine($"{baseline}: error HYB102: the contract baseline is not valid JSON ({e.Message}). Fix: restore it from source control, or record it again with dotnet build -p:HybridAcceptContract=true.");
            return 1;
        }

        using (was)
        {
            if (!JsonMembers.TryGetObject(was.RootElement, "paths", out _))
            {
                output.WriteLine($"{baseline}: error HYB102: the contract baseline is not an OpenAPI document (it has no paths object). Fix: restore it from source control, or record it again with dotnet build -p:HybridAcceptContract=true.");
                return 1;
            }

            // The current document is Hybrid's own output: if it does not parse, that is a bug to surface, not a break.
            using var now = JsonDocument.Parse(File.ReadAllBytes(file));
            var breaks = ContractComparer.Compare(name, was.RootElement, now.RootElement);
            foreach (var found in breaks)
            {
                output.WriteLine($"{baseline}: error HYB101: {found.Message} {Fix}");
            }

            return breaks.Count;
        }
    }
}
