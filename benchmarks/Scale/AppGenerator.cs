using System.Globalization;
using System.Security;
using System.Text;

namespace Hybrid.Scale;

/// <summary>The two generated apps of one size: their folders and the assemblies a build leaves.</summary>
internal sealed record GeneratedApps(string Root, string HybridProject, string BaselineProject)
{
    public string HybridDll => Path.Combine(Path.GetDirectoryName(HybridProject)!, "bin", "Release", "net10.0", "ScaleHybrid.dll");

    public string BaselineDll => Path.Combine(Path.GetDirectoryName(BaselineProject)!, "bin", "Release", "net10.0", "ScaleBaseline.dll");

    /// <summary>Where a build with <c>-p:HybridGenerateClients=true</c> writes the documents and the TypeScript clients.</summary>
    public string ClientsFolder => Path.Combine(Path.GetDirectoryName(HybridProject)!, "clients");

    /// <summary>What the Hybrid.Clients target touches when it ran; its Inputs/Outputs compare against it.</summary>
    public string ClientsStamp => Path.Combine(Path.GetDirectoryName(HybridProject)!, "obj", "hybrid-clients", "Release", "stamp");
}

/// <summary>
/// Writes, as C# source, an app with <c>n</c> Hybrid operations and a baseline app with the same
/// request, handler and response types mapped by hand with precompiled <c>RequestDelegate</c>s.
/// Even indexes are GETs by id (<c>GetThing{i}</c>, <c>GET things{i}/{id}</c>), odd indexes are
/// validated POSTs (<c>CreateThing{i}</c>, <c>POST things{i}</c>); each has its own handler and DTO.
/// The baseline maps what Hybrid maps for an operation on both doors: its REST route and a JSON
/// POST of the whole request (<c>/baseline/actions/{Name}</c>), so both apps route 2N endpoints.
/// </summary>
internal static class AppGenerator
{
    /// <summary>Operations per generated mapping method of the baseline (one huge method would be a JIT benchmark of its own).</summary>
    private const int BaselineChunk = 50;

    /// <summary>
    /// The first line the generated apps print to stderr once Kestrel has started: for each start-up
    /// phase <c>name=ms:jitMs:methodsJitted:allocatedMB</c>, first the UTC ticks at which Main began
    /// with the runtime's counters at that moment.
    /// </summary>
    public const string PhasesMarker = "SCALE-PHASES";

    public static bool IsGet(int i) => i % 2 == 0;

    /// <summary>The request type of operation <paramref name="i"/>: <c>GetThing{i}</c> or <c>CreateThing{i}</c>.</summary>
    public static string Name(int i) => (IsGet(i) ? "GetThing" : "CreateThing") + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the isolation files at <paramref name="root"/> (once per run) so the repository's build rules do not apply to the generated apps.</summary>
    public static void WriteIsolation(string root)
    {
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), """
            <Project>
              <!-- Empty on purpose: the generated apps must not inherit any Directory.Build.props above this folder. -->
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <!-- The generated apps take no package of their own (MediatR comes through Hybrid.Core). -->
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), """
            <Project>
            </Project>

