using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hybrid.Contract.Tests;

/// <summary>Notes only a moderator may remove, through either door.</summary>
public sealed class NoteStore
{
    public ConcurrentDictionary<int, string> Notes { get; } = new(new Dictionary<int, string> { [1] = "one", [2] = "two", [3] = "three" });

    public ConcurrentQueue<string> RemovedBy { get; } = new();
}

[Action]
[RestDelete("notes/{id}")]
[Authorize(Roles = "moderator")]
public sealed class RemoveNote : IRequest
{
    public int Id { get; set; }
}

public sealed class RemoveNoteHandler(NoteStore store, Microsoft.AspNetCore.Http.IHttpContextAccessor accessor) : IRequestHandler<RemoveNote>
{
    public Task Handle(RemoveNote request, CancellationToken cancellationToken)
    {
        store.Notes.TryRemove(request.Id, out _);
        store.RemovedBy.Enqueue(accessor.HttpContext!.User.Identity!.Name!);
        return Task.CompletedTask;
    }
}

/// <summary>Readable by anyone: no door scheme is added to an anonymous operation.</summary>
[Action]
[RestGet("notes/{id}")]
[AllowAnonymous]
public sealed class ReadNote : IRequest<string>
{
    public int Id { get; set; }
}

public sealed class ReadNoteHandler(NoteStore store) : IRequestHandler<ReadNote, string>
{
    public Task<string> Handle(ReadNote request, CancellationToken cancellationToken) =>
        Task.FromResult(store.Notes.GetValueOrDefault(request.Id) ?? throw new NotFoundException("No such note."));
}

/// <summary>Its own declaration overrides the app-wide door schemes.</summary>
[Action]
[RestPut("notes/{id}")]
[Authorize]
[DoorAuthentication(Action = TestBearer.Name)]
public sealed class EditNote : IRequest
{
    public int Id { get; set; }

    public string Text { get; set; } = string.Empty;
}

public sealed class EditNoteHandler(NoteStore store) : IRequestHandler<EditNote>
{
    public Task Handle(EditNote request, CancellationToken cancellationToken)
    {
        store.Notes[request.Id] = request.Text;
        return Task.CompletedTask;
    }
}

/// <summary>A bearer scheme for tests: <c>Authorization: Bearer name:role</c>.</summary>
public sealed class TestBearer(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "TestBearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = header["Bearer ".Length..].Split(':');
        var claims = new List<Claim> { new(ClaimTypes.Name, parts[0]) };
        claims.AddRange(parts.Skip(1).Where(r => r.Length > 0).Select(r => new Claim(ClaimTypes.Role, r)));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, Name)), Name)));
    }
}
