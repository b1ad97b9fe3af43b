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

/// <summary>What a door's binding produced: the request object, or the problem that refused it.</summary>
/// <typeparam name="TRequest">The request type.</typeparam>
internal readonly record struct Bound<TRequest>(TRequest? Request, OperationProblem? Problem, InputKind Input)
    where TRequest : class
{
    public static Bound<TRequest> Refused(OperationProblem problem, InputKind input = InputKind.None) => new(null, problem, input);
}
