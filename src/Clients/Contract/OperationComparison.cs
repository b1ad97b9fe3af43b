using System.Globalization;
using System.Text.Json;

namespace Hybrid.Clients;

/// <summary>Compares one operation of the baseline with the same verb on the same path of the current document.</summary>
internal sealed class OperationComparison
{
    private readonly ContractDocument _baseline;
    private readonly ContractDocument _current;
    private readonly BreakReport _report;
    private readonly SchemaComparison _schemas;
    private readonly string _path;
    private readonly string _currentPath;
    private readonly string _operation;
    private readonly string _label;
    private readonly (JsonElement Item, JsonElement Operation) _was;
    private readonly (JsonElement Item, JsonElement Operation) _now;
    private readonly (JsonElement? Was, JsonElement? Now) _streams;

    /// <summary>
    /// Prepares the comparison of the operation at <paramref name="verb"/> <paramref name="paths"/>: each side
    /// is the operation with the path item it sits in (whose parameters it inherits). The paths are the
    /// baseline's and the current one's: the same shape, their placeholders perhaps named apart.
    /// </summary>
    public OperationComparison(ContractDocument baseline, ContractDocument current, BreakReport report, SchemaComparison schemas, (string Baseline, string Current) paths, string verb, (JsonElement Item, JsonElement Operation) was, (JsonElement Item, JsonElement Operation) now)
    {
        var path = paths.Baseline;
        _baseline = baseline;
        _current = current;
        _report = report;
        _schemas = schemas;
        _path = path;
        _currentPath = paths.Current;
        _was = was;
        _now = now;
        _streams = (StreamContract.Of(was.Operation), StreamContract.Of(now.Operation));
        var id = JsonMembers.String(was.Operation, "operationId");
        _operation = id ?? verb;
        _label = LabelOf(verb, path, id);
    }

    /// <summary>How messages name an operation: <c>POST /api/v1/posts (CreatePost)</c>.</summary>
    public static string LabelOf(string verb, string path, string? operationId) =>
        operationId is null ? verb + " " + path : verb + " " + path + " (" + operationId + ")";

    /// <summary>Compares parameters, request body, responses and, for a stream, its item.</summary>
    public void Run()
    {
        CompareParameters();
        CompareRequestBody();
        if (_streams.Was.HasValue != _streams.Now.HasValue)
        {
            // The success answers of a stream and of a single answer have nothing to compare member by member.
            Add(_streams.Was.HasValue ? "changed from a stream to a single answer" : "changed from a single answer to a stream");
            CompareResponses(successes: false);
            return;
        }

        CompareResponses(successes: true);
        if (_streams is ({ } wasStream, { } nowStream))
        {
            CompareStream(wasStream, nowStream);
        }
    }

    /// <summary>The item, compared as a response body is (it is what the client reads), and the heartbeat against the baseline's clients.</summary>
    private void CompareStream(JsonElement was, JsonElement now)
    {
        if (StreamContract.ItemOf(was) is { } wasItem && StreamContract.ItemOf(now) is { } nowItem)
        {
            _schemas.Compare(wasItem, nowItem, "", ContractDirection.Response, (member, what) => Add(MemberLabel.StreamItem.Describe(member) + " " + what));
        }

        if (StreamContract.HeartbeatBreak(was, now) is { } heartbeat)
        {
            Add(heartbeat);
        }
    }

    // The stream's content is an array of the item, compared once as the item (not per format) when both sides name it.
    private bool ComparesItem => StreamContract.ItemOf(_streams.Was).HasValue && StreamContract.ItemOf(_streams.Now).HasValue;

    private void Add(string text) => _report.Add(_path, _operation, _label + ": " + text + ".");

    private void CompareParameters()
    {
        var was = ParametersOf(_baseline, _was, _path);
        var now = ParametersOf(_current, _now, _currentPath);
        foreach (var (key, parameter) in was)
        {
            var name = JsonMembers.String(parameter, "name") ?? "";
            var location = JsonMembers.String(parameter, "in") ?? "";
            if (!now.TryGetValue(key, out var nowParameter))
            {
                Add($"{location} parameter '{name}' was removed");
                continue;
            }

            if (!JsonMembers.IsTrue(parameter, "required") && JsonMembers.IsTrue(nowParameter, "required"))
            {
                Add($"{location} parameter '{name}' became required");
            }

            if (JsonMembers.TryGetObject(parameter, "schema", out var wasSchema) && JsonMembers.TryGetObject(nowParameter, "schema", out var nowSchema))
            {
                var label = MemberLabel.Parameter(location);
                _schemas.Compare(wasSchema, nowSchema, name, ContractDirection.Request, (member, what) => Add(label.Describe(member) + " " + what));
            }
        }

        foreach (var (key, parameter) in now)
        {
            if (!was.ContainsKey(key) && JsonMembers.IsTrue(parameter, "required"))
            {
                Add($"{JsonMembers.String(parameter, "in")} parameter '{JsonMembers.String(parameter, "name")}' was added as required");
            }
        }
    }

