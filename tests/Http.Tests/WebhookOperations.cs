using Microsoft.Extensions.DependencyInjection;
using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Http.Tests;

/// <summary>A Standard Webhooks receiver: verified, validated, with the raw request beside the bound members.</summary>
[StandardWebhook(RestHost.WebhookSecretKey)]
public sealed class ReceiveEvent : IRequest
{
    [Required]
    public string Type { get; set; } = string.Empty;

    [Range(1, 100)]
    public int Amount { get; set; }

    public HybridRawRequest? Raw { get; set; }
}

public sealed class ReceiveEventHandler(GuardCalls calls) : IRequestHandler<ReceiveEvent>
{
    public Task Handle(ReceiveEvent request, CancellationToken cancellationToken)
    {
        calls.Runs.Enqueue((nameof(ReceiveEvent), request));
        calls.Stored[calls.NextId()] = request;
        return Task.CompletedTask;
    }
}

public static class WebhookOperations
{
    public static void Expose(HybridOptions options) => options.Expose<ReceiveEvent>(op => op.Post("hooks/events"));
}
