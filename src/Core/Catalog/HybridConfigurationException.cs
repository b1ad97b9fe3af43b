namespace Hybrid;

/// <summary>
/// Thrown at start-up, before the server accepts a request, when Hybrid's configuration is wrong:
/// the options, the operation catalog or the final endpoints' settings. The message lists every
/// problem found, each with its stable id, naming the type or option and the fix.
/// </summary>
public sealed class HybridConfigurationException : InvalidOperationException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">The problems, one each.</param>
    public HybridConfigurationException(IReadOnlyList<HybridConfigurationError> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>Creates the exception with a single problem.</summary>
    /// <param name="message">The problem.</param>
    public HybridConfigurationException(string message)
        : base(message) => Errors = [new HybridConfigurationError("HYB000", message)];

    /// <summary>Creates the exception with a single problem and its cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public HybridConfigurationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [new HybridConfigurationError("HYB000", message)];

    /// <summary>Creates the exception with no detail.</summary>
    public HybridConfigurationException()
        : this("Hybrid's configuration is invalid.")
    {
    }

    /// <summary>Every problem found, each with its id.</summary>
    public IReadOnlyList<HybridConfigurationError> Errors { get; }

    private static string Format(IReadOnlyList<HybridConfigurationError> errors) =>
        $"Hybrid found {errors.Count} configuration problem(s); the app does not start until each is fixed:" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
