using System.Reflection;
using System.Runtime.Loader;

namespace Hybrid.Clients;

/// <summary>
/// NSwag's own assemblies, loaded from the NSwag.MSBuild package's tools folder beside the app's:
/// NSwag, NJsonSchema, Newtonsoft.Json and Fluid come from that folder whatever versions the app
/// references, and everything else (the framework, ASP.NET Core's extensions) from the app's
/// context, as the NSwag console would find them.
/// </summary>
internal sealed class NSwagLoadContext(string tools) : AssemblyLoadContext("Hybrid.Clients.NSwag", isCollectible: false)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(tools, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
