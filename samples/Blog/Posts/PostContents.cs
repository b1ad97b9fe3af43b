using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Blog.Posts;

/// <summary>What SavePost writes of a post beside its title and body, read the same way by SavePost and version 2 of GetPost.</summary>
internal static class PostContents
{
    /// <summary>The URL the post page and clients load a post's cover from.</summary>
    public static string CoverUrl(int postId) => "/posts/" + postId.ToString(CultureInfo.InvariantCulture) + "/cover";

    public static IReadOnlyList<string> Tags(SqliteConnection connection, int postId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag FROM post_tags WHERE post_id = $id ORDER BY tag;";
        command.Parameters.AddWithValue("$id", postId);
        using var reader = command.ExecuteReader();
        var tags = new List<string>();
        while (reader.Read())
        {
            tags.Add(reader.GetString(0));
        }

        return tags;
    }

    public static IReadOnlyList<PostSection> Sections(SqliteConnection connection, int postId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT heading, body FROM post_sections WHERE post_id = $id ORDER BY position;";
        command.Parameters.AddWithValue("$id", postId);
        using var reader = command.ExecuteReader();
        var sections = new List<PostSection>();
        while (reader.Read())
        {
            sections.Add(new PostSection { Heading = reader.GetString(0), Body = reader.GetString(1) });
        }

        return sections;
    }

    /// <summary>The cover's URL, or null when the post has none.</summary>
    public static string? Cover(SqliteConnection connection, int postId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM post_covers WHERE post_id = $id;";
        command.Parameters.AddWithValue("$id", postId);
        return command.ExecuteScalar() is null ? null : CoverUrl(postId);
    }
}
