using MediatR;

namespace Hybrid.Actions.Tests;

public enum ReadingMood
{
    Calm,
    Busy,
}

/// <summary>
/// A reading with a member of each kind a value can fail to fit: text, integers of two sizes, a
/// non-nullable enum, a date, a boolean, a list of longs, a date and time; a file member, so the REST
/// door takes it as a multipart form too.
/// </summary>
public sealed class RecordReading : IRequest<int>
{
    public string Label { get; set; } = string.Empty;

    public int Count { get; set; }

    public byte Level { get; set; }

    public ReadingMood Mood { get; set; }

    public DateOnly Day { get; set; }

    public bool Done { get; set; }

    public List<long> Samples { get; set; } = [];

    public DateTimeOffset? At { get; set; }

    public HybridFile? Photo { get; set; }
}

public sealed class RecordReadingHandler(HandlerCalls calls) : IRequestHandler<RecordReading, int>
{
    public Task<int> Handle(RecordReading request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(RecordReading));
        return Task.FromResult(1);
    }
}

/// <summary>A search whose members come from the query on the REST door and from the body or form on the action door.</summary>
public sealed class FindReadings : IRequest<int>
{
    public int Count { get; set; }

    public byte Level { get; set; }

    public ReadingMood Mood { get; set; }

    public List<int> Ids { get; set; } = [];
}

public sealed class FindReadingsHandler(HandlerCalls calls) : IRequestHandler<FindReadings, int>
{
    public Task<int> Handle(FindReadings request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(FindReadings));
        return Task.FromResult(0);
    }
}
