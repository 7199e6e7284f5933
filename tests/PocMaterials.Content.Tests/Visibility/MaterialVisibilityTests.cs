using PocMaterials.Content.Materials;
using PocMaterials.Content.Visibility;
using PocMaterials.Testing;

namespace PocMaterials.Content.Tests.Visibility;

public sealed class MaterialVisibilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Material Material(string[] roles, MaterialStatus status = MaterialStatus.Published, DateOnly? published = null) => new()
    {
        Slug = "m", Title = "M", Type = "fiche", Roles = roles, Status = status, Published = published,
        BodyMarkdown = "", BodyText = "", SourcePath = "m.md",
    };

    private static StaffMember Staff(params string[] roles) => new("sub", roles, "gent");

    [Fact]
    public void Everyone_sees_materials_for_every_staff_member()
    {
        Assert.True(Material(["clb-medewerker"]).IsVisibleTo(Staff(), Today));
        Assert.True(Material(["clb-medewerker"]).IsVisibleTo(Staff("arts"), Today));
    }

    [Fact]
    public void A_restricted_material_is_visible_to_its_roles_only()
    {
        var medical = Material(["arts", "verpleegkundige"]);

        Assert.True(medical.IsVisibleTo(Staff("verpleegkundige"), Today));
        Assert.False(medical.IsVisibleTo(Staff("directeur"), Today));
        Assert.False(medical.IsVisibleTo(Staff(), Today));
    }

    [Fact]
    public void Drafts_and_scheduled_materials_are_for_editors_only()
    {
        Assert.False(Material(["clb-medewerker"], MaterialStatus.Draft).IsVisibleTo(Staff("arts"), Today));
        Assert.True(Material(["clb-medewerker"], MaterialStatus.Draft).IsVisibleTo(Staff("redacteur"), Today));
        Assert.False(Material(["clb-medewerker"], published: Today.AddDays(1)).IsVisibleTo(Staff(), Today));
        Assert.True(Material(["clb-medewerker"], published: Today).IsVisibleTo(Staff(), Today));
        Assert.True(Material(["arts"], published: Today.AddDays(1)).IsVisibleTo(Staff("redacteur"), Today));
    }

    [Fact]
    public void Today_is_the_date_in_Brussels()
    {
        // 23:30 UTC on 24 November is already 25 November in Brussels (UTC+1).
        var time = new TestClock(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 25), new StaffCalendar(time).Today);
    }
}
