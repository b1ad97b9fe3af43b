namespace Hybrid;

/// <summary>Who answers for the API: written as the documents' <c>info.contact</c>.</summary>
public sealed class DocumentContact
{
    /// <summary>The person or team, e.g. "Blog team".</summary>
    public string? Name { get; set; }

    /// <summary>An absolute http or https URL where the API's users find help; checked at start-up.</summary>
    public string? Url { get; set; }

    /// <summary>An email address (it must contain '@'); checked at start-up.</summary>
    public string? Email { get; set; }

    internal bool IsValid =>
        (Name is not null || Url is not null || Email is not null) &&
        (Name is null || !string.IsNullOrWhiteSpace(Name)) &&
        (Url is null || DocumentServer.IsAbsoluteHttp(Url)) &&
        (Email is null || (Email.IndexOf('@', StringComparison.Ordinal) > 0 && !Email.Any(char.IsWhiteSpace)));
}
