using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Security.Tests.Fuzzing;

// The fuzz targets carry every shape the binders decode (nested objects, lists, enums, dates,
// decimals, nullable numbers, files) so one random body reaches every reader.

/// <summary>What the fuzz handlers saw: a 2xx must come with exactly one run, a refusal with none.</summary>
public sealed class FuzzLedger
{
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public ConcurrentQueue<object> Seen { get; } = new();

    public void Ran(object request)
    {
        Seen.Enqueue(request);
        Interlocked.Increment(ref _runs);
    }
}

public enum FuzzColor
{
    Red,
    Green,
    Blue,
}

public sealed record FuzzAddress
{
    [StringLength(40)]
    public string? Street { get; init; }

    public int? Zip { get; init; }
}

public sealed record FuzzLine
{
    [Required]
    [StringLength(20)]
    public string Sku { get; init; } = string.Empty;

    [Range(1, 1000)]
    public int Quantity { get; init; } = 1;

    public decimal Price { get; init; }
}

/// <summary>The action <c>FuzzOrder</c> and <c>POST /api/v1/fuzz-orders</c>.</summary>
public sealed record FuzzOrder : IRequest<string>
{
    [Required]
    [StringLength(40)]
    public string Customer { get; init; } = string.Empty;

    public FuzzColor Color { get; init; }

    public DateOnly? Due { get; init; }

    public DateTimeOffset? At { get; init; }

    public decimal Total { get; init; }

    public long? Points { get; init; }

    public FuzzAddress? Address { get; init; }

    [MaxLength(20)]
    public List<FuzzLine>? Lines { get; init; }
}

public sealed class FuzzOrderHandler(FuzzLedger ledger) : IRequestHandler<FuzzOrder, string>
{
    public Task<string> Handle(FuzzOrder request, CancellationToken cancellationToken)
    {
        ledger.Ran(request);
        return Task.FromResult("ok");
    }
}

/// <summary>The action <c>FuzzUpload</c> and <c>POST /api/v1/fuzz-uploads</c>: a form with a file part.</summary>
public sealed class FuzzUpload : IRequest<string>
{
    [StringLength(40)]
    public string? Note { get; set; }

    public HybridFile? Attachment { get; set; }
}

public sealed class FuzzUploadHandler(FuzzLedger ledger) : IRequestHandler<FuzzUpload, string>
{
    public Task<string> Handle(FuzzUpload request, CancellationToken cancellationToken)
    {
        ledger.Ran(request);
        return Task.FromResult("ok");
    }
}

/// <summary><c>GET /api/v1/fuzz-regions/{region}/orders</c>: route, query lists, enums and dates.</summary>
public sealed class FuzzSearch : IRequest<string>
{
    [StringLength(20)]
    public string Region { get; set; } = string.Empty;

    public List<FuzzColor>? Color { get; set; }

    public List<int>? Size { get; set; }

    public DateOnly? From { get; set; }

    public DateTimeOffset? Since { get; set; }

    public int? Page { get; set; }
}

public sealed class FuzzSearchHandler(FuzzLedger ledger) : IRequestHandler<FuzzSearch, string>
{
    public Task<string> Handle(FuzzSearch request, CancellationToken cancellationToken)
    {
        ledger.Ran(request);
        return Task.FromResult("ok");
    }
}
