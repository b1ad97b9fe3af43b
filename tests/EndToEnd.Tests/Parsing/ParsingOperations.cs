using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;

namespace Hybrid.EndToEnd.Tests.Parsing;

// Request types of the in-process parsing tests. None carries [Action] or [Rest*]: ParsingHost
// exposes them in code, so no other host (and no document snapshot) ever sees them.

/// <summary>Every request a handler of this file received, in order: refusals must leave it untouched.</summary>
public sealed class ReceivedRequests
{
    public ConcurrentQueue<object> All { get; } = new();

    public int Count => All.Count;
}

public enum ProbeStatus
{
    Draft,
    Published,
    Archived,
}

[Flags]
public enum ProbeMarks
{
    None = 0,
    Draft = 1,
    Published = 2,
    Featured = 4,
}

/// <summary>
/// One member per kind of value the parser knows. Defaults are chosen so that binding is visible:
/// a nullable starts non-null (an empty value must make it null), an enum starts on a value no case
/// binds to.
/// </summary>
public sealed class ParseProbe : IRequest<ParseProbe>
{
    public int Count { get; set; } = -1;

    public long? Total { get; set; } = -1;

    public decimal Price { get; set; } = -1m;

    public bool Flag { get; set; }

    public bool? MaybeFlag { get; set; } = true;

    public Guid Id { get; set; }

    public DateOnly Day { get; set; }

    public DateTimeOffset At { get; set; }

    public ProbeStatus Status { get; set; } = ProbeStatus.Archived;

    public ProbeStatus? MaybeStatus { get; set; } = ProbeStatus.Archived;

    public ProbeMarks Marks { get; set; } = ProbeMarks.Featured;

    public string? Name { get; set; } = "unset";
}

/// <summary>Echoes what it received, and records it.</summary>
public sealed class ParseProbeHandler(ReceivedRequests received) : IRequestHandler<ParseProbe, ParseProbe>
{
    public Task<ParseProbe> Handle(ParseProbe request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult(request);
    }
}

public sealed class AuthorDto
{
    [Required]
    public string Name { get; set; } = string.Empty;

    [EmailAddress]
    public string? Email { get; set; }
}

/// <summary>A tag is written in JSON as its name alone (<c>"tags": ["ok", ""]</c>), and validated as an object.</summary>
[JsonConverter(typeof(TagDtoConverter))]
public sealed class TagDto
{
    [Required]
    [StringLength(20)]
    public string Name { get; set; } = string.Empty;
}

public sealed class TagDtoConverter : JsonConverter<TagDto>
{
    public override TagDto Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new() { Name = reader.GetString() ?? string.Empty };

    public override void Write(Utf8JsonWriter writer, TagDto value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}

/// <summary>Nested objects and collection items with rules of their own.</summary>
public sealed class SubmitArticle : IRequest<string>
{
    [Required]
    public string Title { get; set; } = "untitled";

    [Required]
    public AuthorDto? Author { get; set; }

    public List<TagDto> Tags { get; set; } = [];
}

public sealed class SubmitArticleHandler(ReceivedRequests received) : IRequestHandler<SubmitArticle, string>
{
    public Task<string> Handle(SubmitArticle request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult("submitted " + request.Title);
    }
}

/// <summary>A C# <c>required</c> member: JSON must name it.</summary>
public sealed class RegisterMember : IRequest<string>
{
    public required string DisplayName { get; set; }

    public int Age { get; set; }
}

public sealed class RegisterMemberHandler(ReceivedRequests received) : IRequestHandler<RegisterMember, string>
{
    public Task<string> Handle(RegisterMember request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult("registered " + request.DisplayName);
    }
}

/// <summary>An enum member set from a JSON body, where System.Text.Json reads any number.</summary>
public sealed class SetStatus : IRequest<string>
{
    public ProbeStatus Status { get; set; } = ProbeStatus.Archived;

    public ProbeStatus? Previous { get; set; }
}

public sealed class SetStatusHandler(ReceivedRequests received) : IRequestHandler<SetStatus, string>
{
    public Task<string> Handle(SetStatus request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult("status " + request.Status);
    }
}

/// <summary>A Guid id, bound from a route, a query, a JSON body.</summary>
public sealed class FindByGuid : IRequest<string>
{
    public Guid Id { get; set; }
}

public sealed class FindByGuidHandler(ReceivedRequests received) : IRequestHandler<FindByGuid, string>
{
    public Task<string> Handle(FindByGuid request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult("guid " + request.Id);
    }
}

/// <summary>An int id, bound from a route, a query, a JSON body.</summary>
public sealed class FindByNumber : IRequest<string>
{
    public int Id { get; set; }
}

public sealed class FindByNumberHandler(ReceivedRequests received) : IRequestHandler<FindByNumber, string>
{
    public Task<string> Handle(FindByNumber request, CancellationToken cancellationToken)
    {
        received.All.Enqueue(request);
        return Task.FromResult("number " + request.Id);
    }
}
