using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hybrid;

/// <summary>Serves one document, built from the catalog on first request and cached for the app's lifetime.</summary>
internal sealed class DocumentEndpoint(Func<string> build)
{
    private readonly Lazy<byte[]> _json = new(() => Encoding.UTF8.GetBytes(build()), LazyThreadSafetyMode.ExecutionAndPublication);


    public Task HandleAsync(HttpContext context)
    {
        var bytes = _json.Value;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }
}
