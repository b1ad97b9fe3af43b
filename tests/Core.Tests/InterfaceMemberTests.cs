using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Serialization;
using Hybrid.Core.Tests.Support;
using Hybrid.Testing;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace Hybrid.Core.Tests.InterfaceMembers;

// Attribute-free on purpose: each test exposes these in code, so they never reach another catalog.
public sealed class UploadAvatar : IRequest
{
    public int UserId { get; set; }

    public IFormFile? File { get; set; }
}

public sealed class UploadAvatarHandler() : Completes<UploadAvatar>;

public interface IShape
{
    double Area { get; }
}

public sealed class DrawShape : IRequest
{
    public IShape? Shape { get; set; }
}

public sealed class DrawShapeHandler() : Completes<DrawShape>;

public abstract class Pet
{
    public string Name { get; set; } = string.Empty;
}

public sealed class AdoptPet : IRequest
{
    public Pet? Pet { get; set; }
}

public sealed class AdoptPetHandler() : Completes<AdoptPet>;

[JsonPolymorphic]
[JsonDerivedType(typeof(Circle), "circle")]
public abstract class KnownShape
{
}

public sealed class Circle : KnownShape
{
    public double Radius { get; set; }
}

/// <summary>What JSON can create: collection interfaces, a polymorphic base with its derived types, and a read-only interface member.</summary>
public sealed class DrawKnownShapes : IRequest
{
    public KnownShape? Main { get; set; }

    public IReadOnlyList<string> Labels { get; set; } = [];

    public IDictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();

    public IShape? Computed => null;
}

public sealed class DrawKnownShapesHandler() : Completes<DrawKnownShapes>;

public sealed class InterfaceMemberTests
{
    [Fact]
    public void A_form_file_member_stops_the_catalog_with_HYB021_naming_the_member()
    {
        var message = Catalogs.Fails(o => o.Expose<UploadAvatar>(b => b.AsAction()), typeof(UploadAvatar), typeof(UploadAvatarHandler))
            .SingleError(typeof(UploadAvatar), "HYB021");

        message.Should().Contain("UploadAvatar.File").And.Contain(nameof(IFormFile));
    }

    [Fact]
    public void A_form_file_member_of_a_rest_route_is_refused_too()
    {
        Catalogs.Fails(o => o.Expose<UploadAvatar>(b => b.Post("users/{userId}/avatar")), typeof(UploadAvatar), typeof(UploadAvatarHandler))
            .SingleError(typeof(UploadAvatar), "HYB021");
    }

    [Fact]
    public void An_interface_member_is_refused_with_HYB021()
    {
        var message = Catalogs.Fails(o => o.Expose<DrawShape>(b => b.AsAction().Post("shapes")), typeof(DrawShape), typeof(DrawShapeHandler))
            .SingleError(typeof(DrawShape), "HYB021");

        message.Should().Contain("DrawShape.Shape").And.Contain(nameof(IShape));
    }

    [Fact]
    public void An_abstract_class_member_is_refused_with_HYB021()
    {
        var message = Catalogs.Fails(o => o.Expose<AdoptPet>(b => b.AsAction()), typeof(AdoptPet), typeof(AdoptPetHandler))
            .SingleError(typeof(AdoptPet), "HYB021");

        message.Should().Contain("AdoptPet.Pet");
    }

    [Fact]
    public void Every_offending_request_is_named_at_once()
    {
        var exception = Catalogs.Fails(
            o => o.Expose<UploadAvatar>(b => b.AsAction()).Expose<DrawShape>(b => b.AsAction()),
            typeof(UploadAvatar), typeof(UploadAvatarHandler), typeof(DrawShape), typeof(DrawShapeHandler));

        exception.Errors.Select(e => e.Id).Should().Equal("HYB021", "HYB021");
        exception.Errors.Select(e => e.Message).Should().Contain(m => m.Contains("UploadAvatar.File")).And.Contain(m => m.Contains("DrawShape.Shape"));
    }

    [Fact]
    public void Collection_interfaces_polymorphic_bases_and_read_only_interface_members_are_accepted()
    {
        var catalog = Catalogs.Build(o => o.Expose<DrawKnownShapes>(b => b.AsAction().Post("known-shapes")), typeof(DrawKnownShapes), typeof(DrawKnownShapesHandler));

        catalog.FindAction(nameof(DrawKnownShapes)).Should().NotBeNull();
    }

    [Fact]
    public async Task An_interface_member_stops_the_app_at_start_up()
    {
        var start = () => TestHost.StartAsync([new ScannedTypes(typeof(UploadAvatar), typeof(UploadAvatarHandler))], o => o.Expose<UploadAvatar>(b => b.AsAction()));

        var exception = (await start.Should().ThrowAsync<HybridConfigurationException>()).Which;

        exception.Errors.Should().ContainSingle().Which.Id.Should().Be("HYB021");
    }
}
