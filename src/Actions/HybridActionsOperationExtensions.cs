namespace Hybrid;

/// <summary>What the action door made of an operation, read once the door is mapped.</summary>
public static class HybridActionsOperationExtensions
{
    extension(HybridOperation operation)
    {
        /// <summary>The action id, or <see langword="null"/> when the operation is not an action (or the action door is not mapped).</summary>
        public string? ActionId => (operation.ExposureOn(HybridDoors.Action) as Actions.ActionExposure)?.Id;
    }
}
