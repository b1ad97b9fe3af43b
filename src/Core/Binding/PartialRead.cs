using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid;

/// <summary>
/// Reads a request from a JSON object that may hold mistakes, collecting every one: System.Text.Json
/// stops at the first member that does not fit, so each failing member is named, taken out of the
/// object, and the rest read again, until the rest reads. Missing required members are named once,
/// and the rest is then read without them (<see cref="RequestJson.Lenient{T}"/>). What is left is the
/// request validation judges in the same round; the mistakes never reach a handler. The strict rules
/// are unchanged: an unknown member, a duplicate or a wrong type is still an error, only no longer
/// the only one reported.
/// </summary>
internal static class PartialRead
{
    /// <summary>
    /// How many readings one request may cost. Each mistake costs one; a body with more is answered
    /// with the errors found so far, so a body of many bad members costs a bounded amount of work.
    /// </summary>
    public const int MaxReadings = 32;

    /// <summary>
    /// How many bytes the readings of one body may read in all: a large body gets fewer readings, so
    /// no body costs more than a few times what reading the largest allowed body once does.
    /// </summary>
    private const int ReadingBudget = 4 * 1024 * 1024;

    /// <summary>The readings a body of <paramref name="length"/> bytes may cost: <see cref="MaxReadings"/>, fewer past 128 KiB, at least 2.</summary>
    public static int ReadingsFor(int length) => Math.Clamp(ReadingBudget / Math.Max(length, 1), 2, MaxReadings);

    /// <summary>
    /// The request read from <paramref name="json"/>, the mistakes added to <paramref name="errors"/>;
    /// null when no request could be made (then <paramref name="errors"/> holds why).
    /// </summary>
    public static T? Read<T>(JsonObject json, JsonTypeInfo<T> info, BindingErrors errors, Func<JsonException, JsonObject?, OperationProblem> problemOf, int readings = MaxReadings)
    {
        var reading = info;
        for (var attempt = 0; attempt < readings; attempt++)
        {
            try
            {
                return json.Deserialize(reading);
            }
            catch (JsonException e)
            {
                var problem = problemOf(e, json);
                if (problem.Errors is not { Count: > 0 } found)
                {
                    // Nothing to key by (the body as a whole is wrong): that alone is the answer, unless fields already failed.
                    if (!errors.Any)
                    {
                        errors.Refuse(problem);
                    }

                    return default;
                }

                errors.AddFound(found);
                var path = Parse(e.Path);
                if (!found.ContainsKey(JsonBodyErrors.FieldPath(e.Path)))
                {
                    // Every mistake is keyed by where it is but missing required members, keyed by what is missing.
                    if (!ReferenceEquals(reading, info))
                    {
                        return default;
                    }

                    reading = RequestJson.Lenient(info);
                    continue;
                }

                if (Remove(json, path) is not { } removed)
                {
                    return default;
                }

                errors.Omit(removed);
            }
        }

        return default;
    }

    /// <summary>
    /// Takes out the member the error is about: the last member named on <paramref name="path"/>, so
    /// a bad item takes its whole list with it (removing one item would move the ones after it to
    /// other indexes). Returns that member's field path, or null when the path leads nowhere.
    /// </summary>
    private static string? Remove(JsonObject root, List<object> path)
    {
        var last = path.FindLastIndex(s => s is string);
        if (last < 0)
        {
            return null;
        }

        JsonNode? node = root;
        var field = new StringBuilder();
        for (var i = 0; i < last; i++)
        {
            node = path[i] switch
            {
                string name when node is JsonObject o => o[name],
                int index when node is JsonArray a && index < a.Count => a[index],
                _ => null,
            };
            Append(field, path[i]);
            if (node is null)
            {
                return null;
            }
        }

        var member = (string)path[last];
        if (node is not JsonObject parent || !parent.Remove(member))
        {
            return null;
        }

        Append(field, member);
        return field.ToString();
    }

    private static void Append(StringBuilder field, object segment)
    {
        if (segment is int index)
        {
            field.Append('[').Append(index).Append(']');
        }
        else
        {
            field.Append(field.Length == 0 ? string.Empty : ".").Append((string)segment);
        }
    }

    /// <summary>
    /// The value at <paramref name="jsonPath"/> in <paramref name="root"/>, where the serializer
    /// stopped: false when the path names no member (the root itself, or a member not there).
    /// </summary>
    public static bool TryFind(JsonObject root, string? jsonPath, out JsonNode? value)
    {
        value = null;
        var path = Parse(jsonPath);
        if (path.Count == 0)
        {
            return false;
        }

        JsonNode? node = root;
        foreach (var segment in path)
        {
            switch (segment)
            {
                case string name when node is JsonObject o && o.TryGetPropertyValue(name, out var member):
                    node = member;
                    break;
                case int index when node is JsonArray a && index < a.Count:
                    node = a[index];
                    break;
                default:
                    return false;
            }
        }

        value = node;
        return true;
    }

    /// <summary>System.Text.Json's path (<c>$.items[1].qty</c>, <c>$['a.b']</c>) as member names and indexes.</summary>
    private static List<object> Parse(string? jsonPath)
    {
        var segments = new List<object>();
        if (jsonPath is null || !jsonPath.StartsWith('$'))
        {
            return segments;
        }

        var i = 1;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? jsonPath.Length : end;
                segments.Add(jsonPath[(i + 1)..end]);
                i = end;
            }
            else if (jsonPath.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var name = new StringBuilder();
                var j = i + 2;
                while (j < jsonPath.Length && !(jsonPath[j] == '\'' && (j + 1 == jsonPath.Length || jsonPath[j + 1] != '\'')))
                {
                    name.Append(jsonPath[j]);
                    j += jsonPath[j] == '\'' ? 2 : 1;
                }

                segments.Add(name.ToString());
                i = j + 2; // past "']"
            }
            else if (jsonPath[i] == '[')
            {
                var close = jsonPath.IndexOf(']', i);
                if (close < 0 || !int.TryParse(jsonPath.AsSpan(i + 1, close - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    return [];
                }

                segments.Add(index);
                i = close + 1;
            }
            else
            {
                return [];
            }
        }

        return segments;
    }
}
