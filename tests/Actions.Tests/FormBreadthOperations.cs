using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.Actions.Tests;

// Request types of FormBreadthTests. None carries [Action]: the tests expose them in code, so the
// attribute-exposed set (and the actions document snapshots) is unchanged.

/// <summary>What the handlers of this file received, in order.</summary>
public sealed class BreadthStore
{
    public ConcurrentQueue<object> Received { get; } = new();
}

public enum Stage
{
    Draft,
    Review,
    Published,
}

/// <summary>Collections of simple values, of several collection types.</summary>
public sealed class TagItems : IRequest
{
    public string[] Tags { get; set; } = [];

    public List<int> Scores { get; set; } = [];

    public IReadOnlyList<Guid> Ids { get; set; } = [];

    public HashSet<Stage> Stages { get; set; } = [];

    public IEnumerable<DateOnly> Days { get; set; } = [];

    public ICollection<decimal?> Weights { get; set; } = [];

    public List<List<int>>? Grid { get; set; }
}

/// <summary>Nested objects, a positional record, collections of objects that nest again.</summary>
public sealed class PlaceOrder : IRequest
{
    public Contact? Author { get; set; }

    public List<OrderLine> Items { get; set; } = [];

    public Address? Shipping { get; set; }

    public string? Note { get; set; }
}

public sealed class Contact
{
    public string Email { get; set; } = string.Empty;

    public string? Name { get; set; }

    public Address? Address { get; set; }
}

public sealed record Address(string City, string? Zip);

public sealed class OrderLine
{
    public required string Name { get; set; }

    public int Qty { get; set; } = 1;

    public List<string> Options { get; set; } = [];

    public IReadOnlyList<OrderLine> Parts { get; set; } = [];
}

/// <summary>One member of each simple kind, nullable and not.</summary>
public sealed class Scalars : IRequest
{
    public bool Agree { get; set; }

    public bool? Subscribe { get; set; }

    public int Count { get; set; }

    public long? Big { get; set; } = 7;

    public decimal Price { get; set; }

    public double Ratio { get; set; }

    public DateOnly Day { get; set; }

    public DateOnly? Until { get; set; } = new DateOnly(2000, 1, 1);

    public DateTimeOffset At { get; set; }

    public DateTimeOffset? Seen { get; set; } = DateTimeOffset.UnixEpoch;

    public Stage Stage { get; set; }

    public Stage? Next { get; set; } = Stage.Draft;

    public Guid Id { get; set; }

    public Guid? Parent { get; set; } = Guid.Empty;

    public string? Note { get; set; } = "default";

    public string Title { get; set; } = "untitled";

    [JsonPropertyName("__secret")]
    public string? Secret { get; set; }
}

public sealed class BreadthHandlers(BreadthStore store) :
    IRequestHandler<TagItems>,
    IRequestHandler<PlaceOrder>,
    IRequestHandler<Scalars>
{
    public Task Handle(TagItems request, CancellationToken cancellationToken) => Record(request);

    public Task Handle(PlaceOrder request, CancellationToken cancellationToken) => Record(request);

    public Task Handle(Scalars request, CancellationToken cancellationToken) => Record(request);

    private Task Record(object request)
    {
        store.Received.Enqueue(request);
        return Task.CompletedTask;
    }
}