            """);

        // The same SDK choice as the repository makes.
        var globalJson = Path.Combine(Repository.Root, "global.json");
        if (File.Exists(globalJson))
        {
            File.Copy(globalJson, Path.Combine(root, "global.json"), overwrite: true);
        }
    }

    public static GeneratedApps Generate(string folder, int n)
    {
        var hybrid = Path.Combine(folder, "hybrid");
        var baseline = Path.Combine(folder, "baseline");
        Directory.CreateDirectory(hybrid);
        Directory.CreateDirectory(baseline);

        var operations = Operations(n);
        File.WriteAllText(Path.Combine(hybrid, "Operations.cs"), operations);
        File.WriteAllText(Path.Combine(baseline, "Operations.cs"), operations);

        var hybridProject = Path.Combine(hybrid, "ScaleHybrid.csproj");
        File.WriteAllText(hybridProject, Project("ScaleHybrid", ClientsBefore, ClientsAfter, Repository.ActionsProject, Repository.HttpProject));
        File.WriteAllText(Path.Combine(hybrid, "Program.cs"), HybridProgram);

        var baselineProject = Path.Combine(baseline, "ScaleBaseline.csproj");
        File.WriteAllText(baselineProject, Project("ScaleBaseline", "", "", Repository.CoreProject));
        File.WriteAllText(Path.Combine(baseline, "Program.cs"), BaselineProgram(n));
        File.WriteAllText(Path.Combine(baseline, "BaselineRoutes.cs"), BaselineRoutes(n));
        return new GeneratedApps(folder, hybridProject, baselineProject);
    }

    private static string Project(string name, string before, string after, params string[] references)
    {
        var items = string.Concat(references.Select(r => $"    <ProjectReference Include=\"{SecurityElement.Escape(r)}\" />\n"));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
            {before}  <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AssemblyName>{name}</AssemblyName>
                <RootNamespace>ScaleApp</RootNamespace>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            {after}</Project>

            """;
    }

    /// <summary>
    /// Hybrid.Clients from the repository's source, set up as samples/Blog sets it up (the props and
    /// targets the package carries), but off unless the build asks for it with
    /// <c>-p:HybridGenerateClients=true</c>, so the plain build and the starts measure the app alone.
    /// Like a package user, and unlike the Blog, it does not keep clients/ and contract/ out of the
    /// build output.
    /// </summary>
    private static string ClientsBefore => $"""
          <PropertyGroup>
            <HybridGenerateClients Condition="'$(HybridGenerateClients)' == ''">false</HybridGenerateClients>
            <HybridClientsToolPath>{Escape(Path.Combine(Path.GetDirectoryName(Repository.ClientsProject)!, "bin"))}/$(Configuration)/net10.0/Hybrid.Clients.dll</HybridClientsToolPath>
            <HybridClientsTemplates>{Escape(Repository.ClientsTemplates)}/</HybridClientsTemplates>
          </PropertyGroup>
          <Import Project="{Escape(Path.Combine(Repository.ClientsBuild, "Hybrid.Clients.props"))}" />

        """;

    private static string ClientsAfter => $"""
          <ItemGroup>
            <!-- Built first for its tool; the package would bring NSwag.MSBuild (the generator) as a dependency. -->
            <ProjectReference Include="{Escape(Repository.ClientsProject)}" ReferenceOutputAssembly="false" />
            <PackageReference Include="NSwag.MSBuild" Version="{Escape(Repository.PinnedNSwagVersion())}" PrivateAssets="all" />
          </ItemGroup>
          <Import Project="{Escape(Path.Combine(Repository.ClientsBuild, "Hybrid.Clients.targets"))}" />

        """;

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Operations(int n)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"// Generated by benchmarks/Scale: {n} operations, the same source in the Hybrid app and the baseline.\n");
        s.Append("""
            using System.ComponentModel.DataAnnotations;
            using Hybrid;
            using MediatR;

            namespace ScaleApp;

            """);
        for (var i = 0; i < n; i++)
        {
            s.Append('\n');
            s.Append(IsGet(i)
                ? $$"""
                    [Action]
                    [RestGet("things{{i}}/{id}")]
                    public sealed class GetThing{{i}} : IRequest<Thing{{i}}Dto>
                    {
                        public int Id { get; set; }
                    }

                    public sealed record Thing{{i}}Dto(int Id, string Name);

                    public sealed class GetThing{{i}}Handler : IRequestHandler<GetThing{{i}}, Thing{{i}}Dto>
                    {
                        public Task<Thing{{i}}Dto> Handle(GetThing{{i}} request, CancellationToken cancellationToken) =>
                            Task.FromResult(new Thing{{i}}Dto(request.Id, "thing{{i}}"));
                    }

                    """
                : $$"""
                    [Action]
                    [RestPost("things{{i}}")]
                    public sealed class CreateThing{{i}} : IRequest<Thing{{i}}Dto>
                    {
                        [Required, StringLength(100)] public string Name { get; set; } = "";

                        [Range(0, 1000)] public int Count { get; set; }
                    }

                    public sealed record Thing{{i}}Dto(int Id, string Name, int Count);

                    public sealed class CreateThing{{i}}Handler : IRequestHandler<CreateThing{{i}}, Thing{{i}}Dto>
                    {
                        public Task<Thing{{i}}Dto> Handle(CreateThing{{i}} request, CancellationToken cancellationToken) =>
                            Task.FromResult(new Thing{{i}}Dto({{i}}, request.Name, request.Count));
                    }

                    """);
        }

        return s.ToString();
    }

    private const string PhaseHelpers = """
        /// <summary>
        /// Start-up phases: wall time of each, and what the runtime's own counters say happened in it:
        /// JIT time and methods compiled (all threads, so background tier-up counts too) and bytes allocated.
        /// </summary>
        internal static class Phases
        {
            private static readonly long MainTicks = DateTime.UtcNow.Ticks;
            private static long last = System.Diagnostics.Stopwatch.GetTimestamp();
            private static TimeSpan lastJit = System.Runtime.JitInfo.GetCompilationTime();
            private static long lastMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
            private static long lastAllocated = GC.GetTotalAllocatedBytes();
            private static readonly System.Text.StringBuilder Line = new(FormattableString.Invariant(
                $"SCALE-PHASES mainUtcTicks={MainTicks}:{lastJit.TotalMilliseconds:0.0}:{lastMethods}:{lastAllocated / 1048576.0:0.00}"));

            // An explicit static constructor: the fields above are set at the first call (Main's first line), not earlier.
            static Phases() { }

            public static void Touch() { }

            public static void Lap(string name)
            {
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                var jit = System.Runtime.JitInfo.GetCompilationTime();
                var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
                var allocated = GC.GetTotalAllocatedBytes();
                var ms = System.Diagnostics.Stopwatch.GetElapsedTime(last, now).TotalMilliseconds;
                Line.Append(FormattableString.Invariant(
                    $" {name}={ms:0.0}:{(jit - lastJit).TotalMilliseconds:0.0}:{methods - lastMethods}:{(allocated - lastAllocated) / 1048576.0:0.00}"));
                last = System.Diagnostics.Stopwatch.GetTimestamp();
                lastJit = jit;
                lastMethods = methods;
                lastAllocated = allocated;
            }

            public static void Print() => Console.Error.WriteLine(Line.ToString());
        }

        """;

    private const string HybridProgram = """
        // Generated by benchmarks/Scale: the Hybrid app. Phase times go to stderr once Kestrel has started.
        using Hybrid;
        using Hybrid.Actions;
        using Hybrid.Http;

        Phases.Touch();
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        Phases.Lap("createBuilder");
        builder.Services.AddHybrid(typeof(Program).Assembly);
        Phases.Lap("addHybrid");
        var app = builder.Build();
        Phases.Lap("build");

        // The operation catalog is built on its first resolution, which MapHybridActions would do: resolving
        // it here first splits that time out. Found by name, so a refactor of Hybrid cannot break this app.
        if (Type.GetType("Hybrid.OperationCatalog, Hybrid.Core", throwOnError: false) is { } catalog)
        {
            app.Services.GetService(catalog);
            Phases.Lap("catalog");
        }

        app.MapHybridActions();
        Phases.Lap("mapHybridActions");
        app.MapHybridRest();
        Phases.Lap("mapHybridRest");
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            Phases.Lap("runToStarted");
            Phases.Print();
        });
        app.Run();

        """ + PhaseHelpers;

    private static string BaselineProgram(int n)
    {
        var maps = new StringBuilder();
        for (var chunk = 0; chunk * BaselineChunk < n; chunk++)
        {
            maps.Append(CultureInfo.InvariantCulture, $"BaselineRoutes.Map{chunk}(app);\n");
        }

        return $$"""
            // Generated by benchmarks/Scale: the baseline, the same handlers mapped by hand with precompiled RequestDelegates.
            using ScaleApp;

            Phases.Touch();
            var builder = WebApplication.CreateBuilder(args);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            Phases.Lap("createBuilder");
            var app = builder.Build();
            Phases.Lap("build");
            {{maps}}Phases.Lap("mapBaseline");
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                Phases.Lap("runToStarted");
                Phases.Print();
            });
            app.Run();

            """ + PhaseHelpers;
    }

    private static string BaselineRoutes(int n)
    {
        var s = new StringBuilder();
        s.Append("""
            // Generated by benchmarks/Scale: two hand-written endpoints per operation, as Hybrid maps on its two doors: the REST route and a JSON POST under /baseline/actions.
            using System.ComponentModel.DataAnnotations;
            using System.Globalization;
            using System.Text.Json;
            using System.Text.Json.Serialization;

            namespace ScaleApp;

            internal static class BaselineRoutes
            {
                private static Dictionary<string, string[]>? Validate(object body)
                {
                    var results = new List<ValidationResult>();
                    if (Validator.TryValidateObject(body, new ValidationContext(body), results, validateAllProperties: true))
                    {
                        return null;
                    }

                    return results
                        .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Member: m, Message: r.ErrorMessage ?? "invalid")))
                        .GroupBy(e => e.Member, e => e.Message)
                        .ToDictionary(g => g.Key, g => g.ToArray());
                }

                // The action-door counterpart: the whole request as a JSON body, validated, 200 with the result.
                // The JSON metadata is asked for on the first request, as the REST endpoints above do:
                // reading BaselineJson.Default.X while mapping would build 2N type infos at start-up.
                private static RequestDelegate Action<TRequest, TResponse>(
                    Func<System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest>> request,
                    Func<System.Text.Json.Serialization.Metadata.JsonTypeInfo<TResponse>> response,
                    Func<TRequest, CancellationToken, Task<TResponse>> handle)
                    where TRequest : class => async context =>
                {
                    if (!context.Request.HasJsonContentType())
                    {
                        context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                        return;
                    }

                    TRequest? body;
                    try
                    {
                        body = await context.Request.ReadFromJsonAsync(request(), context.RequestAborted);
                    }
                    catch (JsonException)
                    {
                        body = null;
                    }

                    if (body is null)
                    {
                        context.Response.StatusCode = StatusCodes.Status400BadRequest;
                        return;
                    }

                    if (Validate(body) is { } errors)
                    {
                        await Results.ValidationProblem(errors).ExecuteAsync(context);
                        return;
                    }

                    await context.Response.WriteAsJsonAsync(await handle(body, context.RequestAborted), response(), contentType: null, context.RequestAborted);
                };

            """);
        for (var chunk = 0; chunk * BaselineChunk < n; chunk++)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n    public static void Map{chunk}(IEndpointRouteBuilder app)\n    {{\n");
            for (var i = chunk * BaselineChunk; i < Math.Min(n, (chunk + 1) * BaselineChunk); i++)
            {
                s.Append(IsGet(i)
                    ? $$"""
                            app.MapGet("/baseline/things{{i}}/{id:int}", (RequestDelegate)(async context =>
                            {
                                if (!int.TryParse(context.Request.RouteValues["id"] as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                                {
                                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                                    return;
                                }

                                var result = await new GetThing{{i}}Handler().Handle(new GetThing{{i}} { Id = id }, context.RequestAborted);
                                await context.Response.WriteAsJsonAsync(result, BaselineJson.Default.Thing{{i}}Dto, contentType: null, context.RequestAborted);
                            }));

                    """
                    : $$"""
                            app.MapPost("/baseline/things{{i}}", (RequestDelegate)(async context =>
                            {
                                if (!context.Request.HasJsonContentType())
                                {
                                    context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                                    return;
                                }

                                CreateThing{{i}}? body;
                                try
                                {
                                    body = await context.Request.ReadFromJsonAsync(BaselineJson.Default.CreateThing{{i}}, context.RequestAborted);
                                }
                                catch (JsonException)
                                {
                                    body = null;
                                }

                                if (body is null)
                                {
                                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                                    return;
                                }

                                if (Validate(body) is { } errors)
                                {
                                    await Results.ValidationProblem(errors).ExecuteAsync(context);
                                    return;
                                }

                                var result = await new CreateThing{{i}}Handler().Handle(body, context.RequestAborted);
                                context.Response.StatusCode = StatusCodes.Status201Created;
                                await context.Response.WriteAsJsonAsync(result, BaselineJson.Default.Thing{{i}}Dto, contentType: null, context.RequestAborted);
                            }));

                    """);
                s.Append(CultureInfo.InvariantCulture, $"        app.MapPost(\"/baseline/actions/{Name(i)}\", Action(() => BaselineJson.Default.{Name(i)}, () => BaselineJson.Default.Thing{i}Dto, (r, ct) => new {Name(i)}Handler().Handle(r, ct)));\n\n");
            }

            s.Append("    }\n");
        }

        s.Append("}\n\n[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]\n");
        for (var i = 0; i < n; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Thing{i}Dto))]\n");
            s.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof({Name(i)}))]\n");
        }

        s.Append("internal sealed partial class BaselineJson : JsonSerializerContext;\n");
        return s.ToString();
    }
}
