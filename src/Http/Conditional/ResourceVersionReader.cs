using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Http;

/// <summary>
/// Sends the GET operation on a write route's own path (its request made from the write's route
/// values, matched by position since the two templates may name them differently) and reads the
/// <see cref="ResourceVersionAttribute"/> member of its answer: the version <c>If-Match</c> is judged against.
/// </summary>
/// <typeparam name="TRequest">The GET operation's request type.</typeparam>
/// <typeparam name="TResponse">The GET operation's response type.</typeparam>
internal sealed class ResourceVersionReader<TRequest, TResponse> : IResourceVersionReader
    where TRequest : class
{
    private readonly (string WriteName, MemberBinder<TRequest> Binder)[] _binders;
    private readonly JsonTypeInfo<TRequest> _requestInfo;
    private readonly PropertyInfo _version;
    private readonly IRequestDispatcher _dispatcher;

    public ResourceVersionReader(HybridOperation operation, RestRoute readRoute, RestRoute writeRoute, OperationCatalog catalog, IServiceProvider services)
    {
        var shape = catalog.ShapeOf(operation);
        var readNames = RouteTemplates.Parse(readRoute.Template).Parameters;
        var writeNames = RouteTemplates.Parse(writeRoute.Template).Parameters;
        _binders = [.. readNames.Select((p, i) => (writeNames[i].Name, MemberBinder<TRequest>.Create(shape.Find(p.Name)!, catalog.Json)))];
        _requestInfo = (JsonTypeInfo<TRequest>)catalog.ReadingJson.GetTypeInfo(typeof(TRequest));
        _version = ResourceVersions.MemberOf(typeof(TResponse))!;
        _dispatcher = services.GetRequiredService<IRequestDispatcher>();
    }

    public async Task<(string? Tag, OperationProblem? Problem)> ReadAsync(HttpContext context, CancellationToken cancellationToken)
    {
        // Made as from {} (a positional record gets its defaults), then given the route's values.
        var request = JsonSerializer.Deserialize("{}"u8, _requestInfo)!;
        foreach (var (name, binder) in _binders)
        {
            var text = Convert.ToString(context.Request.RouteValues[name], CultureInfo.InvariantCulture) ?? string.Empty;
            if (!binder.TryBind(request, text))
            {
                return (null, OperationProblem.Validation(new Dictionary<string, string[]> { [binder.Name] = [binder.InvalidMessage(text)] }));
            }
        }

        try
        {
            var current = await _dispatcher.SendAsync<TRequest, TResponse>(request, context.RequestServices, cancellationToken).ConfigureAwait(false);
            return (current is null ? null : EntityTags.FromVersion(_version.GetValue(current)), null);
        }
        catch (HybridProblemException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return (null, null);
        }
        catch (HybridProblemException e)
        {
            return (null, OperationProblem.From(e));
        }
    }
}
