namespace Hybrid.Clients.Tests.TypeScript;

/// <summary>
/// A stream operation (x-hybrid-stream) gets Hybrid's own method in NSwag's client class: it returns an
/// <c>AsyncIterable</c> of the item type the shared module declares, takes the same arguments as NSwag's
/// methods and <c>StreamOptions</c> last, and NSwag writes no method of its own for it.
/// </summary>
public sealed class StreamClientGenerationTests : IClassFixture<StreamClientGenerationTests.Generated>
{
    private readonly Generated _generated;

    public StreamClientGenerationTests(Generated generated) => _generated = generated;

    [Fact]
    public void An_action_stream_is_a_method_returning_an_AsyncIterable_of_its_item()
    {
        var actions = _generated.Clients.Read("actions.ts");
        actions.Should().Contain("    count(body: CountTo, options?: StreamOptions): AsyncIterable<Tick> {\n")
            .And.Contain("return this.sendStream<Tick>(url_, { body: JSON.stringify(body), method: \"POST\" }, 45, options);")
            .And.Contain("import type { StreamOptions } from \"./types\";")
            .And.Contain("import type { Tick } from \"./types\";")
            .And.Contain("ping(body?: Ping | undefined, signal?: AbortSignal): Promise<Pong>", "the ordinary action is NSwag's as before");
        Between(actions, "count(", "\n    }").Should().NotContain("this.send(", "NSwag's own method for the stream operation is not written");
    }

    [Fact]
    public void A_REST_stream_builds_its_URL_as_NSwag_does_and_sends_its_header_parameters()
    {
        var rest = _generated.Clients.Read("rest-v1.ts");
        rest.Should().Contain("    followTicks(postId: number, count: number, tag?: string[] | undefined, x_Trace?: string | undefined, options?: StreamOptions): AsyncIterable<Tick> {\n")
            .And.Contain("    postTicks(postId: number, body: CountTo, options?: StreamOptions): AsyncIterable<Tick> {\n");
        var follow = Between(rest, "followTicks(", "\n    }");
        follow.Should().Contain("url_ = url_.replace(\"{postId}\", encodeURIComponent(\"\" + postId));")
            .And.Contain("url_ += \"count=\" + encodeURIComponent(\"\" + count) + \"&\";")
            .And.Contain("tag && tag.forEach(item => { url_ += \"tag=\" + encodeURIComponent(\"\" + item) + \"&\"; });")
            .And.Contain("return this.sendStream<Tick>(url_, { method: \"GET\", headers: { \"X-Trace\": x_Trace == null ? \"\" : \"\" + x_Trace } }, 45, options);");
        rest.Should().Contain("export type FollowTicksError = ApiException<400, ValidationFailedProblem>;", "a refusal is an ordinary problem answer");
    }

    [Fact]
    public void The_item_type_is_declared_once_in_the_shared_module_with_the_stream_runtime()
    {
        var types = _generated.Clients.Read("types.ts");
        types.Should().Contain("export interface Tick {\n    n: number;\n    text: string;\n}")
            .And.Contain("export function stream<T>(").And.Contain("export class HybridStreamError").And.Contain("export class HybridStreamReset");
    }

    [Fact]
    public async Task The_clients_and_a_caller_compile_under_tsc_strict()
    {
        var (exitCode, output) = await _generated.Clients.CompileAsync(new Dictionary<string, string>
        {
            ["caller.ts"] = """
                import { ActionsClient } from "./clients/actions";
                import { FixtureV1Client } from "./clients/rest-v1";
                import { HybridStreamError, HybridStreamReset, type Tick } from "./clients/types";

                export async function follow(signal: AbortSignal): Promise<number> {
                    const actions = new ActionsClient("http://localhost");
                    const rest = new FixtureV1Client("http://localhost").withToken(() => "t");
                    let total = 0;
                    try {
                        for await (const tick of actions.count({ count: 3 }, { signal, lastEventId: "k.1", token: async () => "fresh" })) {
                            const n: number = tick.n;
                            total += n;
                        }
                        const ticks: AsyncIterable<Tick> = rest.followTicks(1, 3, ["a"], undefined, { signal });
                        for await (const tick of ticks) {
                            total += tick.text.length;
                        }
                    } catch (e) {
                        if (e instanceof HybridStreamError) { return e.problem.code.length; }
                        if (e instanceof HybridStreamReset) { return -1; }
                        throw e;
                    }
                    return total;
                }
                """,
        });
        exitCode.Should().Be(0, "tsc --strict compiles the generated clients and their use:\n" + output);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThan(0, start + " is in the client");
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    /// <summary>The fixture's clients, generated once for the class.</summary>
    public sealed class Generated : IDisposable
    {
        internal TypeScriptClients Clients { get; } = TypeScriptClients.Generate(new Dictionary<string, string>
        {
            ["actions"] = StreamDocuments.Actions,
            ["v1"] = StreamDocuments.V1,
        });

        public void Dispose() => Clients.Dispose();
    }
}
