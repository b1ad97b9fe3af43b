using System.Net;
using Hybrid.Testing;

namespace Hybrid.Security.Tests;

/// <summary>
/// Ids that look like, contain or lead to a real action: encoded separators, overlong, Unicode
/// look-alikes, traversal, trailing dots and spaces. None may reach CreateNote's handler.
/// </summary>
public sealed class ActionIdTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Valid = """{"title":"reached"}""";

    public static TheoryData<string> LookAlikes => new()
    {
        "Create%2FNote",
        "CreateNote%2F",
        "CreateNote%2FCreateNote",
        "%2FCreateNote",
        "%5CCreateNote",
        new string('a', 5_000),
        "CreateNote" + new string('e', 5_000),
        "\u0421reateNote", // Cyrillic capital Es
        "CreateNot\u0435", // Cyrillic small ie
        "Cr\u0435ateN\u043ete",
        "\uFF23reateNote", // fullwidth C
        "Create\u200BNote", // zero-width space
        "CreateNote\u200B",
        "Cre%C3%A1teNote",
        "..%2FCreateNote",
        "%2E%2E%2FCreateNote",
        "..%5CCreateNote",
        "%2E%2E%2F_actions%2FCreateNote",
        "CreateNote.",
        "CreateNote..",
        "CreateNote%20",
        "%20CreateNote",
        "CreateNote%09",
        "CreateNote%2500",
        "Create%20Note",
        "CreateNote;x=1",
        "CreateNote%3B",
        "CreateNote%23",
        "%2A",
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public Task An_id_that_is_not_exactly_an_action_is_404_unknown_action(string id) =>
        host.ShouldRefuseAsync(SecurityHost.Action(id, DoorCase.JsonContent(Valid)), HttpStatusCode.NotFound, ProblemCodes.UnknownAction);

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public async Task Any_verb_but_POST_on_a_real_id_is_405(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/_actions/CreateNote");
        if (method is not ("GET" or "TRACE"))
        {
            request.Content = DoorCase.JsonContent(Valid);
        }

        await host.ShouldRefuseAsync(request, HttpStatusCode.MethodNotAllowed, ProblemCodes.MethodNotAllowed);
    }
}
