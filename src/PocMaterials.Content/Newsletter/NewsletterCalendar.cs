namespace PocMaterials.Content.Newsletter;

/// <summary>What a POC-a-tizer issue puts in the spotlight: a theme (themes/) or a core process (taxonomy.yml).</summary>
public enum FeatureKind
{
    Theme,
    CoreProcess,
}

/// <summary>The theme or core process an issue features.</summary>
public sealed record Feature(FeatureKind Kind, string Id);

/// <summary>
/// content/newsletter.yml: which theme or core process the POC-a-tizer features in which month. A month
/// without an entry gets a theme chosen automatically.
/// </summary>
public sealed class NewsletterCalendar(IReadOnlyDictionary<DateOnly, Feature> months)
{
    public static readonly NewsletterCalendar Empty = new(new Dictionary<DateOnly, Feature>());

    /// <summary>The planned feature, by the first day of its month.</summary>
    public IReadOnlyDictionary<DateOnly, Feature> Months { get; } = months;

    public Feature? For(DateOnly month) => Months.GetValueOrDefault(new DateOnly(month.Year, month.Month, 1));
}
