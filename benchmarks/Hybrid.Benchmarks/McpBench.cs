using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Reflection.Emit;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;

namespace Hybrid.Benchmarks;

/// <summary>
/// The MCP door's measurements (mcp.sh, docs/performance.md): <c>mcp-serve URL</c> serves one app
/// with Hybrid's tool <c>GetThing</c> and the same handler registered straight with the SDK
/// (<c>direct_GetThing</c>, <see cref="McpServerTool.Create(Delegate, McpServerToolCreateOptions?)"/>)
/// for wrk; <c>mcp-list N</c> times <c>tools/list</c> over N emitted tools shaped like the Blog's
/// CreateComment and reports the bytes per tool.
/// </summary>
public static class McpBench
{
    public static WebApplication Serve(string url, Assembly? tools = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Services.AddHybrid([tools ?? typeof(McpBench).Assembly], options => options.RequireExplicitPolicy = false);
        var handler = new GetThingHandler();
        builder.Services.AddHybridMcp().WithTools([McpServerTool.Create(
            (int id, CancellationToken cancellationToken) => handler.Handle(new GetThing { Id = id }, cancellationToken),
            new McpServerToolCreateOptions { Name = "direct_GetThing", UseStructuredContent = true })]);
        var app = builder.Build();
        app.MapHybridMcp();
        return app;
    }

    public static async Task ListAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        await using var app = Serve("http://127.0.0.1:0", Emit(count));
        await app.StartAsync();
        var started = watch.Elapsed;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var (first, bytes) = await ListOnceAsync(client);
        var warm = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            warm.Add((await ListOnceAsync(client)).Milliseconds);
        }

        warm.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} tools: start {started.TotalMilliseconds:0} ms; first tools/list {first:0.0} ms (schemas written); then median {warm[warm.Count / 2]:0.0} ms; {bytes} bytes, {bytes / (double)count:0} bytes per tool"));
        await app.StopAsync();
    }

    private static async Task<(double Milliseconds, int Bytes)> ListOnceAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        response.EnsureSuccessStatusCode();

        // The event's data line is the JSON-RPC result: what the tools cost on the wire.
        var data = body.Split('\n').First(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        return (elapsed, Encoding.UTF8.GetByteCount(data));
    }

    /// <summary>
    /// <paramref name="count"/> tools shaped like the Blog's CreateComment (a post id, an author and a
    /// body with length rules, a one-line description) returning <see cref="Thing"/>, with their handlers.
    /// </summary>
    private static AssemblyBuilder Emit(int count)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Hybrid.Benchmarks.Tools" + count), AssemblyBuilderAccess.Run);
        var module = assembly.DefineDynamicModule("Tools");
        for (var i = 0; i < count; i++)
        {
            var request = module.DefineType($"Tools.Comment{i}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(object), [typeof(MediatR.IRequest<Thing>)]);
            request.DefineDefaultConstructor(MethodAttributes.Public);
            request.SetCustomAttribute(new CustomAttributeBuilder(typeof(McpToolAttribute).GetConstructor(Type.EmptyTypes)!, []));
            request.SetCustomAttribute(new CustomAttributeBuilder(typeof(Microsoft.AspNetCore.Http.EndpointDescriptionAttribute).GetConstructor([typeof(string)])!, ["Adds a comment to a post."]));
            Property(request, "PostId", typeof(int), []);
            var required = new CustomAttributeBuilder(typeof(System.ComponentModel.DataAnnotations.RequiredAttribute).GetConstructor(Type.EmptyTypes)!, []);
            Property(request, "Author", typeof(string), [required, Length(100)]);
            Property(request, "Body", typeof(string), [required, Length(2000)]);
            var requestType = request.CreateType();
            var handler = module.DefineType($"Tools.Comment{i}Handler", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(FixedHandler<>).MakeGenericType(requestType));
            handler.DefineDefaultConstructor(MethodAttributes.Public);
            handler.CreateType();
        }

        return assembly;
    }

    private static CustomAttributeBuilder Length(int most) =>
        new(typeof(System.ComponentModel.DataAnnotations.StringLengthAttribute).GetConstructor([typeof(int)])!, [most]);

    private static void Property(TypeBuilder type, string name, Type propertyType, CustomAttributeBuilder[] attributes)
    {
        var field = type.DefineField("_" + name, propertyType, FieldAttributes.Private);
        var property = type.DefineProperty(name, PropertyAttributes.None, propertyType, null);
        foreach (var attribute in attributes)
        {
            property.SetCustomAttribute(attribute);
        }

        const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.HideBySig;
        var get = type.DefineMethod("get_" + name, accessor, propertyType, Type.EmptyTypes);
        var il = get.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, field);
        il.Emit(OpCodes.Ret);
        var set = type.DefineMethod("set_" + name, accessor, null, [propertyType]);
        il = set.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        property.SetGetMethod(get);
        property.SetSetMethod(set);
    }
}
