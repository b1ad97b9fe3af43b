using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Hybrid.EndToEnd.Tests;

/// <summary>
/// <c>dotnet new hybrid-razor</c> and <c>dotnet new hybrid-api</c> from the packed Hybrid.Templates
/// (<see cref="PackagedTemplates"/>): each references exactly the packages packed with it, builds the first
/// time with its documents, clients and contract baseline, and serves both doors; the Razor app's form works
/// with JavaScript off and, in Chromium, through the enhancement script, its API reference loads nothing
/// from another site, its Node program calls both generated clients, and the API app's generated C# client
/// calls it from a console app.
/// </summary>
public sealed partial class TemplateTests(PackagedTemplates templates) : IClassFixture<PackagedTemplates>
{
    [Fact]
    public void The_template_package_holds_both_templates_with_the_packed_version_and_no_code()
    {
        using var zip = ZipFile.OpenRead(templates.TemplatePackage);
        var files = zip.Entries.Select(e => e.FullName).ToList();
        files.Should().Contain([
            "README.md", "LICENSE",
            "content/hybrid-razor/.template.config/template.json", "content/hybrid-razor/HybridApp.csproj",
            "content/hybrid-razor/Pages/_ViewImports.cshtml", "content/hybrid-razor/wwwroot/css/site.css",
            "content/hybrid-razor/client/package.json", "content/hybrid-razor/client/tsconfig.json", "content/hybrid-razor/client/src/main.ts",
            "content/hybrid-api/.template.config/template.json", "content/hybrid-api/HybridApp.csproj", "content/hybrid-api/Program.cs"]);
        files.Should().NotContain(f => f.StartsWith("lib/", StringComparison.Ordinal) || f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));

        using (var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open())
        {
            var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            metadata.Descendants().Single(e => e.Name.LocalName == "packageType").Attribute("name")!.Value.Should().Be("Template");
            metadata.Elements().Single(e => e.Name.LocalName == "version").Value.Should().Be(templates.Version);
            metadata.Elements().Single(e => e.Name.LocalName == "license").Value.Should().Be("MIT");
        }

        foreach (var template in new[] { "hybrid-razor", "hybrid-api" })
        {
            using var stream = zip.GetEntry($"content/{template}/.template.config/template.json")!.Open();
            using var json = JsonDocument.Parse(stream);
            json.RootElement.GetProperty("shortName").GetString().Should().Be(template);
            json.RootElement.GetProperty("symbols").GetProperty("HybridVersion").GetProperty("defaultValue").GetString()
                .Should().Be(templates.Version, "the template references the packages packed with it");
        }

