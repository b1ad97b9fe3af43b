using System.Text.Json;
using System.Text.Json.Serialization;
using Hybrid.Core.Tests.Support;
using Hybrid.Testing;

namespace Hybrid.Core.Tests;

/// <summary>The options both doors read and write with: the app's, copied, with enums by name unless the app opts out.</summary>
public class WireJsonTests
{
    private enum Mood
    {
        Calm,
        Busy,
    }

    [Flags]
    private enum Marks
    {
        None = 0,
        Read = 1,
        Write = 2,
    }

    [JsonConverter(typeof(JsonNumberEnumConverter<Pinned>))]
    private enum Pinned
    {
        Zero,
        One,
    }

    [Fact]
    public void Enums_travel_by_name_from_a_copy_and_the_apps_own_options_are_untouched()
    {
        var app = Catalogs.WebJson();

        var wire = WireJson.For(app, new HybridOptions());

        wire.Should().NotBeSameAs(app);
        JsonSerializer.Serialize(Mood.Busy, wire).Should().Be("\"Busy\"");
        JsonSerializer.Deserialize<Mood>("1", wire).Should().Be(Mood.Busy, "numbers are still read");
        JsonSerializer.Serialize(Mood.Busy, app).Should().Be("1", "Hybrid changes no app-wide setting");
    }

    [Fact]
    public void Flags_and_an_enums_own_converter_are_passed_over()
    {
        var wire = WireJson.For(Catalogs.WebJson(), new HybridOptions());

        JsonSerializer.Serialize(Marks.Read | Marks.Write, wire).Should().Be("3");
        JsonSerializer.Serialize(Pinned.One, wire).Should().Be("1");
    }

    [Fact]
    public void EnumsAsNumbers_keeps_the_apps_options()
    {
        var app = Catalogs.WebJson();

        WireJson.For(app, new HybridOptions { EnumsAsNumbers = true }).Should().BeSameAs(app);
    }

    [Fact]
    public void EnumsAsNumbers_beside_a_JsonStringEnumConverter_is_HYB071()
    {
        var app = Catalogs.WebJson();
        app.Converters.Add(new JsonStringEnumConverter<Mood>());

        var error = CatalogBuilder.Collect([new ScannedTypes()], [], new HybridOptions { EnumsAsNumbers = true }, app).Errors.Should().ContainSingle().Subject;

        error.Id.Should().Be("HYB071");
        error.Message.Should().Contain("Fix:");
        CatalogBuilder.Collect([new ScannedTypes()], [], new HybridOptions(), app).Errors.Should().BeEmpty("without the opt-out the app's converter simply wins");
    }
}
