namespace Hybrid.Core.Tests;

/// <summary>The one source of value messages (<see cref="FieldMessages"/>): wire words for every kind of member, ranges for integers.</summary>
public class FieldMessagesTests
{
    public static TheoryData<Type, string> Kinds => new()
    {
        { typeof(string), "text" },
        { typeof(char), "a single character" },
        { typeof(bool?), "true or false" },
        { typeof(int), "an integer" },
        { typeof(ulong), "an integer" },
        { typeof(decimal), "a number" },
        { typeof(double?), "a number" },
        { typeof(Guid), "a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)" },
        { typeof(DateOnly), "a date (yyyy-MM-dd)" },
        { typeof(TimeOnly), "a time (HH:mm:ss)" },
        { typeof(DateTimeOffset), "a date and time (ISO 8601)" },
        { typeof(TimeSpan), "a duration ([d.]hh:mm:ss)" },
        { typeof(DayOfWeek), "one of: Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday" },
        { typeof(Uri), "a URL" },
        { typeof(Version), "a version (1.2.3)" },
        { typeof(byte[]), "base64 text" },
        { typeof(List<int>), "a list" },
        { typeof(string[]), "a list" },
        { typeof(Dictionary<string, int>), "an object" },
        { typeof(FieldMessagesTests), "an object" },
        { typeof(System.Net.IPAddress), "a valid value" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_is_described_in_wire_words_never_by_its_CLR_name(Type type, string described)
    {
        FieldMessages.Describe(type).Should().Be(described);
        FieldMessages.Invalid("x", type).Should().NotContain(type.Name).And.NotContain("System.");
    }

    [Theory]
    [InlineData(typeof(int), "99999999999", "The value of 'n' must be between -2147483648 and 2147483647.")]
    [InlineData(typeof(int?), "-2147483649", "The value of 'n' must be between -2147483648 and 2147483647.")]
    [InlineData(typeof(byte), "-1", "The value of 'n' must be between 0 and 255.")]
    [InlineData(typeof(ulong), "18446744073709551616", "The value of 'n' must be between 0 and 18446744073709551615.")]
    [InlineData(typeof(int), "1.5", "The value of 'n' is not an integer.")]
    [InlineData(typeof(int), "", "The value of 'n' is not an integer.")]
    [InlineData(typeof(double), "1e400", "The value of 'n' is not a number.")]
    public void A_text_value_too_large_for_an_integer_says_the_range_and_anything_else_the_kind(Type type, string text, string message) =>
        FieldMessages.ForText("n", type, text).Should().Be(message);

    [Fact]
    public void JSON_null_for_a_member_that_holds_none_cannot_be_null_and_for_one_that_does_is_just_the_kind()
    {
        FieldMessages.ForJson("n", typeof(int), found: true, value: null).Should().Be("The value of 'n' cannot be null.");
        FieldMessages.ForJson("n", typeof(DayOfWeek), found: true, value: null).Should().Be("The value of 'n' cannot be null.");
        FieldMessages.ForJson("n", typeof(int), found: false, value: null).Should().Be("The value of 'n' is not an integer.", "a value not found is told by its kind only");
        FieldMessages.ForJson("n", typeof(int?), found: true, value: null).Should().Be("The value of 'n' is not an integer.");
    }
}
