namespace Hybrid;

/// <summary>The action door's lookups in the catalog, once the door is mapped.</summary>
public static class HybridActionsCatalogExtensions
{
    extension(OperationCatalog catalog)
    {
        /// <summary>Finds the operation exposed under an action id (ignoring case), once the action door is mapped.</summary>
        /// <param name="actionId">The action id.</param>
        /// <returns>The operation, or <see langword="null"/>.</returns>
        public HybridOperation? FindAction(string actionId) => Actions.ActionDoor.IndexOf(catalog)?.Find(actionId);
    }
}
