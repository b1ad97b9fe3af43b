using System.Globalization;

namespace Hybrid.Soak;

/// <summary>The server process's resident set, read from <c>/proc/&lt;pid&gt;/status</c> (VmRSS).</summary>
internal static class ServerMemory
{
    /// <summary>VmRSS in MiB, or null when the process is gone or the file has no such line.</summary>
    public static double? RssMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, NumberStyles.None, CultureInfo.InvariantCulture) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
            // The process exited between two samples.
        }

        return null;
    }
}
