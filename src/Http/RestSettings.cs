namespace Hybrid.Http;

/// <summary>The REST route of a REST endpoint's settings: what the door's parts read beside the settings themselves.</summary>
internal static class RestSettings
{
    extension(EndpointSettings settings)
    {
        /// <summary>The route the endpoint serves, or <see langword="null"/> on another door.</summary>
        public RestRoute? Route => settings.Endpoint.Exposure as RestRoute;

        /// <summary>The route's retirement plan, or <see langword="null"/>.</summary>
        public RestDeprecation? Deprecation => (settings.Endpoint.Exposure as RestRoute)?.Deprecation;
    }
}
