using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsCheck;

namespace Hybrid.Security.Tests.Fuzzing;

/// <summary>
/// JSON bodies for FuzzOrder on both doors: a well-formed order must reach the handler equal to the
/// reference (System.Text.Json's own reading of it); a mutated one may be refused, never crash.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class JsonBodyProperties(FuzzHost host)
{
    // The reference model: the wire shape Hybrid documents (camelCase, enums by name).
    internal static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Gen<Func<string, byte[]>> Mutation = Gen.OneOf(
        Gen.Int[0, 10_000].Select<int, Func<string, byte[]>>(n => j => Encoding.UTF8.GetBytes(j[..Math.Min(n, j.Length)])),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes(j.Replace("\"customer\":", "\"customer\":" + h + ",\"x\":"))),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes(j.Replace("\"total\":", "\"total\":" + JsonSerializer.Serialize(h) + ",\"total2\":"))),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes("{\"customer\":\"a\",\"color\":" + JsonSerializer.Serialize(h) + "}")),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes("{\"customer\":\"a\",\"due\":" + JsonSerializer.Serialize(h) + ",\"at\":" + JsonSerializer.Serialize(h) + "}")),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes("{\"customer\":\"a\",\"points\":" + h + "}")),
        FuzzGen.Hostile.Select<string, Func<string, byte[]>>(h => j => Encoding.UTF8.GetBytes("{\"customer\":\"a\",\"total\":" + h + "}")),
        Gen.Const<Func<string, byte[]>>(j => Encoding.UTF8.GetBytes(j.Insert(1, "\"customer\":\"dup\","))),
        Gen.Int[1, 200].Select<int, Func<string, byte[]>>(d => j => Encoding.UTF8.GetBytes(
            "{\"customer\":\"a\",\"address\":" + string.Concat(Enumerable.Repeat("{\"street\":", d)) + "1" + new string('}', d) + "}")),
        Gen.Int[1, 100].Select<int, Func<string, byte[]>>(d => j => Encoding.UTF8.GetBytes(
            "{\"customer\":\"a\",\"lines\":" + new string('[', d) + new string(']', d) + "}")),
        Gen.Select(Gen.Int[0, 2000], Gen.Byte).Select<int, byte, Func<string, byte[]>>((at, b) => j =>
        {
            var bytes = Encoding.UTF8.GetBytes(j);
            bytes[Math.Min(at, bytes.Length - 1)] = b;
            return bytes;
        }),
        Gen.Select(Gen.Int[0, 2000], FuzzGen.Hostile).Select<int, string, Func<string, byte[]>>((at, h) => j => Encoding.UTF8.GetBytes(j.Insert(Math.Min(at, j.Length), h))));

    [Fact]
    public Task A_well_formed_order_reaches_the_handler_as_the_reference_reads_it() =>
        Check.SampleAsync(
            Gen.Select(FuzzGen.Order, Gen.Bool),
            async (order, action) =>
            {
                var json = JsonSerializer.Serialize(order, Wire);
                var seen = await host.SendAsync(Request(action, Encoding.UTF8.GetBytes(json), "application/json"));
                if (seen is not FuzzOrder got)
                {
                    throw new FuzzFailureException("a well-formed order was refused: " + json);
                }

                var reference = JsonSerializer.Serialize(JsonSerializer.Deserialize<FuzzOrder>(json, Wire), Wire);
                var bound = JsonSerializer.Serialize(got, Wire);
                if (bound != reference)
                {
                    throw new FuzzFailureException($"bound {bound} but the reference reads {reference}");
                }
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.Seconds,
            threads: FuzzBudget.Threads);

    [Fact]
    public Task A_mutated_body_is_answered_without_a_crash() =>
        Check.SampleAsync(
            Gen.Select(FuzzGen.Order, Mutation, Gen.Bool, Gen.Frequency((4, Gen.Const("application/json")), (1, FuzzGen.ContentType))),
            async (order, mutate, action, contentType) =>
            {
                var body = mutate(JsonSerializer.Serialize(order, Wire));
                await host.SendAsync(Request(action, body, contentType));
            },
            seed: FuzzBudget.Seed,
            time: FuzzBudget.Seconds,
            threads: FuzzBudget.Threads);

    internal static HttpRequestMessage Request(bool action, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return action ? SecurityHost.Action("FuzzOrder", content) : SecurityHost.Rest("fuzz-orders", content);
    }
}
