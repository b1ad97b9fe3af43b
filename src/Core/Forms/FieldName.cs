namespace Hybrid.Forms;

/// <summary>
/// Reads a posted field name: a member name, then any number of <c>.member</c> and <c>[index]</c>
/// steps (<c>items[0].options[2]</c>). An index is written in plain decimal (<c>0</c>, <c>1</c>,
/// <c>12</c>: no sign, no leading zero, so two spellings never name one item) and is below
/// <see cref="MaxItems"/>, which bounds what one field can make the binder build.
/// </summary>
internal static class FieldName
{
    /// <summary>The most items a list posted by indexes may hold.</summary>
    public const int MaxItems = 1000;

    /// <summary>
    /// Splits <paramref name="posted"/> into <paramref name="segments"/>. False with the reason when
    /// the name does not follow the grammar; <paramref name="head"/> is its leading member name
    /// either way, so the caller can tell a malformed name for a member from a field meant for
    /// something else.
    /// </summary>
    public static bool TryParse(string posted, List<FieldSegment> segments, out string head, out string? error)
    {
        segments.Clear();
        error = null;
        var i = NameEnd(posted, 0);
        head = posted[..i];
        if (i == 0)
        {
            error = $"'{posted}' is not a valid field name: it must start with a member name.";
            return false;
        }

        segments.Add(new FieldSegment(head, 0, i));
        while (i < posted.Length)
        {
            switch (posted[i])
            {
                case '.':
                    var end = NameEnd(posted, i + 1);
                    if (end == i + 1)
                    {
                        error = $"'{posted}' is not a valid field name: a '.' must be followed by a member name.";
                        return false;
                    }

                    segments.Add(new FieldSegment(posted[(i + 1)..end], 0, end));
                    i = end;
                    break;
                case '[':
                    var close = posted.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = $"'{posted}' is not a valid field name: a '[' must be closed by ']'.";
                        return false;
                    }

                    var digits = posted.AsSpan(i + 1, close - i - 1);
                    if (!IsIndex(digits))
                    {
                        error = $"'{posted}' is not a valid field name: '[{digits}]' is not an index (0, 1, 2, ...).";
                        return false;
                    }

                    if (digits.Length > 4 || int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture) >= MaxItems)
                    {
                        error = $"'{posted}' uses index {digits}, and a list takes at most {MaxItems} items (indexes 0 to {MaxItems - 1}).";
                        return false;
                    }

                    segments.Add(new FieldSegment(null, int.Parse(digits, provider: System.Globalization.CultureInfo.InvariantCulture), close + 1));
                    i = close + 1;
                    break;
                default:
                    error = $"'{posted}' is not a valid field name: ']' closes no '['.";
                    return false;
            }
        }

        return true;
    }

    private static int NameEnd(string posted, int start)
    {
        var end = posted.AsSpan(start).IndexOfAny('.', '[', ']');
        return end < 0 ? posted.Length : start + end;
    }

    private static bool IsIndex(ReadOnlySpan<char> digits) =>
        digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9') && (digits.Length == 1 || digits[0] != '0');
}
