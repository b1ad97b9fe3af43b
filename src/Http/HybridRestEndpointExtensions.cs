namespace Hybrid;

/// <summary>The REST route a REST endpoint serves, read from its <see cref="HybridEndpointMetadata"/>.</summary>
public static class HybridRestEndpointExtensions
{
    extension(HybridEndpointMetadata endpoint)
    {
        /// <summary>The REST route, or <see langword="null"/> on another door.</summary>
        public RestRoute? Route => endpoint.Exposure as RestRoute;
    }
}
