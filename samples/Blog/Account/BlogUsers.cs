using Blog.Data;
using Microsoft.AspNetCore.Identity;

namespace Blog.Account;

/// <summary>A user of the Blog: a name and at most one role.</summary>
/// <param name="Name">The user name, as stored.</param>
/// <param name="Role">The user's role (<c>moderator</c>), or none.</param>
public sealed record BlogUser(string Name, string? Role);

/// <summary>The <c>users</c> table: looks users up and checks their passwords (PBKDF2 hashes, never the passwords).</summary>
public sealed class BlogUsers(BlogDatabase database)
{
    /// <summary>The role that may delete comments.</summary>
    public const string Moderator = "moderator";

    private static readonly PasswordHasher<BlogUser> Hasher = new();

    // An unknown name is checked against this hash too, so it costs the same time as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Guid.NewGuid().ToString("N")));

    /// <summary>The PBKDF2 hash of a password, as the table stores it.</summary>
    public static string Hash(string password) => Hasher.HashPassword(new BlogUser(string.Empty, null), password);

    /// <summary>The user with this name (ignoring case), or <see langword="null"/>.</summary>
    public BlogUser? Find(string name) => Read(name)?.User;

    /// <summary>The user when the name and password match, else <see langword="null"/>, the same for an unknown name.</summary>
    public BlogUser? Verify(string name, string password)
    {
        var row = Read(name);
        var verdict = Hasher.VerifyHashedPassword(row?.User ?? new BlogUser(name, null), row?.Hash ?? DecoyHash.Value, password);
        return row is not null && verdict != PasswordVerificationResult.Failed ? row.User : null;
    }

    private Row? Read(string name)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, role, password_hash FROM users WHERE name = $name;";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new Row(new BlogUser(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)), reader.GetString(2)) : null;
    }

    private sealed record Row(BlogUser User, string Hash);
}
