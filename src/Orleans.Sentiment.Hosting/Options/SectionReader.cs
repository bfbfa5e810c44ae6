using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Hosting.Options;

/// <summary>
/// Reads an options section before the host is built, for the few settings that decide what gets registered: bound
/// the way <c>BindConfiguration</c> binds it, and checked with the data annotations <c>ValidateDataAnnotations</c>
/// applies once the host starts, so both give the same answer and the same messages.
/// </summary>
public static class SectionReader
{
    /// <summary>The section bound to <typeparamref name="T"/>; throws naming every bad setting.</summary>
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var errors = new List<string>();
        var options = Bind<T>(configuration, section, errors);
        return errors.Count == 0 ? options : throw new OptionsValidationException(section, typeof(T), errors);
    }

    /// <summary>The section bound to <typeparamref name="T"/>, its problems added to <paramref name="errors"/>.</summary>
    public static T Bind<T>(IConfiguration configuration, string section, List<string> errors)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        errors.AddRange(results.Select(r => r.ErrorMessage ?? $"{section} is invalid."));
        return options;
    }
}
