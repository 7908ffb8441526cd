using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Upsellic.Platform.UnitTests.HandoffIntelligence;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (random port) answering <c>POST /v1/chat/completions</c> the way an
/// OpenAI-compatible endpoint does, with whatever the test scripts.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Func<HttpContext, Task> _answer = context => Completion(context, "{}");

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = string.Empty;

    public int Requests { get; private set; }

    public string LastRequestBody { get; private set; } = string.Empty;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", async context =>
        {
            server.Requests++;
            server.LastRequestBody = await new StreamReader(context.Request.Body).ReadToEndAsync();
            await server._answer(context);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public void AnswerWithContent(string content) => _answer = context => Completion(context, content);

    public void AnswerAfter(TimeSpan delay, string content) => _answer = async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await Completion(context, content);
    };

    public void AnswerWithStatus(int statusCode) => _answer = context =>
    {
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(new { error = new { message = "scripted failure", type = "server_error" } });
    };

    private static Task Completion(HttpContext context, string content)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "fake-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
