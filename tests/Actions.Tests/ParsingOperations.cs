using System.Collections.Concurrent;
using MediatR;

namespace Hybrid.Actions.Tests;

// Request types of FormParsingTests. None carries [Action] or [Rest*]: the tests expose them in
// code, so the attribute-exposed set (and the actions document snapshots) is unchanged.

/// <summary>What the handlers of this file received, in order.</summary>
public sealed class ParsedRequests
{
    public ConcurrentQueue<object> All { get; } = new();
}

public enum Mood
{
    Calm,
    Happy,
    Angry,
}

/// <summary>Enums and booleans from form fields; the app's JSON is ASP.NET Core's default (enums as numbers).</summary>
public sealed class SetMood : IRequest<string>
{
    public Mood Mood { get; set; } = Mood.Calm;

    public Mood? Previous { get; set; } = Mood.Calm;

    public bool Loud { get; set; }

    public bool? Confirmed { get; set; } = true;

    public int Volume { get; set; } = 5;
}

public sealed class SetMoodHandler(ParsedRequests parsed) : IRequestHandler<SetMood, string>
{
    public Task<string> Handle(SetMood request, CancellationToken cancellationToken)
    {
        parsed.All.Enqueue(request);
        return Task.FromResult($"{request.Mood} {request.Loud}");
    }
}
