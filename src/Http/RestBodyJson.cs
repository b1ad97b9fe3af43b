using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Http;

/// <summary>
/// The JSON contract one REST route reads its body with: the doors' strict reading options, with
/// the route's URL- and header-bound members of the request type refused (<see cref="NotInBodyConverter{T}"/>)
/// and never required of the body.
/// A route that binds nothing outside the body shares the doors' contract.
/// </summary>
internal static class RestBodyJson
{
    public static JsonTypeInfo<TRequest> For<TRequest>(JsonSerializerOptions reading, RestBinding binding, JsonTypeInfo<TRequest> shared)
    {
        var refused = binding.Route.Select(r => (r.Member, Source: "URL"))
            .Concat(binding.Header.Select(h => (h.Member, Source: $"header '{h.HeaderName}'")))
            .ToList();
        if (refused.Count == 0)
        {
            return shared;
        }

        var options = new JsonSerializerOptions(reading)
        {
            TypeInfoResolver = (reading.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info =>
            {
                if (info.Type != typeof(TRequest) || info.Kind != JsonTypeInfoKind.Object)
                {
                    return;
                }

                foreach (var property in info.Properties)
                {
                    if (refused.FirstOrDefault(r => r.Member.JsonName == property.Name) is { Member: not null } match)
                    {
                        property.CustomConverter = (JsonConverter)Activator.CreateInstance(
                            typeof(NotInBodyConverter<>).MakeGenericType(property.PropertyType), match.Member, match.Source)!;

                        // The URL always carries its values, and the endpoint checks a required header itself.
                        property.IsRequired = false;
                    }
                }
            }),
        };
        return (JsonTypeInfo<TRequest>)options.GetTypeInfo(typeof(TRequest));
    }
}
