using System.IO.Compression;

namespace Upsellic.Platform.UnitTests.Widget;

/// <summary>
/// The widget loads on every page of every merchant's store, so its weight is a product promise: loader.js at most
/// 5 KB gzipped, the whole widget at most 40 KB. Measured on the bundles the build just wrote, without Node.
/// </summary>
public class WidgetBundleSize_Tests
{
    private const int LoaderBudget = 5 * 1024;
    private const int TotalBudget = 40 * 1024;

    [Fact]
    public void Should_keep_the_loader_within_5_KB_gzipped()
    {
        GzippedSize("loader.js").ShouldBeLessThanOrEqualTo(LoaderBudget);
    }

    [Fact]
    public void Should_keep_the_whole_widget_within_40_KB_gzipped()
    {
        (GzippedSize("loader.js") + GzippedSize("chat.js")).ShouldBeLessThanOrEqualTo(TotalBudget);
    }

    private static int GzippedSize(string bundle)
    {
        var path = Path.Combine(FindRepositoryRoot(), "host", "Upsellic.Platform.Host", "wwwroot", "widget", "v1", bundle);
        File.Exists(path).ShouldBeTrue($"{path} is missing: build the host first (it bundles the widget).");
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(File.ReadAllBytes(path));
        }

        return (int)compressed.Length;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Upsellic.Platform.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Upsellic.Platform.sln not found above the test's folder.");
    }
}
