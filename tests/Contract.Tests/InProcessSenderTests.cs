using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hybrid.Contract.Tests.InProcess;
using Hybrid.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hybrid.Contract.Tests;

/// <summary>
/// <see cref="HybridSender"/> on a real host, called from endpoints that stand for a page's handlers:
/// the operation's policy for the request's user, its validation with the doors' field errors, the
/// doors' problems as exceptions, and its revalidation after a success.
/// </summary>
public sealed class InProcessSenderTests : IAsyncLifetime
{
    private TestHost _host = null!;

    private ArticleStore Store => _host.Services.GetRequiredService<ArticleStore>();

    public async Task InitializeAsync() => _host = await StartAsync();

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null, null, 401, "unauthorized")]
    [InlineData("grace", null, 403, "forbidden")]
    [InlineData("grace", "reader", 403, "forbidden")]
    public async Task A_user_the_policy_refuses_gets_the_doors_problem_and_the_handler_never_runs(string? user, string? role, int status, string code)
    {
        var outcome = await PageAsync("/page/publish", new { title = "Refused" }, user, role);

        outcome.GetProperty("status").GetInt32().Should().Be(status);
        outcome.GetProperty("code").GetString().Should().Be(code);
        Store.RunsOf(nameof(PublishArticle)).Should().Be(0);
    }

    [Theory]
    [InlineData(null, null, 401)]
    [InlineData("grace", "reader", 403)]
    [InlineData("ada", "editor", 200)]
    public async Task An_operation_without_a_result_gets_the_same_rules(string? user, string? role, int status)
    {
        using var response = await PageResponseAsync("/page/retract", new { id = 1 }, user, role);
        var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        outcome.GetProperty("status").GetInt32().Should().Be(status);
        Store.RunsOf(nameof(RetractArticle)).Should().Be(status == 200 ? 1 : 0);
        Store.Articles.ContainsKey(1).Should().Be(status != 200);
        if (status == 200)
        {
            response.Headers.GetValues("Hybrid-Revalidated").Should().Equal("tags=(\"articles\"), paths=()");
        }
    }

    [Fact]
    public async Task Invalid_input_is_a_validation_failure_with_the_field_errors_the_action_door_gives()
    {
        var outcome = await PageAsync("/page/publish", new { title = "x" }, "ada", "editor");
        using var door = new HttpRequestMessage(HttpMethod.Post, "/_actions/PublishArticle") { Content = JsonContent.Create(new { title = "x" }) };
        door.Headers.Add("Cookie", await _host.CookieForAsync("ada", "editor"));
        door.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var answer = await _host.Client.SendAsync(door);
        var doorErrors = await answer.ShouldBeProblemAsync(HttpStatusCode.BadRequest, ProblemCodes.ValidationFailed);

        outcome.GetProperty("status").GetInt32().Should().Be(400);
        outcome.GetProperty("code").GetString().Should().Be(ProblemCodes.ValidationFailed);
        outcome.GetProperty("errors").GetRawText().Should().Be(doorErrors.GetRawText());
        outcome.GetProperty("errors").TryGetProperty("title", out _).Should().BeTrue();
        Store.RunsOf(nameof(PublishArticle)).Should().Be(0);
    }

    [Fact]
    public async Task A_user_the_policy_allows_runs_the_handler_and_what_it_declares_stale_is_revalidated()
    {
        using var firstRead = await _host.Client.GetAsync("/api/v1/articles");
        using var cachedRead = await _host.Client.GetAsync("/api/v1/articles");
        Store.RunsOf(nameof(ListArticles)).Should().Be(1, "the second read is served from the output cache");

        using var response = await PageResponseAsync("/page/publish", new { title = "Second" }, "ada", "editor");
        var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var list = await _host.Client.GetFromJsonAsync<string[]>("/api/v1/articles");

        outcome.GetProperty("value").GetProperty("title").GetString().Should().Be("Second");
        Store.RunsOf(nameof(PublishArticle)).Should().Be(1);
        response.Headers.GetValues("Hybrid-Revalidated").Should().Equal("tags=(\"articles\"), paths=()");
        list.Should().Equal("First", "Second");
        Store.RunsOf(nameof(ListArticles)).Should().Be(2, "the publication evicted the cached list");
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("grace", null, false)]
    [InlineData("ada", "editor", true)]
    public async Task The_question_a_page_asks_before_showing_a_control_gets_the_policys_answer(string? user, string? role, bool allowed)
    {
        var outcome = await PageAsync("/page/may-publish", new { }, user, role);

        outcome.GetProperty("value").GetBoolean().Should().Be(allowed);
    }

    [Fact]
    public async Task An_anonymous_operation_is_allowed_for_a_signed_out_user()
    {
        var outcome = await PageAsync("/page/may-list", new { }, user: null, role: null);

        outcome.GetProperty("value").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("grace", null, true)]
    public async Task An_operation_on_both_doors_is_allowed_when_either_doors_policy_lets_the_user_through(string? user, string? role, bool allowed)
    {
        // CountArticles states no policy: open on the action door; the REST door asks for a partner.
        var outcome = await PageAsync("/page/count", new { }, user, role);

        outcome.GetProperty("value").GetInt32().Should().Be(1);
        (await PageAsync("/page/may-count", new { }, user, role)).GetProperty("value").GetBoolean().Should().Be(allowed);
    }

    [Theory]
    [InlineData(null, null, 401, "unauthorized")]
    [InlineData("grace", null, 403, "forbidden")]
    [InlineData("pat", "partner", 200, null)]
    public async Task An_operation_on_one_door_has_that_doors_policy_for_the_requests_own_user(string? user, string? role, int status, string? code)
    {
        // The REST door authenticates with Bearer; in-process the cookie's user is judged by the same policy.
        var outcome = await PageAsync("/page/stats", new { }, user, role);

        outcome.GetProperty("status").GetInt32().Should().Be(status);
        if (code is not null)
        {
            outcome.GetProperty("code").GetString().Should().Be(code);
        }

        Store.RunsOf(nameof(ArticleStats)).Should().Be(status == 200 ? 1 : 0);
    }

    [Fact]
    public async Task A_request_that_is_not_an_exposed_operation_is_refused_with_the_fix()
    {
        var outcome = await PageAsync("/page/purge", new { }, "ada", "editor");

        outcome.GetProperty("error").GetString().Should().Contain("PurgeArticles is not an exposed operation").And.Contain("send it with IMediator");
    }

    [Fact]
    public async Task Outside_a_request_there_is_no_user_to_judge_and_the_sender_says_so()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<HybridSender>();

        var send = () => sender.SendAsync(new ListArticles());

        (await send.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*for the user of the current request, and there is none*");
        Store.RunsOf(nameof(ListArticles)).Should().Be(0);
    }

    private async Task<JsonElement> PageAsync(string path, object body, string? user, string? role)
    {
        using var response = await PageResponseAsync(path, body, user, role);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> PageResponseAsync(string path, object body, string? user, string? role)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (user is not null)
        {
            request.Headers.Add("Cookie", await _host.CookieForAsync(user, role));
        }

        return await _host.Client.SendAsync(request);
    }

    /// <summary>
    /// Both doors (cookie on actions, bearer on REST, the REST door asking for a partner) and endpoints
    /// that call <see cref="HybridSender"/> as a page's handler does, answering its outcome as JSON.
    /// </summary>
    private static Task<TestHost> StartAsync() =>
        TestHost.StartAsync(
            [new ScannedTypes(typeof(PublishArticle), typeof(PublishArticleHandler), typeof(ListArticles), typeof(ListArticlesHandler), typeof(CountArticles), typeof(ArticleStats), typeof(ArticleCounts), typeof(PurgeArticles), typeof(PurgeArticlesHandler), typeof(RetractArticle), typeof(RetractArticleHandler))],
            options =>
            {
                options.Actions().AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
                options.Rest().AuthenticationSchemes.Add("Bearer");
            },
            services =>
            {
                services.AddSingleton<ArticleStore>();
                services.AddOutputCache();
                services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                    .AddCookie()
                    .AddScheme<AuthenticationSchemeOptions, TestBearer>("Bearer", null);
                services.AddAuthorization();
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseOutputCache();
                CookieSignIn.Map(app);
                app.MapPost("/page/publish", (HybridSender sender, PublishArticle request) => Outcome(() => sender.SendAsync(request)));
                app.MapPost("/page/may-publish", (HybridSender sender) => Outcome(() => sender.IsAllowedAsync<PublishArticle>()));
                app.MapPost("/page/may-list", (HybridSender sender) => Outcome(() => sender.IsAllowedAsync<ListArticles>()));
                app.MapPost("/page/count", (HybridSender sender) => Outcome(() => sender.SendAsync(new CountArticles())));
                app.MapPost("/page/may-count", (HybridSender sender) => Outcome(() => sender.IsAllowedAsync<CountArticles>()));
                app.MapPost("/page/stats", (HybridSender sender) => Outcome(() => sender.SendAsync(new ArticleStats())));
                app.MapPost("/page/retract", (HybridSender sender, RetractArticle request) => Outcome(async () =>
                {
                    await sender.SendAsync(request);
                    return "retracted";
                }));
                app.MapPost("/page/purge", (HybridSender sender) => Outcome(() => sender.SendAsync(new PurgeArticles())));
                app.MapHybridActions();
                app.MapHybridRest().RequireAuthorization(policy => policy.RequireRole("partner"));
            });

    private static async Task<IResult> Outcome<T>(Func<Task<T>> send)
    {
        try
        {
            return Results.Json(new { status = 200, value = await send() });
        }
        catch (HybridProblemException e)
        {
            return Results.Json(new { status = e.Status, code = e.Code, errors = (e as RequestValidationException)?.Errors });
        }
        catch (InvalidOperationException e)
        {
            return Results.Json(new { error = e.Message });
        }
    }
}
