/**
 * What every generated REST client shares: an optional token provider asked before each request.
 * NSwag copies it into each REST client (rest-v1.nswag, rest-v2.nswag: extensionCode) as the clients'
 * base class, so a caller hands a client its token once instead of on every call.
 */
export class HybridClientBase {
    private tokenProvider?: TokenProvider;

    /**
     * Sends `Authorization: Bearer <token>` with every request for which the provider returns a
     * token; asked again before each request, so a refreshed token is used as soon as it exists.
     */
    withToken(provider: TokenProvider): this {
        this.tokenProvider = provider;
        return this;
    }

    protected async transformOptions(options: RequestInit): Promise<RequestInit> {
        const token = this.tokenProvider ? await this.tokenProvider() : undefined;
        if (!token) {
            return options;
        }

        const headers = new Headers(options.headers);
        headers.set("Authorization", "Bearer " + token);
        return { ...options, headers };
    }
}

/** Returns the caller's current access token, or nothing to send the request without one. */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;
