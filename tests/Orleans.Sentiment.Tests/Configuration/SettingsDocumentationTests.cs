using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Hosting;
using Orleans.Sentiment.Silo.Auth;
using Orleans.Sentiment.Silo.Dashboard;
using Orleans.Sentiment.Silo.Http;

namespace Orleans.Sentiment.Tests.Configuration;

/// <summary>
/// Every setting has one owner and one description: each configuration section belongs to one options class, the
/// silo binds each of them once, and the README's settings tables list exactly the settings those classes own.
/// </summary>
public sealed class SettingsDocumentationTests
{
    /// <summary>
    /// What the settings tables may list besides options: environment variables that libraries read themselves
    /// (OpenTelemetry, ASP.NET Core, .NET, the Hugging Face hub), which no options class owns.
    /// </summary>
    private static readonly string[] LibraryVariablePrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_", "HF_"];

    [Fact]
    public void Readme_EveryDocumentedSetting_HasAnOwner()
    {
        var owned = OwnedSettings.Keys().Select(k => k.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var documented = ReadmeSettings.Read();

        var unowned = documented
            .Where(key => !owned.Contains(key) && !LibraryVariablePrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(documented.Count > 50, $"The README's settings tables were not found or are nearly empty: {string.Join(", ", documented)}");
        Assert.True(unowned.Length == 0, $"Documented in README.md but owned by no options class: {string.Join(", ", unowned)}");
    }

    [Fact]
    public void Readme_EveryOwnedSetting_IsDocumented()
    {
        var documented = ReadmeSettings.Read();

        var undocumented = OwnedSettings.Keys()
            .Where(k => !documented.Contains(k.Key))
            .Select(k => $"{k.Key} ({k.Owner.Name})")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.True(undocumented.Length == 0, $"Owned by an options class but missing from README.md's settings tables: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void OptionsClasses_EachSection_HasOneOwner()
    {
        var owners = OwnedSettings.Owners();

        var shared = owners
            .GroupBy(o => o.Section, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(o => o.Owner.Name))})")
            .ToArray();

        Assert.True(owners.Count > 10, $"Few options classes found: {string.Join(", ", owners.Select(o => o.Owner.Name))}");
        Assert.True(shared.Length == 0, $"Sections with more than one options class: {string.Join("; ", shared)}");
    }

    [Fact]
    public void SiloRegistration_EveryOptionsClass_IsBoundOnce()
    {
        var builder = WebApplication.CreateBuilder();
        builder.AddSentimentHost();
        builder.AddSentimentApi().AddApiSecurity();
        builder.AddDashboards();

        var misbound = OwnedSettings.Owners()
            .Select(o => (o.Owner, Bindings: builder.Services.Count(d => d.ServiceType == typeof(IOptionsChangeTokenSource<>).MakeGenericType(o.Owner))))
            .Where(o => o.Bindings != 1)
            .Select(o => $"{o.Owner.Name} bound {o.Bindings} time(s)")
            .ToArray();

        Assert.True(misbound.Length == 0, string.Join(", ", misbound));
    }
}
