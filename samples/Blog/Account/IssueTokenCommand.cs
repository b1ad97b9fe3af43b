using Blog.Data;

namespace Blog.Account;

/// <summary>
/// <c>dotnet run --project samples/Blog -- issue-token --user ada</c>: prints a development JWT for
/// a seeded user and exits, without starting the web server.
/// </summary>
public static class IssueTokenCommand
{
    /// <summary>The command's name, the first command-line argument.</summary>
    public const string Name = "issue-token";

    /// <summary>Issues the token; returns the process's exit code.</summary>
    /// <param name="args">The arguments after the command's name (<c>--user ada</c>, configuration overrides).</param>
    public static int Run(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var userName = builder.Configuration["user"];
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine($"Usage: {Name} --user <name>");
            return 2;
        }

        if (BlogJwt.From(builder.Configuration) is not { } jwt)
        {
            Console.Error.WriteLine("Blog:Jwt:SigningKey is not set (appsettings.Development.json sets one for development).");
            return 1;
        }

        var database = new BlogDatabase(BlogDatabase.PathFrom(builder.Configuration, builder.Environment));
        if (new BlogUsers(database).Find(userName) is not { } user)
        {
            Console.Error.WriteLine($"There is no user '{userName}'.");
            return 1;
        }

        Console.WriteLine(jwt.Issue(user, TimeProvider.System.GetUtcNow()));
        return 0;
    }
}
