namespace Hybrid.Clients;

/// <summary>Where the generation writes and what it runs, from the MSBuild properties.</summary>
/// <param name="Output">The clients folder (<c>HybridClientsOutput</c>).</param>
/// <param name="Work">A folder under obj/ for the NSwag configurations and the fingerprint.</param>
/// <param name="NSwag">The path of NSwag's <c>dotnet-nswag.dll</c> (from the NSwag.MSBuild dependency).</param>
/// <param name="Templates">The folder of Hybrid's templates and the clients' runtime.</param>
/// <param name="CSharp">Also generate C# clients from the public documents (<c>HybridClientsCSharp</c>).</param>
/// <param name="CSharpNamespace">The C# clients' namespace.</param>
internal sealed record GenerationOptions(string Output, string Work, string NSwag, string Templates, bool CSharp, string CSharpNamespace);
