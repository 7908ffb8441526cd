using Upsellic.Framework.Data;
using Upsellic.Framework.Modularity;
using Upsellic.Platform.Host;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplication<PlatformHostModule>();

var app = builder.Build();
app.InitializeApplication();
await app.Services.MigrateAndSeedAsync();
await app.RunAsync();

/// <summary>Entry point; public so that WebApplicationFactory&lt;Program&gt; can start the host in tests.</summary>
public partial class Program;