    // The path item's parameters apply to each of its operations, which may override one by name and location.
    // A path parameter is the value at its placeholder's position, whatever the document calls it.
    private static Dictionary<string, JsonElement> ParametersOf(ContractDocument document, (JsonElement Item, JsonElement Operation) operation, string path)
    {
        var placeholders = PathShape.Placeholders(path);
        var parameters = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var owner in new[] { operation.Item, operation.Operation })
        {
            if (owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in list.EnumerateArray())
                {
                    var parameter = document.Dereference(entry);
                    var location = JsonMembers.String(parameter, "in") ?? "";
                    var name = JsonMembers.String(parameter, "name") ?? "";

                    // Header names are case-insensitive on the wire.
                    var key = location switch
                    {
                        "header" => name.ToUpperInvariant(),
                        "path" when placeholders.IndexOf(name) is var position and >= 0 => "#" + position.ToString(CultureInfo.InvariantCulture),
                        _ => name,
                    };
                    parameters[location + ":" + key] = parameter;
                }
            }
        }

        return parameters;
    }

    private void CompareRequestBody()
    {
        var was = BodyOf(_baseline, _was.Operation);
        var now = BodyOf(_current, _now.Operation);
        if (was is not { } wasBody)
        {
            if (now is { } added && JsonMembers.IsTrue(added, "required"))
            {
                Add("request body was added as required");
            }

            return;
        }

        if (now is not { } nowBody)
        {
            // JSON bodies are strict: members the request no longer reads are refused, not ignored.
            Add("request body was removed");
            return;
        }

        if (!JsonMembers.IsTrue(wasBody, "required") && JsonMembers.IsTrue(nowBody, "required"))
        {
            Add("request body became required");
        }

        CompareContent(wasBody, nowBody, ContractDirection.Request, MemberLabel.RequestBody, media => "request body no longer accepts " + media);
    }

    private static JsonElement? BodyOf(ContractDocument document, JsonElement operation) =>
        JsonMembers.TryGetObject(operation, "requestBody", out var body) ? document.Dereference(body) : null;

    private void CompareResponses(bool successes)
    {
        if (!JsonMembers.TryGetObject(_was.Operation, "responses", out var was))
        {
            return;
        }

        var wasStatuses = JsonMembers.Index(_was.Operation, "responses", StringComparer.Ordinal);
        var now = JsonMembers.Index(_now.Operation, "responses", StringComparer.Ordinal);
        var lostSuccesses = new List<string>();
        foreach (var response in was.EnumerateObject())
        {
            if (!successes && IsSuccess(response.Name))
            {
                continue;
            }

            if (now.TryGetValue(response.Name, out var nowResponse))
            {
                CompareResponse(response.Name, response.Value, nowResponse);
            }
            else if (IsSuccess(response.Name))
            {
                lostSuccesses.Add(response.Name);
            }
            else
            {
                Add($"response {response.Name} was removed");
            }
        }

        var newSuccesses = successes ? now.Keys.Where(s => IsSuccess(s) && !wasStatuses.ContainsKey(s)).ToList() : [];
        for (var i = 0; i < Math.Max(lostSuccesses.Count, newSuccesses.Count); i++)
        {
            if (i < lostSuccesses.Count && i < newSuccesses.Count)
            {
                Add($"success status changed from {lostSuccesses[i]} to {newSuccesses[i]}");
                CompareResponse(newSuccesses[i], wasStatuses[lostSuccesses[i]], now[newSuccesses[i]]);
            }
            else if (i < lostSuccesses.Count)
            {
                Add($"response {lostSuccesses[i]} was removed");
            }
            else
            {
                // A client generated from the baseline takes a status it does not know for a failure.
                Add($"success status {newSuccesses[i]} was added");
            }
        }
    }

    private static bool IsSuccess(string status) => status.Length == 3 && status[0] == '2';

    private void CompareResponse(string status, JsonElement was, JsonElement now)
    {
        was = _baseline.Dereference(was);
        now = _current.Dereference(now);
        var label = MemberLabel.Response(status);
        if (JsonMembers.TryGetObject(was, "content", out var content) && content.EnumerateObject().Any() && !JsonMembers.TryGetObject(now, "content", out _))
        {
            Add(label.Describe("") + " was removed");
            return;
        }

        var item = IsSuccess(status) && ComparesItem;
        CompareContent(was, now, ContractDirection.Response, label, media => $"response {status} no longer returns {media}", media => !(item && StreamContract.IsStreamMedia(media)));
    }

    private void CompareContent(JsonElement was, JsonElement now, ContractDirection direction, MemberLabel label, Func<string, string> lost, Func<string, bool>? comparesSchema = null)
    {
        if (!JsonMembers.TryGetObject(was, "content", out var wasContent))
        {
            return;
        }

        // Media type names are case-insensitive.
        var nowContent = JsonMembers.Index(now, "content", StringComparer.OrdinalIgnoreCase);
        foreach (var media in wasContent.EnumerateObject())
        {
            if (!nowContent.TryGetValue(media.Name, out var nowMedia))
            {
                Add(lost(media.Name));
            }
            else if ((comparesSchema is null || comparesSchema(media.Name)) && JsonMembers.TryGetObject(media.Value, "schema", out var wasSchema) && JsonMembers.TryGetObject(nowMedia, "schema", out var nowSchema))
            {
                _schemas.Compare(wasSchema, nowSchema, "", direction, (member, what) => Add(label.Describe(member) + " " + what));
            }
        }
    }
}
