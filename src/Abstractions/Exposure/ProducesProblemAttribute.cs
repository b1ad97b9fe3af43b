namespace Hybrid;

/// <summary>
/// Declares a problem the operation can answer: its status and stable <c>code</c>, e.g.
/// <c>[ProducesProblem(404, "post_not_found")]</c>. The operation's documents list exactly its declared
/// problems plus those its doors and policies can produce, each status with its codes as an enum, so
/// a generated client can branch on them. In Development, a handler that throws a code its operation
/// did not declare is logged as a warning. Declare in code with
/// <c>op.Problem(statusCode, code)</c> on the operation builder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ProducesProblemAttribute : Attribute
{
    /// <summary>Declares a problem.</summary>
    /// <param name="statusCode">The HTTP status, 400 to 599.</param>
    /// <param name="code">The stable machine-readable code (lower case, digits and <c>_</c>).</param>
    public ProducesProblemAttribute(int statusCode, string code)
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The stable machine-readable code.</summary>
    public string Code { get; }

    /// <summary>When the operation answers it, for the document (e.g. "The post does not exist.").</summary>
    public string? Description { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{StatusCode} {Code}";
}
