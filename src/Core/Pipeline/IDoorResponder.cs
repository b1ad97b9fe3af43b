namespace Hybrid;

/// <summary>
/// A door's responder: the one place an endpoint's answer is written, whatever ended the request
/// (a refusal, the handler's problem, or its value).
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
/// <typeparam name="TResponse">The handler's response type.</typeparam>
internal interface IDoorResponder<TRequest, TResponse>
    where TRequest : class
{
    Task RespondAsync(in DoorRequest<TRequest, TResponse> request);
}
