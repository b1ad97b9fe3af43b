using Microsoft.Extensions.Options;

namespace Hybrid;

/// <summary>
/// Checks <see cref="HybridOptions"/>: each failure is <c>HYBnnn: what is wrong. Fix: ...</c>, so the
/// start-up report lists options problems beside the catalog's and the endpoints', with ids tests
/// and tools can match (docs/errors.md).
/// </summary>
internal sealed class HybridOptionsValidator : IValidateOptions<HybridOptions>
{
    public ValidateOptionsResult Validate(string? name, HybridOptions options)
    {
        var errors = Errors(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    public static IEnumerable<HybridConfigurationError> Errors(HybridOptions o)
    {
        if (!IsPath(o.DocumentsPath))
        {
            yield return Path("HybridOptions.DocumentsPath", o.DocumentsPath, "/openapi");
        }

        if (string.IsNullOrWhiteSpace(o.Title))
        {
            yield return new("HYB061", "HybridOptions: Title must not be empty. Fix: name the API, e.g. options.Title = \"Blog API\".");
        }

        if (o.MaxFiles < 0)
        {
            yield return new("HYB063", "HybridOptions: MaxFiles must be zero or more. Fix: give the most file parts one request may upload (the default is 10).");
        }

        if (o.MaxJsonDepth is < 1 or > 256)
        {
            yield return new("HYB064", "HybridOptions: MaxJsonDepth must be between 1 and 256. Fix: keep the default (32) unless a request type nests deeper.");
        }

        if (!o.TrustedOrigins.All(TrustedOrigin.IsValid))
        {
            yield return new("HYB065", "HybridOptions: each TrustedOrigins entry must be exactly scheme://host[:port] with http or https, no path, query or trailing slash. Fix: e.g. https://admin.example.com.");
        }

        if (o.Description is not null && string.IsNullOrWhiteSpace(o.Description))
        {
            yield return new("HYB066", "HybridOptions: Description must not be empty. Fix: describe the API, or leave it null for none.");
        }

        if (o.Contact is not null && !o.Contact.IsValid)
        {
            yield return new("HYB067", "HybridOptions: Contact needs a Name, Url or Email; Url must be an absolute http or https URL and Email an address with '@'. Fix: correct the contact, or leave it null.");
        }

        if (!o.Servers.All(s => s is not null && s.IsValid))
        {
            yield return new("HYB068", "HybridOptions: each Servers entry's Url must be an absolute http or https URL or a path starting with '/', without a trailing slash. Fix: e.g. https://api.example.org or /.");
        }

        if (o.TransientRetryAfter < TimeSpan.FromSeconds(1) || o.TransientRetryAfter > TimeSpan.FromHours(1))
        {
            yield return new("HYB072", "HybridOptions: TransientRetryAfter must be between 1 second and 1 hour. Fix: keep the default (1 s), or give how long a busy dependency usually takes to recover.");
        }

        if (o.TransientFailures.Any(f => f is null))
        {
            yield return new("HYB072", "HybridOptions: TransientFailures must not hold null. Fix: add a test such as e => e is SqliteException { SqliteErrorCode: 5 }.");
        }

        foreach (var error in StreamChecks.Options(o.Streams))
        {
            yield return error;
        }

        foreach (var door in o.Doors)
        {
            foreach (var error in door.Validate())
            {
                yield return error;
            }
        }
    }

    /// <summary>HYB060: a path option that does not start with '/' or ends with '/'.</summary>
    public static HybridConfigurationError Path(string option, string? value, string example) =>
        new("HYB060", $"{option} ('{value}') must start with '/' and must not end with '/'. Fix: e.g. \"{example}\".");

    /// <summary>HYB062: a body limit that is not positive.</summary>
    public static HybridConfigurationError BodySize(string option) =>
        new("HYB062", $"{option} must be positive. Fix: give a size in bytes (the default is 1 MiB); an operation that takes any size says so with [DisableRequestSizeLimit].");

    public static bool IsPath(string? path) => path is { Length: > 1 } && path[0] == '/' && path[^1] != '/';
}
