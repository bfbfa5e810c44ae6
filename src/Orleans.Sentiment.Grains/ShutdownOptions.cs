using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains;

/// <summary>How long a stopping silo may take (configuration section "Host"); most of it goes to draining accepted comments.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Host";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Host:ShutdownTimeout must be between {1} and {2}.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
