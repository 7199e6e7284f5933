namespace PocMaterials.Web.Tests.Hosting;

public sealed partial class OpenApiContractTests
{
    private const string Restore = "/versions/{version}/restore";

    /// <summary>The definition files that are always there.</summary>
    private static readonly string[] Required = ["/api/taxonomy", "/api/contacts"];

    /// <summary>The definition files of fixed names.</summary>
    private static readonly string[] Fixed = [.. Required, "/api/newsletter/calendar"];

    private static readonly string[] Definitions = [.. Fixed, "/api/themes/{id}"];

    /// <summary>
    /// The listed statuses that no call produces, each with why: code this host cannot reach, or an answer a handler shares
    /// with operations that do produce it. An excuse for a status a call produces after all fails the run: it is dropped.
    /// </summary>
    private static Dictionary<(string Operation, int Status), string> Excuses(IEnumerable<ApiOperation> operations)
    {
        var excuses = new Dictionary<(string Operation, int Status), string>();
        void Excuse(string operation, int status, string why) => excuses.Add((operation, status), why);

        foreach (var operation in operations.Where(o => o.Statuses.Contains(503)))
            Excuse(operation.Key, 503, "the database would have to go away under the shared host; HostileReportTests stops it");
        foreach (var file in Required)
        {
            Excuse($"GET {file}/source", 404, "the taxonomy and the contacts are required: they are always there");
            Excuse($"PUT {file}", 201, "always there: a write replaces it");
            Excuse($"POST {file}{Restore}", 201, "always there: a restore replaces it");
            Excuse($"GET {file}/versions/{{version}}", 410, "never removed, so no version removed it");
        }
        foreach (var file in Fixed)
        {
            Excuse($"PUT {file}", 404, "a fixed name is never unknown (a theme's id may be)");
            Excuse($"GET {file}/versions", 404, "a fixed name is never unknown (a theme's id may be)");
        }
        foreach (var file in Definitions)
        {
            Excuse($"POST {file}{Restore}", 409, "a restore replaces whatever is stored: it never finds the file in its way");
            Excuse($"POST {file}{Restore}", 422,
                "an older definition turns invalid only when what it names went away since; RestoreMaterialVersion answers it");
        }
        Excuse($"POST /api/materials/{{slug}}{Restore}", 409, "a restore replaces whatever is stored: it never finds the file in its way");
        Excuse("DELETE /api/newsletter/calendar", 422, "only a theme's removal is checked against what uses it");
        Excuse("DELETE /api/materials/{slug}", 422, "only a theme's removal is checked against what uses it");
        Excuse("PUT /api/materials/{slug}", 404, "a write that carries a file misses none; rename and restore share the answer");
        Excuse("POST /api/materials/{slug}/rename", 200, "a rename answers 201 at the new slug; the answer is shared with PUT");
        Excuse("POST /api/materials/{slug}/rename", 422, "a rename validates nothing: the file stays as it was");
        Excuse("POST /api/reports/searches/aliases", 409, "taxonomy.yml would have to change between the alias's read and its write");
        Excuse("POST /api/newsletter/issues/{id}/deliveries/{subscriberId}/resend", 202,
            "only a mail of a run that died mid-send is uncertain; NewsletterKillTests makes one");
        Excuse("POST /api/helpdesk/questions/{id}/mails/{mailId}/resend", 202,
            "only a mail whose host stopped mid-send is uncertain; HelpdeskMailResendTests makes one");
        return excuses;
    }
}
