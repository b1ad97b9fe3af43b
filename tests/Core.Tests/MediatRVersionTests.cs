using System.Reflection;
using System.Reflection.Emit;
using MediatR;

namespace Hybrid.Core.Tests.Registration;

public class MediatRVersionTests
{
    [Fact]
    public void The_MediatR_Hybrid_is_built_with_passes_the_check() =>
        MediatRVersion.Check(typeof(IMediator).Assembly).Should().BeNull();

    [Theory]
    [InlineData(13)]
    [InlineData(5)]
    public void Another_major_line_is_HYB095_naming_both_versions_and_the_fix(int major)
    {
        var other = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("MediatR") { Version = new Version(major, 0, 0, 0) }, AssemblyBuilderAccess.Run);

        var error = MediatRVersion.Check(other);

        error.Should().NotBeNull();
        error!.Id.Should().Be("HYB095");
        error.Message.Should().Contain($"MediatR {major}.0.0.0").And.Contain("12.4.1").And.Contain("Fix:");
    }

    [Fact]
    public void A_missing_MediatR_is_HYB095() =>
        MediatRVersion.Check(null)!.Id.Should().Be("HYB095");
}
