using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Hybrid;

/// <summary>
/// The problem responses one operation of a document lists: each status it can answer with the
/// exact codes it can carry there, from the operation's declarations and from what its door and
/// policies produce. Statuses and codes keep the order they were added in, statuses sorted.
/// </summary>
internal sealed class OperationProblems
{
    private readonly SortedDictionary<int, Status> _statuses = [];

    /// <summary>Adds <paramref name="code"/> under <paramref name="status"/>, with what it means when known.</summary>
    public OperationProblems Add(int status, string code, string? note = null)
    {
        if (!_statuses.TryGetValue(status, out var entry))
        {
            _statuses[status] = entry = new Status();
        }

        if (!entry.Codes.Contains(code, StringComparer.Ordinal))
        {
            entry.Codes.Add(code);
        }

        if (note is not null && !entry.Notes.Contains(note, StringComparer.Ordinal))
        {
            entry.Notes.Add(note);
        }

        return this;
    }

    /// <summary>Adds the endpoint's own declarations (<see cref="EndpointSettings.Problems"/>).</summary>
    public OperationProblems AddDeclared(EndpointSettings settings)
    {
        foreach (var problem in settings.Problems)
        {
            Add(problem.StatusCode, problem.Code, problem.Description);
        }

        return this;
    }

    /// <summary>Adds 401/403 when the endpoint requires authorization and 429 when it is rate limited.</summary>
    public OperationProblems AddPolicies(EndpointSettings settings)
    {
        if (settings.Authorization.Required)
        {
            Add(401, ProblemCodes.Unauthorized, "The request carries no credential the endpoint accepts.");
            Add(403, ProblemCodes.Forbidden, "The caller may not do this.");
        }

        if (settings.RateLimitPolicy is not null)
        {
            Add(429, ProblemCodes.RateLimited, "Too many requests; Retry-After says when to try again.");
        }

        return this;
    }

    /// <summary>
    /// Adds what a stream refuses before its first byte: 406 when <c>Accept</c> names none of its
    /// formats, and 429 when too many streams are open. Nothing for an operation answered once.
    /// </summary>
    public OperationProblems AddStream(EndpointSettings settings)
    {
        if (settings.Stream is not null)
        {
            Add(406, ProblemCodes.NotAcceptable, "Accept names none of the stream's formats.");
            Add(429, ProblemCodes.TooManyStreams, "Too many streams are open for this caller or this instance; Retry-After says when to try again.");
        }

        return this;
    }

    /// <summary>
    /// What any operation can meet on the server's side: 408 when its body trickles in below Kestrel's
    /// minimum data rate, 500 (a trace id only), 503 when a dependency
    /// is busy (<see cref="HybridOptions.TransientFailures"/>, with <c>Retry-After</c>), and the
    /// endpoint's request timeout when it has one.
    /// </summary>
    public OperationProblems AddFaults(EndpointSettings settings)
    {
        if (settings.ReadsBody)
        {
            Add(408, ProblemCodes.BodyTooSlow, "The body arrived more slowly than the server's minimum data rate; the connection closes.");
        }

        Add(500, ProblemCodes.InternalError, "Unexpected error; the problem carries a trace id only.");
        Add(503, ProblemCodes.ServiceUnavailable, "A dependency was busy and nothing was changed; Retry-After says when to try again.");
        if (settings.Timeout is { } timeout)
        {
            Add(timeout.StatusCode, ProblemCodes.RequestTimeout, $"The operation ran past its {timeout.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s limit and was cancelled.");
        }

        return this;
    }

    /// <summary>Each status with its codes and the response's description.</summary>
    public IEnumerable<(int Status, IReadOnlyList<string> Codes, string Description)> Responses =>
        _statuses.Select(s => (s.Key, (IReadOnlyList<string>)s.Value.Codes, DescriptionOf(s.Key, s.Value)));

    private static string DescriptionOf(int status, Status entry)
    {
        var reason = ReasonPhrases.GetReasonPhrase(status);
        var text = (reason.Length > 0 ? reason : "Status " + status.ToString(CultureInfo.InvariantCulture)) +
            (entry.Codes.Count == 1 ? ": code " : ": code one of ") + string.Join(", ", entry.Codes) + ".";
        return entry.Notes.Count == 0 ? text : text + " " + string.Join(" ", entry.Notes.Select(n => n.TrimEnd('.') + "."));
    }

    private sealed class Status
    {
        public List<string> Codes { get; } = [];

        public List<string> Notes { get; } = [];
    }
}
