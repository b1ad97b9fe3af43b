namespace Hybrid;

/// <summary>
/// A door's own options, kept in <see cref="HybridOptions"/> by type (each door adds an extension,
/// <c>options.Actions()</c>, <c>options.Rest()</c>), so Core holds none of a door's settings and a
/// new door brings its options without editing Core. Checked at start-up with the shared options.
/// </summary>
internal interface IDoorOptions
{
    /// <summary>The problems of these options, each with its id and a fix; none when they are valid.</summary>
    IEnumerable<HybridConfigurationError> Validate();
}
