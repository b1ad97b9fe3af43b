using System.ComponentModel.DataAnnotations;
using MediatR;

namespace Hybrid.Actions.Tests;

/// <summary>A sign-up form: a password that must never come back, and a handler that refuses taken names.</summary>
public sealed class SignUp : IRequest<string>
{
    [Required]
    [StringLength(12)]
    public string UserName { get; set; } = "";

    [DataType(DataType.Password)]
    [MinLength(8)]
    public string Secret1 { get; set; } = "";

    public string? Bio { get; set; }

    /// <summary>Named like a password: never echoed back, whatever its attributes.</summary>
    public string? ConfirmPassword { get; set; }
}

public sealed class SignUpHandler(NoteStore store) : IRequestHandler<SignUp, string>
{
    public Task<string> Handle(SignUp request, CancellationToken cancellationToken)
    {
        store.Called();
        if (request.UserName == "taken")
        {
            throw new ConflictException("That user name is taken.");
        }

        return Task.FromResult("welcome " + request.UserName);
    }
}
