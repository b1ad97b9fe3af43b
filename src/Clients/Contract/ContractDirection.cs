namespace Hybrid.Clients;

/// <summary>
/// Which way a schema's values travel: the rules are mirror images, since a client must still be able to
/// send what it sent (requests) and still understand what it gets (responses).
/// </summary>
internal enum ContractDirection
{
    /// <summary>Parameters and request bodies: narrowing what the server accepts breaks clients.</summary>
    Request,

    /// <summary>Response bodies: widening what the server may send breaks clients.</summary>
    Response,
}
