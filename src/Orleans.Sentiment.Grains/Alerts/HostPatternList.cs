using System.ComponentModel;
using System.Globalization;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// <c>Slack:AllowedHosts</c>: bound from a list (<c>Slack:AllowedHosts:0</c>, …) like any list, or from one value
/// (<c>Slack__AllowedHosts=a,b</c>), which the configuration binder hands to the type converter below.
/// </summary>
[TypeConverter(typeof(Converter))]
public sealed class HostPatternList : List<string>
{
    private sealed class Converter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) => new HostPatternList { (string)value };
    }
}
