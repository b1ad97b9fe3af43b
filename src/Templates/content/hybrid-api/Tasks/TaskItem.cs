namespace HybridApp.Tasks;

/// <summary>A task on the board.</summary>
/// <param name="Id">Its number, given when it was added.</param>
/// <param name="Title">What is to be done.</param>
public sealed record TaskItem(int Id, string Title);
