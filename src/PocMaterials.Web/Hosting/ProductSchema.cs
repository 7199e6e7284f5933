using PocMaterials.Helpdesk.Questions;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Versions;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Web.Hosting;

/// <summary>The projects that own tables: every database of PocMaterials holds all of their migrations.</summary>
public static class ProductSchema
{
    public static DatabaseSchema All { get; } = DatabaseSchema.Of(
        typeof(AuditLog).Assembly,
        typeof(ReachEventStore).Assembly,
        typeof(IssueStore).Assembly,
        typeof(ContentVersions).Assembly,
        typeof(QuestionStore).Assembly);
}
