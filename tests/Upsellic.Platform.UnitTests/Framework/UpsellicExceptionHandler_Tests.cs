using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Upsellic.Framework.AspNetCore;
using Upsellic.Framework.Domain;

namespace Upsellic.Platform.UnitTests.Framework;

public class UpsellicExceptionHandler_Tests
{
    [Fact]
    public async Task Should_write_a_business_exception_as_problem_details_with_its_code()
    {
        var (handled, status, body) = await HandleAsync(new BusinessException("Test:Rule", "The rule was broken.", 409));

        handled.ShouldBeTrue();
        status.ShouldBe(409);
        body.GetProperty("title").GetString().ShouldBe("The rule was broken.");
        body.GetProperty("code").GetString().ShouldBe("Test:Rule");
    }

    [Fact]
    public async Task Should_write_field_errors_in_camel_case()
    {
        var errors = new Dictionary<string, string[]> { ["StoreName"] = ["Enter the name of your store."] };

        var (_, status, body) = await HandleAsync(new InputValidationException(errors));

        status.ShouldBe(400);
        body.GetProperty("errors").GetProperty("storeName")[0].GetString().ShouldBe("Enter the name of your store.");
    }

    [Fact]
    public async Task Should_leave_unexpected_exceptions_to_the_default_handler()
    {
        var (handled, _, _) = await HandleAsync(new InvalidOperationException("bug"));

        handled.ShouldBeFalse();
    }

    private static async Task<(bool Handled, int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        httpContext.Response.Body = new MemoryStream();
        var handler = new UpsellicExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<UpsellicExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(httpContext, exception, CancellationToken.None);

        httpContext.Response.Body.Position = 0;
        var body = handled ? await JsonSerializer.DeserializeAsync<JsonElement>(httpContext.Response.Body) : default;
        return (handled, httpContext.Response.StatusCode, body);
    }
}
