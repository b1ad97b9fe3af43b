namespace Hybrid;

/// <summary>
/// The stable, machine-readable <c>code</c> members of Hybrid's problem details. Clients branch on
/// these, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ProblemCodes
{
    /// <summary>400: the request failed validation; <c>errors</c> lists the fields.</summary>
    public const string ValidationFailed = "validation_failed";

    /// <summary>400: the body is not well-formed JSON or does not fit the request type.</summary>
    public const string InvalidJson = "invalid_json";

    /// <summary>400: the server could not read the request (malformed framing or form).</summary>
    public const string BadRequest = "bad_request";

    /// <summary>400: the antiforgery token is missing or wrong.</summary>
    public const string AntiforgeryFailed = "antiforgery_failed";

    /// <summary>401: the endpoint needs a credential the request did not carry (or one it does not accept).</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>403: the request came from another site (Origin / Sec-Fetch-Site).</summary>
    public const string CrossSiteRequest = "cross_site_request";

    /// <summary>403: the caller may not do this (the handler or an authorization policy refused).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>404: the handler found nothing.</summary>
    public const string NotFound = "not_found";

    /// <summary>404: no action has the requested id.</summary>
    public const string UnknownAction = "unknown_action";

    /// <summary>405: the action door only answers POST.</summary>
    public const string MethodNotAllowed = "method_not_allowed";

    /// <summary>409: the operation conflicts with the current state.</summary>
    public const string Conflict = "conflict";

    /// <summary>413: the body is larger than the door accepts.</summary>
    public const string PayloadTooLarge = "payload_too_large";

    /// <summary>415: the body's media type is not one the door reads.</summary>
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>500: an unexpected error; only the trace id is told.</summary>
    public const string InternalError = "internal_error";
}
