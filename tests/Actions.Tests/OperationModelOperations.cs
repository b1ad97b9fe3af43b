using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Text.Json.Serialization;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Hybrid.Actions.Tests;

// Request types of the operation-model tests (metadata, authorization, body limits, antiforgery
// opt-out, telemetry). None carries [Action] or [Rest*]: each test exposes the ones it needs in
// code, so the attribute-exposed set the other tests snapshot stays as it is.

/// <summary>An app's own attribute: it must reach the endpoints like ASP.NET Core's do.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class AppMarkerAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public override string ToString() => "AppMarker " + Name;
}

/// <summary>
/// ASP.NET Core's [EndpointSummary] and [EndpointDescription] only go on methods: an app that wants
/// a summary on a request type declares its own attribute with the same metadata interface.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SummaryAttribute(string summary) : Attribute, IEndpointSummaryMetadata
{
    public string Summary { get; } = summary;
}

[AttributeUsage(AttributeTargets.Class)]
public sealed class DescriptionAttribute(string description) : Attribute, IEndpointDescriptionMetadata
{
    public string Description { get; } = description;
}

/// <summary>Which handlers ran, per host: a refused request must not reach its handler.</summary>
public sealed class HandlerCalls
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public void Called(string name) => _calls.AddOrUpdate(name, 1, (_, n) => n + 1);

    public int Of(string name) => _calls.TryGetValue(name, out var n) ? n : 0;
}

/// <summary>
/// Every kind of endpoint attribute on the request type, plus ones the doors must leave out: a
/// System.Text.Json one, a DataAnnotations one, a System.Diagnostics one, and the compiler's
/// nullable attributes a record gets.
/// </summary>
[Authorize(Roles = "editor")]
[EnableRateLimiting("fixed")]
[Tags("from-request")]
[Summary("Annotated request")]
[RequestSizeLimit(4096)]
[AppMarker("request")]
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
[DisplayColumn("Text")]
[DebuggerDisplay("{Text}")]
public sealed record Annotated(string? Text) : IRequest<string>;

[AllowAnonymous]
[Tags("from-handler")]
[Description("Described by the handler.")]
[AppMarker("handler")]
public sealed class AnnotatedHandler(HandlerCalls calls) : IRequestHandler<Annotated, string>
{
    public Task<string> Handle(Annotated request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(Annotated));
        return Task.FromResult("annotated " + request.Text);
    }
}

/// <summary>No attributes: its endpoints get only what code conventions give them.</summary>
public sealed class Conventional : IRequest<string>
{
    public int Id { get; set; }
}

public sealed class ConventionalHandler(HandlerCalls calls) : IRequestHandler<Conventional, string>
{
    public Task<string> Handle(Conventional request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(Conventional));
        return Task.FromResult("conventional " + request.Id);
    }
}

/// <summary>A neighbour on both doors: conventions meant for another operation must not reach it.</summary>
public sealed class Bystander : IRequest<string>
{
    public int Id { get; set; }
}

public sealed class BystanderHandler(HandlerCalls calls) : IRequestHandler<Bystander, string>
{
    public Task<string> Handle(Bystander request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(Bystander));
        return Task.FromResult("bystander " + request.Id);
    }
}

/// <summary>Admins only, declared on the request type.</summary>
[Authorize(Roles = "admin")]
public sealed class AdminReport : IRequest<string>
{
    [Required]
    public string Title { get; set; } = string.Empty;
}

public sealed class AdminReportHandler(HandlerCalls calls) : IRequestHandler<AdminReport, string>
{
    public Task<string> Handle(AdminReport request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(AdminReport));
        return Task.FromResult("report " + request.Title);
    }
}

/// <summary>Open to anyone, even behind a door-wide RequireAuthorization().</summary>
[AllowAnonymous]
public sealed class PublicNotice : IRequest<string>
{
    public string? Text { get; set; }
}

public sealed class PublicNoticeHandler(HandlerCalls calls) : IRequestHandler<PublicNotice, string>
{
    public Task<string> Handle(PublicNotice request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(PublicNotice));
        return Task.FromResult("notice " + request.Text);
    }
}

/// <summary>Nothing declared: the door's default limit (1 MiB) applies.</summary>
public sealed class PlainUpload : IRequest<int>
{
    public string Payload { get; set; } = string.Empty;
}

public sealed class PlainUploadHandler(HandlerCalls calls) : IRequestHandler<PlainUpload, int>
{
    public Task<int> Handle(PlainUpload request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(PlainUpload));
        return Task.FromResult(request.Payload.Length);
    }
}

/// <summary>A limit above the door's default.</summary>
[RequestSizeLimit(UploadSizes.TwoMiB)]
public sealed class LargeUpload : IRequest<int>
{
    public string Payload { get; set; } = string.Empty;
}

public sealed class LargeUploadHandler(HandlerCalls calls) : IRequestHandler<LargeUpload, int>
{
    public Task<int> Handle(LargeUpload request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(LargeUpload));
        return Task.FromResult(request.Payload.Length);
    }
}

/// <summary>A limit far below the door's default.</summary>
[RequestSizeLimit(100)]
public sealed class TinyUpload : IRequest<int>
{
    public string Payload { get; set; } = string.Empty;
}

public sealed class TinyUploadHandler(HandlerCalls calls) : IRequestHandler<TinyUpload, int>
{
    public Task<int> Handle(TinyUpload request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(TinyUpload));
        return Task.FromResult(request.Payload.Length);
    }
}

/// <summary>No limit at all.</summary>
[DisableRequestSizeLimit]
public sealed class UnlimitedUpload : IRequest<int>
{
    public string Payload { get; set; } = string.Empty;
}

public sealed class UnlimitedUploadHandler(HandlerCalls calls) : IRequestHandler<UnlimitedUpload, int>
{
    public Task<int> Handle(UnlimitedUpload request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(UnlimitedUpload));
        return Task.FromResult(request.Payload.Length);
    }
}

/// <summary>An action a test opts out of antiforgery in code.</summary>
public sealed class Unguarded : IRequest<string>
{
    public string? Text { get; set; }
}

public sealed class UnguardedHandler(HandlerCalls calls) : IRequestHandler<Unguarded, string>
{
    public Task<string> Handle(Unguarded request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(Unguarded));
        return Task.FromResult("unguarded " + request.Text);
    }
}

/// <summary>Succeeds, fails validation (no name) or throws (mode "crash"): one of each for telemetry.</summary>
public sealed class TelemetryProbe : IRequest<string>
{
    [Required]
    public string? Name { get; set; }

    public string Mode { get; set; } = "ok";
}

public sealed class TelemetryProbeHandler(HandlerCalls calls) : IRequestHandler<TelemetryProbe, string>
{
    public Task<string> Handle(TelemetryProbe request, CancellationToken cancellationToken)
    {
        calls.Called(nameof(TelemetryProbe));
        return request.Mode == "crash"
            ? throw new InvalidOperationException("The probe crashed on purpose.")
            : Task.FromResult("probed " + request.Name);
    }
}

public static class UploadSizes
{
    public const int OneMiB = 1024 * 1024;

    public const int TwoMiB = 2 * OneMiB;

    /// <summary>A JSON body of about 1.5 MiB: over the default limit, under 2 MiB.</summary>
    public static string Json(int payloadLength) => "{\"payload\":\"" + new string('x', payloadLength) + "\"}";

    public const int OneAndAHalfMiB = OneMiB + (OneMiB / 2);

    /// <summary>The payload that makes <see cref="Json"/> exactly 200 bytes long.</summary>
    public const int PayloadOf200ByteBody = 200 - 14;
}
