using PocMaterials.Content.Library;
using PocMaterials.Content.Newsletter;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Newsletter;

public sealed class NewsletterCalendarTests
{
    [Fact]
    public void Months_name_a_theme_or_a_core_process()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("content/newsletter.yml", "# POC-a-tizer\n2026-10: decreet-leersteun\n2026-11: begeleiding\n");
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Empty(content.Errors);
        Assert.Equal(new Feature(FeatureKind.Theme, "decreet-leersteun"), content.NewsletterCalendar.For(new DateOnly(2026, 10, 17)));
        Assert.Equal(new Feature(FeatureKind.CoreProcess, "begeleiding"), content.NewsletterCalendar.For(new DateOnly(2026, 11, 1)));
        Assert.Null(content.NewsletterCalendar.For(new DateOnly(2026, 12, 1)));
    }

    [Theory]
    [InlineData("2026-10: zwemmen\n", 1, "2026-10", "unknown id 'zwemmen'")]
    [InlineData("2026-10: decreet-leersteun\n2026-13: begeleiding\n", 2, "2026-13", "not a month")]
    [InlineData("oktober: begeleiding\n", 1, "oktober", "yyyy-MM")]
    [InlineData("- 2026-10\n", 1, "newsletter", "yyyy-MM")]
    public void A_wrong_entry_is_an_error_with_file_line_and_field(string yaml, int line, string field, string message)
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("content/newsletter.yml", yaml);
        using var library = new ContentLibrary(folder.Location);

        var error = Assert.Single(library.Reload().Snapshot.Errors);

        Assert.Equal(("content/newsletter.yml", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_newsletter_yml_every_month_is_chosen_automatically()
    {
        using var folder = ContentFolder.WithFixture();
        using var library = new ContentLibrary(folder.Location);

        var content = library.Reload().Snapshot;

        Assert.Empty(content.Errors);
        Assert.Empty(content.NewsletterCalendar.Months);
    }

    [Fact]
    public void A_broken_calendar_keeps_its_last_valid_version()
    {
        using var folder = ContentFolder.WithFixture();
        folder.Write("content/newsletter.yml", "2026-10: decreet-leersteun\n");
        using var library = new ContentLibrary(folder.Location);
        library.Reload();

        folder.Write("content/newsletter.yml", "2026-10: [unclosed\n");
        var content = library.Reload().Snapshot;

        Assert.Single(content.Errors);
        Assert.Equal("decreet-leersteun", content.NewsletterCalendar.For(new DateOnly(2026, 10, 1))?.Id);
    }
}
