using System.Text.Json.Nodes;

namespace Hybrid.Clients;

/// <summary>
/// The NSwag configurations (<c>.nswag</c>) the generation runs: one for the shared types module and
/// one per client. Written by the tool, never by hand: the settings are Hybrid's choices (interfaces,
/// string enums, <c>null</c> for nullable members, one request object per form operation) and the
/// templates come with the package.
/// </summary>
internal static class NSwagConfig
{
    /// <summary>The module of types both clients import, without extension.</summary>
    public const string TypesModule = "types";

    /// <summary>The shared types module: every DTO and problem type, and the clients' runtime.</summary>
    public static JsonObject Types(string input, string output, string runtime) =>
        TypeScript(input, output, generator =>
        {
            generator["className"] = "Unused";
            generator["generateClientClasses"] = false;
            generator["generateDtoTypes"] = true;
            generator["extensionCode"] = runtime;
        });

    /// <summary>One client: its class, its base class and the import of the shared types.</summary>
    public static JsonObject Client(string input, string output, string className, string baseClass, string extension, string templates) =>
        TypeScript(input, output, generator =>
        {
            generator["className"] = className;
            generator["generateClientClasses"] = true;
            generator["generateDtoTypes"] = false;
            generator["excludedTypeNames"] = new JsonArray("ApiException", "FileParameter", "FileResponse");
            generator["clientBaseClass"] = baseClass;
            generator["extensionCode"] = extension;
            generator["templateDirectory"] = templates;
            generator["operationGenerationMode"] = "SingleClientFromOperationId";
        });

    /// <summary>
    /// A C# client from a public document, for .NET apps (MAUI), with Hybrid's templates (<c>templates/csharp</c>):
    /// optional members left unset stay out of the JSON, enums are open sets, a GET that answers 304 has an
    /// <c>...IfChangedAsync</c> twin, and the client takes a token provider and any base address.
    /// </summary>
    public static JsonObject CSharp(string input, string output, string className, string ns, string templates) => new()
    {
        ["runtime"] = "Net100",
        ["documentGenerator"] = new JsonObject { ["fromDocument"] = new JsonObject { ["url"] = input } },
        ["codeGenerators"] = new JsonObject
        {
            ["openApiToCSharpClient"] = new JsonObject
            {
                ["className"] = className,
                ["namespace"] = ns,
                ["operationGenerationMode"] = "SingleClientFromOperationId",
                ["generateClientInterfaces"] = true,
                ["injectHttpClient"] = true,
                ["useBaseUrl"] = false,
                ["generateOptionalParameters"] = true,
                ["jsonLibrary"] = "SystemTextJson",
                ["generateNullableReferenceTypes"] = true,
                ["generateOptionalPropertiesAsNullable"] = true,
                ["dateType"] = "System.DateOnly",
                ["dateTimeType"] = "System.DateTimeOffset",
                ["timeType"] = "System.TimeOnly",
                ["arrayType"] = "System.Collections.Generic.IReadOnlyList",
                ["arrayInstanceType"] = "System.Collections.Generic.List",
                ["classStyle"] = "Poco",
                ["newLineBehavior"] = "LF",
                ["templateDirectory"] = Path.Combine(templates, "csharp"),
                ["output"] = output,
            },
        },
    };

    private static JsonObject TypeScript(string input, string output, Action<JsonObject> configure)
    {
        var generator = new JsonObject
        {
            ["template"] = "Fetch",
            ["typeScriptVersion"] = 5.0,
            ["typeStyle"] = "Interface",
            ["enumStyle"] = "StringLiteral",
            ["dateTimeType"] = "string",
            ["nullValue"] = "Null",
            ["markOptionalProperties"] = true,
            ["generateOptionalParameters"] = true,
            ["useAbortSignal"] = true,
            ["useTransformOptionsMethod"] = false,
            ["wrapDtoExceptions"] = true,
            ["exceptionClass"] = "ApiException",
            ["newLineBehavior"] = "LF",
            ["output"] = output,
        };
        configure(generator);
        return new JsonObject
        {
            ["runtime"] = "Net100",
            ["documentGenerator"] = new JsonObject { ["fromDocument"] = new JsonObject { ["url"] = input } },
            ["codeGenerators"] = new JsonObject { ["openApiToTypeScriptClient"] = generator },
        };
    }
}
