namespace Hybrid;

/// <summary>How a request's arguments arrived: the door's responder answers a plain HTML form differently.</summary>
internal enum InputKind
{
    /// <summary>No body: route and query values only.</summary>
    None,

    /// <summary>A JSON body.</summary>
    Json,

    /// <summary>An HTML form (urlencoded or multipart).</summary>
    Form,
}