        templates.Install.Output.Should().Contain("hybrid-razor").And.Contain("hybrid-api");
    }

    [Fact]
    public void Each_app_references_the_packed_version_and_its_first_build_writes_clients_and_the_contract()
    {
        foreach (var app in new[] { templates.Razor, templates.Api })
        {
            app.Build.ShouldSucceed($"the first dotnet build of {app.Name}");
            var project = XDocument.Load(Path.Combine(app.Folder, app.Name + ".csproj"));
            var hybrid = project.Descendants("PackageReference").Where(r => r.Attribute("Include")!.Value.StartsWith("Hybrid.", StringComparison.Ordinal)).ToList();
            hybrid.Select(r => r.Attribute("Include")!.Value).Should().BeEquivalentTo(["Hybrid.Actions", "Hybrid.Http", "Hybrid.Clients"], app.Name);
            hybrid.Select(r => r.Attribute("Version")!.Value).Should().AllBe(templates.Version, app.Name);

            var clients = Path.Combine(app.Folder, "clients");
            foreach (var file in new[] { "actions.json", "v1.json", "types.ts", "actions.ts", "rest-v1.ts" })
            {
                File.Exists(Path.Combine(clients, file)).Should().BeTrue($"{app.Name}'s build writes clients/{file}");
            }

            File.Exists(Path.Combine(app.Folder, "contract", "v1.json")).Should().BeTrue($"{app.Name}'s first build records the contract baseline");
            File.ReadAllText(Path.Combine(app.Folder, "contract", "v1.json")).Should().Be(File.ReadAllText(Path.Combine(clients, "v1.json")));
        }

        File.Exists(Path.Combine(templates.Api.Folder, "clients", "RestV1Client.cs")).Should().BeTrue("hybrid-api switches the C# client on");
        Directory.GetFiles(Path.Combine(templates.Razor.Folder, "clients"), "*.cs").Should().BeEmpty("hybrid-razor leaves the C# client off");
        File.ReadAllText(Path.Combine(templates.Razor.Folder, "Pages", "_ViewImports.cshtml")).Should()
            .Contain("@addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers").And.Contain("@addTagHelper *, Hybrid.Actions");
    }

    [Fact]
    public async Task The_razor_app_serves_both_doors_and_its_page_the_form_the_script_and_the_stylesheet()
    {
        using var client = new HttpClient { BaseAddress = await templates.Razor.AddressAsync() };
        await BothDoorsAnswerAsync(client);

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var form = FormOf(page);
        form.Should().Contain("method=\"post\"").And.Contain("action=\"/_actions/AddTask\"").And.Contain("data-hybrid-enhance");
        foreach (var asset in new[] { ScriptSource().Match(page), StylesheetSource().Match(page) })
        {
            asset.Success.Should().BeTrue("the layout links the enhancement script and the stylesheet:\n" + page);
            using var served = await client.GetAsync(new Uri(asset.Groups["url"].Value, UriKind.Relative));
            served.StatusCode.Should().Be(HttpStatusCode.OK, asset.Groups["url"].Value);
        }

        ScriptSource().Match(page).Groups["url"].Value.Should().StartWith("/_content/Hybrid.Actions/hybrid");
    }

    [Fact]
    public async Task The_razor_form_posts_without_javascript_and_comes_back_with_the_error_and_what_was_typed()
    {
        var address = await templates.Razor.AddressAsync();
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = address };
        var typed = new string('x', 201);

        using var failed = await PostFormAsync(browser, address, typed);
        failed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        failed.Headers.Location!.OriginalString.Should().Be("/");
        var back = await browser.GetStringAsync(failed.Headers.Location);
        var form = FormOf(back);
        form.Should().Contain($"value=\"{typed}\"", "the typed title comes back");
        ErrorFor().Match(form).Groups["message"].Value.Should().Contain("200");

        using var saved = await PostFormAsync(browser, address, "Posted without JavaScript");
        saved.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var list = await browser.GetStringAsync(saved.Headers.Location);
        list.Should().Contain("<li class=\"task\"").And.Contain("Posted without JavaScript");
        FormOf(list).Should().NotContain("value=\"Posted without JavaScript\"", "a form that succeeded starts empty");
    }

    [Fact]
    public async Task The_razor_form_with_the_script_adds_without_a_reload_and_shows_errors_in_place_in_Chromium()
    {
        var address = await templates.Razor.AddressAsync();
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.NewPageAsync(javaScript: true);
        var elsewhere = await RecordRequestsElsewhereAsync(page, address);
        await page.GotoAsync(address.ToString());
        await page.EvaluateAsync("() => { window.__notReloaded = true; }");

        await page.ClickAsync("#add-task button[type=submit]");
        await Assertions.Expect(page.Locator("[data-hybrid-error-for=title]")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.Locator("input[name=title]")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.FillAsync("input[name=title]", "Added by the enhanced form");
        await page.ClickAsync("#add-task button[type=submit]");
        await Assertions.Expect(page.Locator("#tasks li.task").Filter(new LocatorFilterOptions { HasText = "Added by the enhanced form" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("input[name=title]")).ToHaveValueAsync("");
        (await page.EvaluateAsync<bool>("() => window.__notReloaded === true")).Should().BeTrue("the page was not reloaded");
        (await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily")).Should().Contain("system-ui", "the app's stylesheet applies");

        // The API reference renders from the app alone: its script and the public document, nothing from another site.
        var fetched = new List<string>();
        page.Request += (_, request) => fetched.Add(new Uri(request.Url).AbsolutePath);
        await page.GotoAsync(new Uri(address, "/scalar").ToString());
        await Assertions.Expect(page.GetByText("/api/v1/tasks/{id}", new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
        fetched.Should().Contain("/openapi/v1.json");
        elsewhere.Should().BeEmpty("the page and the API reference load nothing from another site");
    }

    [Fact]
    public async Task The_razor_apps_node_program_calls_both_generated_clients()
    {
        var baseUrl = (await templates.Razor.AddressAsync()).ToString().TrimEnd('/');
        var client = Path.Combine(templates.Razor.Folder, "client");

        // The TypeScript this repository's tests already installed, instead of an npm install per run.
        Directory.CreateSymbolicLink(Path.Combine(client, "node_modules"), Path.Combine(Repository.TypeScriptFolder, "node_modules"));
        (await ProcessRunner.RunAsync("node", [GeneratedClientTests.TypeScriptCompiler(), "-p", "tsconfig.json"], client))
            .ShouldSucceed("tsc -p client/tsconfig.json (strict) over the generated clients and src/main.ts");
        var run = await ProcessRunner.RunAsync("node", [Path.Combine("dist", "client", "src", "main.js"), baseUrl], client);
        run.ShouldSucceed("the Node program calling both clients");

        using var result = JsonDocument.Parse(run.Output.Split('\n').Last(l => l.StartsWith('{')));
        var root = result.RootElement;
        root.GetProperty("fromAction").GetProperty("title").GetString().Should().Be("Added through the action door");
        root.GetProperty("fromRest").GetProperty("title").GetString().Should().Be("Added through the REST door");
        root.GetProperty("readBack").GetRawText().Should().Be(root.GetProperty("fromAction").GetRawText(), "a task added through the action reads the same through REST");
        root.GetProperty("listed").EnumerateArray().Select(e => e.GetString()).Should().Contain(["Added through the action door", "Added through the REST door"]);
        root.GetProperty("missing").GetString().Should().Be("task_not_found");

        // The address from the environment when no argument is given.
        var fromEnvironment = await ProcessRunner.RunAsync("node", [Path.Combine("dist", "client", "src", "main.js")], client, new Dictionary<string, string> { ["HYBRID_APP_URL"] = baseUrl });
        fromEnvironment.ShouldSucceed("the Node program with HYBRID_APP_URL");
    }

    [Fact]
    public async Task The_razor_app_maps_the_API_reference_in_Development_with_nothing_from_another_site()
    {
        using var client = new HttpClient { BaseAddress = await templates.Razor.AddressAsync() };
        using var response = await client.GetAsync(new Uri("/scalar", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Tasks API reference");
        ExternalUrl().Matches(html).Select(m => m.Value).Should().BeEmpty("the reference works offline: its script and fonts are not fetched from a CDN");
        foreach (Match script in ScriptSource().Matches(html))
        {
            using var served = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/scalar/"), script.Groups["url"].Value));
            served.StatusCode.Should().Be(HttpStatusCode.OK, "the reference's script " + script.Groups["url"].Value + " is served by the app");
        }

        using var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        document.StatusCode.Should().Be(HttpStatusCode.OK, "the reference reads the public document the app serves");
    }

    [Fact]
    public async Task The_api_app_serves_both_doors_as_JSON_and_no_pages()
    {
        using var client = new HttpClient { BaseAddress = await templates.Api.AddressAsync() };
        await BothDoorsAnswerAsync(client);
        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        page.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_apps_generated_CSharp_client_calls_it_from_a_console_app()
    {
        var lines = await ConsoleCaller.RunAsync(
            Path.Combine(templates.Folder, "caller"),
            "../TaskApi/clients/*.cs",
            """
            using TaskApi.Clients.V1;

            using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
            var client = new TasksApiV1Client(http);
            var added = await client.AddTaskAsync(new AddTask { Title = "from C#" });
            var read = await client.GetTaskAsync(added.Id);
            Console.WriteLine($"{read.Id} {read.Title}");
            try
            {
                await client.GetTaskAsync(999999);
            }
            catch (ApiException<TaskNotFoundProblem> e)
            {
                Console.WriteLine($"missing: {e.StatusCode}");
            }
            """,
            templates.BuildOtherAsync,
            await templates.Api.AddressAsync());
        lines.Should().HaveCount(2);
        lines[0].Should().MatchRegex("^[0-9]+ from C#$");
        lines[1].Should().Be("missing: 404");
    }

    /// <summary>AddTask through both doors (201 + Location, and the action's JSON with a same-origin <c>Origin</c>), read back through REST.</summary>
    private static async Task BothDoorsAnswerAsync(HttpClient client)
    {
        using var created = await client.PostAsync(new Uri("/api/v1/tasks", UriKind.Relative), Json("""{"title":"through REST"}"""));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!;
        var restTask = await client.GetStringAsync(location);
        restTask.Should().Be(await created.Content.ReadAsStringAsync());

        using var action = new HttpRequestMessage(HttpMethod.Post, new Uri("/_actions/AddTask", UriKind.Relative)) { Content = Json("""{"title":"through the action"}""") };
        action.Headers.Add("Origin", client.BaseAddress!.GetLeftPart(UriPartial.Authority));
        using var answered = await client.SendAsync(action);
        answered.StatusCode.Should().Be(HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());
        using var task = JsonDocument.Parse(await answered.Content.ReadAsStringAsync());
        task.RootElement.GetProperty("title").GetString().Should().Be("through the action");
        var id = task.RootElement.GetProperty("id").GetInt32();
        (await client.GetStringAsync(new Uri($"/api/v1/tasks/{id}", UriKind.Relative))).Should().Be(task.RootElement.GetRawText());

        using var invalid = await client.PostAsync(new Uri("/_actions/AddTask", UriKind.Relative), Json("""{"title":""}"""));
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"validation_failed\"");

        var list = await client.GetStringAsync(new Uri("/api/v1/tasks", UriKind.Relative));
        list.Should().Contain("\"title\":\"through REST\"").And.Contain("\"title\":\"through the action\"");

        using var missing = await client.GetAsync(new Uri("/api/v1/tasks/999999", UriKind.Relative));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("\"code\":\"task_not_found\"");
    }

    /// <summary>What a browser with JavaScript off sends: the form's hidden fields as rendered, the title, and its own origin.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Uri address, string title)
    {
        var form = FormOf(await browser.GetStringAsync(new Uri("/", UriKind.Relative)));
        var fields = HiddenInput().Matches(form)
            .Select(m => new KeyValuePair<string, string>(NameAttribute().Match(m.Value).Groups["value"].Value, WebUtility.HtmlDecode(ValueAttribute().Match(m.Value).Groups["value"].Value)))
            .ToList();
        fields.Select(f => f.Key).Should().Contain("__returnUrl");
        fields.Add(new("title", title));
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(ActionOf().Match(form).Groups["url"].Value, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Origin", address.GetLeftPart(UriPartial.Authority));
        post.Headers.Add("Sec-Fetch-Site", "same-origin");
        post.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await browser.SendAsync(post);
    }

    /// <summary>Every request the page makes to another host, refused so that nothing leaves the machine.</summary>
    private static async Task<List<string>> RecordRequestsElsewhereAsync(IPage page, Uri address)
    {
        var elsewhere = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Authority == address.Authority)
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (elsewhere)
                {
                    elsewhere.Add(route.Request.Url);
                }

                await route.AbortAsync();
            }
        });
        return elsewhere;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string FormOf(string page)
    {
        var form = AddTaskForm().Match(page);
        form.Success.Should().BeTrue("the page renders the AddTask form:\n" + page);
        return form.Value;
    }

    [GeneratedRegex("""<form id="add-task".*?</form>""", RegexOptions.Singleline)]
    private static partial Regex AddTaskForm();

    [GeneratedRegex("""\sname="(?<value>[^"]*)""")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("""\svalue="(?<value>[^"]*)""")]
    private static partial Regex ValueAttribute();

    [GeneratedRegex("""<input[^>]*\stype="hidden"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""action="(?<url>[^"]+)""")]
    private static partial Regex ActionOf();

    [GeneratedRegex("""<script[^>]*\ssrc="(?<url>[^"]+)""")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("""<link[^>]*rel="stylesheet"[^>]*href="(?<url>[^"]+)""")]
    private static partial Regex StylesheetSource();

    [GeneratedRegex("""data-hybrid-error-for="title"[^>]*>(?<message>[^<]*)<""")]
    private static partial Regex ErrorFor();

    [GeneratedRegex("""(?:src|href)="(?:https?:)?//[^"]*"|url\(\s*['"]?(?:https?:)?//[^)]*\)""")]
    private static partial Regex ExternalUrl();
}
