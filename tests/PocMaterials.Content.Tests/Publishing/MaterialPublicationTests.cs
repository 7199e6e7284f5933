using PocMaterials.Content.Publishing;

namespace PocMaterials.Content.Tests.Publishing;

/// <summary>The form's publication buttons as the content format's status and published fields.</summary>
public sealed class MaterialPublicationTests
{
    private static readonly DateOnly Today = new(2026, 9, 14);

    [Theory]
    [InlineData(PublicationAction.Draft, null, null, "draft", null)]
    [InlineData(PublicationAction.Offline, "published", "2026-01-05", "draft", "2026-01-05")]
    [InlineData(PublicationAction.Publish, null, null, null, "2026-09-14")]
    [InlineData(PublicationAction.Publish, "draft", "2026-01-05", "published", "2026-01-05")]
    [InlineData(PublicationAction.Publish, "draft", "2026-12-01", "published", "2026-09-14")]
    [InlineData(PublicationAction.Schedule, "draft", "2026-01-05", "published", "2026-10-01")]
    [InlineData(PublicationAction.Schedule, null, null, null, "2026-10-01")]
    public void An_action_sets_status_and_publication_date(
        PublicationAction action, string? status, string? published, string? newStatus, string? newPublished)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["title"] = FieldValue.Text("T") };
        if (status is not null)
            fields["status"] = FieldValue.Text(status);
        if (published is not null)
            fields["published"] = FieldValue.Text(published);

        DateOnly? date = action == PublicationAction.Schedule ? new DateOnly(2026, 10, 1) : null;

        var applied = MaterialPublication.Apply(fields, action, date, Today);

        Assert.Equal(newStatus, applied.GetValueOrDefault("status")?.Items[0]);
        Assert.Equal(newPublished, applied.GetValueOrDefault("published")?.Items[0]);
        Assert.Equal("T", applied["title"].Items[0]);
    }

    [Theory]
    [InlineData(null, null, "published")]
    [InlineData("published", "2026-09-14", "published")]
    [InlineData(null, "2026-09-15", "scheduled")]
    [InlineData("draft", "2026-09-15", "draft")]
    [InlineData("draft", null, "draft")]
    public void The_state_is_draft_scheduled_or_published_on_the_day(string? status, string? published, string state)
    {
        var fields = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        if (status is not null)
            fields["status"] = FieldValue.Text(status);
        if (published is not null)
            fields["published"] = FieldValue.Text(published);

        Assert.Equal(new PublicationState(state, published), MaterialPublication.StateOf(fields, Today));
    }
}
