using PocMaterials.Content.Contacts;
using PocMaterials.Content.Library;
using PocMaterials.Content.Materials;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Publishing.Attachments;

namespace PocMaterials.Web.Endpoints;

public sealed record LabelledId(string Id, string Label);

public sealed record ContactResponse(string Id, string Name, string? Email, string? Phone, string? Role)
{
    public static ContactResponse? From(Contact? contact) =>
        contact is null ? null : new(contact.Id, contact.Name, contact.Email, contact.Phone, contact.Role);
}

public sealed record QuestionResponse(string Question, string Anchor, string Url);

/// <summary>A file attached to a material; <c>Url</c> serves it.</summary>
/// <param name="ETag">Send it as If-Match to replace or remove this attachment and no newer one.</param>
public sealed record AttachmentResponse(string Name, long Size, string ContentType, DateTimeOffset Updated, string Url, string ETag)
{
    public static AttachmentResponse From(Attachment attachment) =>
        new(
            attachment.Name,
            attachment.Size,
            attachment.Type.ContentType,
            attachment.Updated,
            UrlOf(attachment.Slug, attachment.Name),
            attachment.ETag);

    public static string UrlOf(string slug, string name) => $"/api/materials/{slug}/attachments/{name}";
}

/// <summary>A material in a list: enough to show it and link to it.</summary>
public sealed record MaterialSummaryResponse(string Slug, string Title, LabelledId Type, string? Summary, string Url, DateOnly? Updated)
{
    public static MaterialSummaryResponse From(Material material, ContentSnapshot content) => new(
        material.Slug,
        material.Title,
        new LabelledId(material.Type, content.Taxonomy.Types.LabelOf(material.Type)),
        material.Summary,
        $"/materials/{material.Slug}",
        material.Updated);
}

/// <summary>
/// A whole material: metadata with labels, the body as safe HTML, its questions, contact, related materials and attachments.
/// </summary>
public sealed record MaterialResponse(
    string Slug,
    string Title,
    LabelledId Type,
    string? Summary,
    IReadOnlyList<LabelledId> CoreProcesses,
    IReadOnlyList<LabelledId> Themes,
    IReadOnlyList<LabelledId> Domains,
    IReadOnlyList<LabelledId> Roles,
    IReadOnlyList<string> Tags,
    string Status,
    DateOnly? Published,
    DateOnly? Updated,
    DateOnly? ReviewBy,
    bool DueForReview,
    string Html,
    IReadOnlyList<QuestionResponse> Questions,
    ContactResponse? Contact,
    IReadOnlyList<MaterialSummaryResponse> Related,
    IReadOnlyList<AttachmentResponse> Attachments)
{
    public static MaterialResponse From(
        Material material, ContentSnapshot content, DateOnly today, IReadOnlyList<Material> related, IReadOnlyList<Attachment> attachments)
    {
        var taxonomy = content.Taxonomy;
        static IReadOnlyList<LabelledId> Labelled(IEnumerable<string> ids, Func<string, string> label) =>
            ids.Select(id => new LabelledId(id, label(id))).ToList();
        return new MaterialResponse(
            material.Slug,
            material.Title,
            new LabelledId(material.Type, taxonomy.Types.LabelOf(material.Type)),
            material.Summary,
            Labelled(material.CoreProcesses, taxonomy.CoreProcesses.LabelOf),
            Labelled(material.Themes, content.ThemeTitle),
            Labelled(material.Domains, taxonomy.Domains.LabelOf),
            Labelled(material.Roles, taxonomy.Roles.LabelOf),
            material.Tags,
            material.Status.ToString().ToLowerInvariant(),
            material.Published,
            material.Updated,
            material.ReviewBy,
            material.IsDueForReview(today),
            Content.Markdown.MarkdownRendering.ToHtml(material.BodyMarkdown),
            material.Questions.Select(q => new QuestionResponse(q.Question, q.Anchor, $"/materials/{material.Slug}#{q.Anchor}")).ToList(),
            ContactResponse.From(content.ContactOf(material.ContactId)),
            related.Select(r => MaterialSummaryResponse.From(r, content)).ToList(),
            attachments.Select(AttachmentResponse.From).ToList());
    }
}

public sealed record TaxonomyResponse(
    IReadOnlyList<TaxonomyTerm> CoreProcesses,
    IReadOnlyList<TaxonomyTerm> Domains,
    IReadOnlyList<TaxonomyTerm> Roles,
    IReadOnlyList<TaxonomyTerm> Types,
    IReadOnlyList<TaxonomyTerm> Centres);

public sealed record ThemeSummaryResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Aliases,
    ContactResponse? Contact,
    IReadOnlyList<LabelledId> CoreProcesses,
    int MaterialCount);

public sealed record ThemeResponse(
    string Id,
    string Title,
    IReadOnlyList<string> Aliases,
    string IntroHtml,
    ContactResponse? Contact,
    IReadOnlyList<LabelledId> CoreProcesses,
    IReadOnlyList<MaterialSummaryResponse> Materials,
    string? Image);
