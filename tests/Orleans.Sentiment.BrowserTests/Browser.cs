using Microsoft.Playwright;

namespace Orleans.Sentiment.BrowserTests;

/// <summary>Debian's chromium driven by Playwright (no browser download: the executable is given by path).</summary>
internal static class Browser
{
    /// <summary><c>CHROMIUM_PATH</c> when set, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    public const string Missing = "chromium is not installed (apt-get install -y --no-install-recommends chromium; .ci/run does this; or set CHROMIUM_PATH).";

    /// <summary>Where the screenshots go: a folder beside the test assembly.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    });
}

/// <summary>A fact that needs Debian's chromium: skipped, saying why, where it is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.Available)
        {
            Skip = Browser.Missing;
        }
    }
}
