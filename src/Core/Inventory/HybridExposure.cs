using System.Text;
using Microsoft.AspNetCore.Routing;

namespace Hybrid;

/// <summary>
/// The exposure inventory: who may call each operation, through which door. A Markdown table with
/// one row per operation (request type, action id, REST routes with versions and deprecation, the
/// policy each door enforces, guards and opt-outs), read from the catalog and the final endpoint
/// metadata. Commit it and compare it in a test, so a change to who may call what is a reviewed diff
/// (docs/security.md, "Exposure inventory").
/// </summary>
public static class HybridExposure
{
    /// <summary>Describes what the app's doors expose, from the endpoints mapped on <paramref name="endpoints"/>.</summary>
    /// <param name="endpoints">The app (a <c>WebApplication</c>) or the route builder the doors were mapped on.</param>
    /// <returns>The inventory as Markdown, with <c>\n</c> line ends; the same text on every run and machine for the same app.</returns>
    public static string Describe(IEndpointRouteBuilder endpoints) => Describe(endpoints, acceptCommand: null);

    /// <summary>Describes what the app's doors expose; the header names the command that accepts a change.</summary>
    /// <param name="endpoints">The app (a <c>WebApplication</c>) or the route builder the doors were mapped on.</param>
    /// <param name="acceptCommand">The command that regenerates the committed inventory (e.g. <c>bash eng/accept-exposure.sh</c>), or <see langword="null"/>.</param>
    /// <returns>The inventory as Markdown, with <c>\n</c> line ends; the same text on every run and machine for the same app.</returns>
    public static string Describe(IEndpointRouteBuilder endpoints, string? acceptCommand)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Describe(endpoints.ServiceProvider, endpoints.DataSources.SelectMany(d => d.Endpoints), acceptCommand);
    }

    /// <summary>
    /// Compares a committed inventory with the app's current one, ignoring only the difference between
    /// <c>\r\n</c> and <c>\n</c> line ends (a checkout may convert them).
    /// </summary>
    /// <param name="committed">The committed inventory's text.</param>
    /// <param name="current">The app's inventory, from <see cref="Describe(IEndpointRouteBuilder, string?)"/>.</param>
    /// <param name="acceptCommand">The command that accepts a change, named in the message.</param>
    /// <returns>
    /// <see langword="null"/> when they are the same; otherwise a message listing the rows only the
    /// committed inventory has and those only the app's has, and naming <paramref name="acceptCommand"/>.
    /// </returns>
    public static string? Compare(string committed, string current, string acceptCommand)
    {
        ArgumentNullException.ThrowIfNull(committed);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentException.ThrowIfNullOrWhiteSpace(acceptCommand);
        committed = Normalize(committed);
        current = Normalize(current);
        if (string.Equals(committed, current, StringComparison.Ordinal))
        {
            return null;
        }

        var committedLines = committed.Split('\n');
        var currentLines = current.Split('\n');
        var message = new StringBuilder("The app's exposure inventory differs from the committed one: who may call what, through which door, changed.\n");
        foreach (var line in committedLines.Except(currentLines, StringComparer.Ordinal))
        {
            message.Append("- ").Append(line).Append('\n');
        }

        foreach (var line in currentLines.Except(committedLines, StringComparer.Ordinal))
        {
            message.Append("+ ").Append(line).Append('\n');
        }

        message.Append("If the change is intended, accept it with `").Append(acceptCommand).Append("` and commit the inventory.");
        return message.ToString();
    }

    /// <summary>Writes an inventory to a file as the committed copy: UTF-8 without a byte order mark, <c>\n</c> line ends.</summary>
    /// <param name="path">The committed inventory's path (e.g. <c>exposure.md</c> beside the app's project).</param>
    /// <param name="current">The app's inventory, from <see cref="Describe(IEndpointRouteBuilder, string?)"/>.</param>
    public static void Accept(string path, string current)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(current);
        File.WriteAllText(path, Normalize(current), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    internal static string Describe(IServiceProvider services, IEnumerable<Microsoft.AspNetCore.Http.Endpoint> endpoints, string? acceptCommand)
    {
        return ExposureInventory.Read(services, endpoints).ToMarkdown(acceptCommand);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
