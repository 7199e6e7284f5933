using PocMaterials.Helpdesk.Questions;
using PocMaterials.Newsletter.Issues;
using PocMaterials.Persistence;
using PocMaterials.Publishing.Versions;
using PocMaterials.Reach.Tracking;

namespace PocMaterials.Testing;

/// <summary>
/// The product's tables for test databases made without the host (the host's list is Web's <c>ProductSchema</c>,
/// which this project cannot reference; a Web test checks the two are the same).
/// </summary>
public static class TestSchema
{
    public static DatabaseSchema All { get; } = DatabaseSchema.Of(
        typeof(AuditLog).Assembly,
        typeof(ReachEventStore).Assembly,
        typeof(IssueStore).Assembly,
        typeof(ContentVersions).Assembly,
        typeof(QuestionStore).Assembly);
}
