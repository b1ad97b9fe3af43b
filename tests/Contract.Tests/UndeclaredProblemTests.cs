using System.Collections.Concurrent;
using Hybrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hybrid.Contract.Tests;

public sealed class UndeclaredProblemTests
{
    [Theory]
    [InlineData("Development", "conflict", true)]
    [InlineData("Development", "notfound-declared", false)]
    [InlineData("Production", "conflict", false)]
    public async Task A_handler_code_its_operation_does_not_declare_is_a_warning_in_Development(string environment, string kind, bool warned)
    {
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddHybrid(typeof(GetRecord).Assembly);
        builder.Services.AddSingleton<RecordStore>();
        builder.Services.AddSingleton<NoteStore>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddRateLimiter(_ => { });
        await using var app = builder.Build();
        app.MapHybridRest();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.PostAsync(kind == "notfound-declared" ? "/api/v1/declared-failures" : $"/api/v1/failures/{kind}", DoorCase.JsonContent("{}"));

        ((int)response.StatusCode).Should().BeOneOf(404, 409);
        logs.Warnings.Any(m => m.Contains("does not declare", StringComparison.Ordinal)).Should().Be(warned, string.Join("\n", logs.Warnings));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    provider.Warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
