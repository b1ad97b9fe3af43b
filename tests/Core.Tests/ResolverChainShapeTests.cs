using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Hybrid.Core.Tests.Shapes;

public sealed class KnownToContext
{
    public int OrderNumber { get; set; }
}

public sealed class UnknownToContext
{
    public int OrderNumber { get; set; }
}

/// <summary>A source-generated context with its own naming, placed in front of the reflection resolver as ASP.NET Core places its ProblemDetails context.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(KnownToContext))]
public sealed partial class SnakeContext : JsonSerializerContext;

public class ResolverChainShapeTests
{
    private static JsonSerializerOptions Chain()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Add(SnakeContext.Default);
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        return options;
    }

    [Fact]
    public void A_custom_resolver_in_front_of_the_reflection_resolver_names_the_types_it_knows()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.TypeInfoResolverChain.Add(new Renaming());
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());

        RequestShape.For(typeof(KnownToContext), options).Members.Select(m => m.JsonName).Should().Equal("renamed_orderNumber");
        RequestShape.For(typeof(UnknownToContext), options).Members.Select(m => m.JsonName).Should().Equal("orderNumber");
    }

    [Fact]
    public void A_context_in_front_that_knows_the_type_describes_it()
    {
        RequestShape.For(typeof(KnownToContext), Chain()).Members.Select(m => (m.Property.Name, m.JsonName)).Should().Equal([("OrderNumber", "orderNumber")]);
    }

    /// <summary>Renames the properties of <see cref="KnownToContext"/> only, as a hand-written resolver might.</summary>
    private sealed class Renaming : IJsonTypeInfoResolver
    {
        private readonly DefaultJsonTypeInfoResolver _inner = new();

        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            if (type != typeof(KnownToContext))
            {
                return null;
            }

            var info = _inner.GetTypeInfo(type, options);
            foreach (var property in info.Properties)
            {
                property.Name = "renamed_" + property.Name;
            }

            return info;
        }
    }

    [Fact]
    public void Types_the_context_does_not_know_are_named_by_the_reflection_resolver_behind_it()
    {
        RequestShape.For(typeof(UnknownToContext), Chain()).Members.Select(m => m.JsonName).Should().Equal("orderNumber");
    }

    [Fact]
    public void A_modified_reflection_resolver_is_asked_rather_than_read_off_the_type()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers = { info => { foreach (var property in info.Properties) { property.Name = "x_" + property.Name; } } },
            },
        };

        RequestShape.For(typeof(UnknownToContext), options).Members.Select(m => m.JsonName).Should().Equal("x_orderNumber");
    }
}
