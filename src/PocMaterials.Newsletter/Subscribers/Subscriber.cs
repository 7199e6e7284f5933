namespace PocMaterials.Newsletter.Subscribers;

/// <summary>
/// A staff member on the POC-a-tizer's list. <see cref="Roles"/> are role ids of taxonomy.yml and always hold
/// clb-medewerker; they decide which materials a mail may show. <see cref="UnsubscribedAt"/> is set once, for good.
/// </summary>
public sealed record Subscriber(
    long Id, string Email, string Name, IReadOnlyList<string> Roles, string? Centre, DateTimeOffset? UnsubscribedAt);

/// <summary>One page of the editors' list of subscribers.</summary>
public sealed record SubscriberPage(int Page, int PageSize, long Total, IReadOnlyList<Subscriber> Subscribers);
