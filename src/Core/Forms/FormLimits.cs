namespace Hybrid;

/// <summary>
/// ASP.NET Core's form limits (<c>FormOptions</c>: value count, key and value length, multipart
/// body and headers) make <c>ReadFormAsync</c> throw an <see cref="InvalidDataException"/>, the same
/// type a malformed form throws. A form over a limit is too large, not malformed: it gets 413.
/// </summary>
internal static class FormLimits
{
    /// <summary>
    /// Every limit ASP.NET Core's form and multipart readers enforce says "... limit N exceeded.";
    /// nothing else they throw does. A message worded otherwise falls back to the 400 for an
    /// unreadable form.
    /// </summary>
    public static bool IsExceeded(InvalidDataException exception) =>
        exception.Message.Contains(" limit ", StringComparison.Ordinal) && exception.Message.EndsWith(" exceeded.", StringComparison.Ordinal);

    public static OperationProblem Problem() =>
        OperationProblem.Create(413, ProblemCodes.PayloadTooLarge, "The form has more fields, or a longer field name or value, than this endpoint accepts.");
}
