using Blog.Data;
using Microsoft.AspNetCore.Identity;

namespace Blog.Account;

/// <summary>A user of the Blog: a name and the roles it holds.</summary>
/// <param name="Name">The user name, as stored.</param>
/// <param name="Roles">The user's roles (<c>editor</c>, <c>moderator</c>), in alphabetical order; none for most users.</param>
public sealed record BlogUser(string Name, IReadOnlyList<string> Roles);

/// <summary>The <c>users</c> table: looks users up and checks their passwords (PBKDF2 hashes, never the passwords).</summary>
public sealed class BlogUsers(BlogDatabase database)
{
    /// <summary>The role that may delete comments.</summary>
    public const string Moderator = "moderator";

    /// <summary>The role that may write posts (SavePost).</summary>
    public const string Editor = "editor";

    private static readonly PasswordHasher<BlogUser> Hasher = new();

    // An unknown name is checked against this hash too, so it costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Guid.NewGuid().ToString("N")));

    /// <summary>The PBKDF2 hash of a password, as the table stores it.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new BlogUser(string.Empty, []), password);

    /// <summary>The user with this name (ignoring case), or <see langword="null"/>.</summary>
    public BlogUser? Find(string name) => Read(name)?.User;

    /// <summary>The user when the name and password match, else <see langword="null"/>, the same for an unknown name.</summary>
    public BlogUser? Verify(string name, string password)
    {
        var row = Read(name);
        var verdict = Hasher.VerifyHashedPassword(row?.User ?? new BlogUser(name, []), row?.Hash ?? DecoyHash.Value, password);
        return row is not null && verdict != PasswordVerificationResult.Failed ? row.User : null;
    }

    private Row? Read(string name)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name, password_hash, (SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles WHERE user_name = users.name ORDER BY role))
            FROM users WHERE name = $name;
            """;
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new Row(new BlogUser(reader.GetString(0), reader.IsDBNull(2) ? [] : reader.GetString(2).Split(',')), reader.GetString(1))
            : null;
    }

    private sealed record Row(BlogUser User, string Hash);
}
