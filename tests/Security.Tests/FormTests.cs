using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Hybrid.Security.Tests;

/// <summary>
/// Hostile forms: huge and deep indexes, thousands of fields or parts, repeated keys, multipart
/// without a boundary or with nested parts, and failure pages off-site. Sent to the action door
/// (asking for JSON, as script does) and, where a form means something there, to the REST door.
/// </summary>
public sealed class FormTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private static readonly Dictionary<string, (Func<HttpContent> Content, HttpStatusCode Status, string Code)> Cases = new()
    {
        ["sections[99999999]"] = (() => Form("title=x&sections[99999999].heading=h"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["sections[2147483648]"] = (() => Form("title=x&sections[2147483648].heading=h"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["sections[-1]"] = (() => Form("title=x&sections[-1].heading=h"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["tags[99999999]"] = (() => Form("title=x&tags[99999999]=t"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["a[0][0]... 2,000 deep"] = (() => Form("title=x&tags" + string.Concat(Enumerable.Repeat("[0]", 2_000)) + "=t"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["sections[0].sections[0]... 500 deep"] = (() => Form("title=x&" + string.Concat(Enumerable.Repeat("sections[0].", 500)) + "heading=h"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["5,000 fields"] = (() => Form("title=x&" + string.Join("&", Enumerable.Range(0, 5_000).Select(i => $"f{i}=v"))), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["5,000 tags"] = (() => Form("title=x&" + string.Join("&", Enumerable.Range(0, 5_000).Select(i => $"tags[{i}]=v"))), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["repeated scalar key"] = (() => Form("title=first&title=second"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["repeated int key"] = (() => Form("title=x&priority=1&priority=5"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["a 10,000-digit number"] = (() => Form("title=x&priority=" + new string('9', 10_000)), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
        ["a key of 100,000 characters"] = (() => Form("title=x&" + new string('k', 100_000) + "=v"), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["multipart without a boundary"] = (() => Raw("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--x--\r\n", "multipart/form-data"), HttpStatusCode.BadRequest, ProblemCodes.BadRequest),
        ["multipart with an empty boundary"] = (() => Raw("--\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n----\r\n", "multipart/form-data; boundary=\"\""), HttpStatusCode.BadRequest, ProblemCodes.BadRequest),
        ["multipart never closed"] = (() => Raw("--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx", "multipart/form-data; boundary=b"), HttpStatusCode.BadRequest, ProblemCodes.BadRequest),
        ["multipart with a 1,000-character boundary"] = (() => Raw("--" + new string('b', 1_000) + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--" + new string('b', 1_000) + "--\r\n", "multipart/form-data; boundary=" + new string('b', 1_000)), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["5,000 parts"] = (() => ManyParts(5_000), HttpStatusCode.RequestEntityTooLarge, ProblemCodes.PayloadTooLarge),
        ["urlencoded with a bad escape"] = (() => Form("title=%ZZ%&priority=%"), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public Task A_hostile_form_is_refused_on_the_action_door(string name)
    {
        var (content, status, code) = Cases[name];
        return host.ShouldRefuseAsync(SecurityHost.Action("CreateNote", content()), status, code);
    }

    [Theory]
    [InlineData("sections[99999999]")]
    [InlineData("5,000 fields")]
    [InlineData("multipart without a boundary")]
    [InlineData("5,000 parts")]
    public Task A_form_on_the_REST_door_of_a_type_without_files_is_415(string name) =>
        host.ShouldRefuseAsync(SecurityHost.Rest("notes", Cases[name].Content()), HttpStatusCode.UnsupportedMediaType, ProblemCodes.UnsupportedMediaType);

    [Fact]
    public async Task Nested_multipart_binds_nothing_from_the_inner_parts()
    {
        var inner = new MultipartContent("mixed", "inner") { new StringContent("x") };
        inner.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"title\"" };
        var outer = new MultipartFormDataContent("outer") { inner };

        var problem = await host.ShouldRefuseAsync(SecurityHost.Action("CreateNote", outer), HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);

        problem.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
    }

    /// <summary>A plain form (no JavaScript) that fails, naming a failure page off-site: a problem, never a redirect there.</summary>
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/\t/evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_failing_plain_form_never_goes_back_to_an_off_site_page(string formUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/_actions/CreateNote")
        {
            Content = new FormUrlEncodedContent([new("title", ""), new("__formUrl", formUrl)]),
        };
        request.Headers.Accept.ParseAdd("text/html");

        var before = host.Mark();
        using var response = await host.Client.SendAsync(request);

        response.Headers.Location.Should().BeNull();
        await host.ShouldBeRefusalAsync(response, HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed, before);
    }

    private static StringContent Form(string body) => new(body, Encoding.ASCII, "application/x-www-form-urlencoded");

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static MultipartFormDataContent ManyParts(int count)
    {
        var content = new MultipartFormDataContent("b") { { new StringContent("x"), "title" } };
        for (var i = 0; i < count; i++)
        {
            content.Add(new StringContent("v"), $"tags[{i}]");
        }

        return content;
    }
}
