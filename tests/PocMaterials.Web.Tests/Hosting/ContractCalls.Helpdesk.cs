using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PocMaterials.Helpdesk.Mails;

namespace PocMaterials.Web.Tests.Hosting;

/// <summary>
/// Helpdesk questions: a staff member's question and refused ones, a registration, the list, an answer refused while the
/// question is closed and given once it is reopened, the minutes, the FAQ draft and the FAQ question, a mail that cannot be
/// sent again, and the score links.
/// </summary>
public sealed partial class ContractCalls
{
    private const string Questions = "/api/helpdesk/questions";

    private async Task HelpdeskAsync()
    {
        var asked = await Call(201, HttpMethod.Post, Questions,
            JsonContent.Create(new { text = "Wie vraagt leersteun aan?", theme = "decreet-leersteun", material = "fiche-leersteun" }),
            client: host.Staff);
        using var body = JsonDocument.Parse(await asked.Content.ReadAsStringAsync());
        var question = $"{Questions}/{body.RootElement.GetProperty("id").GetInt64()}";
        await Call(400, HttpMethod.Post, Questions, JsonContent.Create(new { text = "" }), client: host.Staff);
        await Call(404, HttpMethod.Post, Questions,
            JsonContent.Create(new { text = "Vraag", theme = "decreet-leersteun", material = "bestaat-niet" }), client: host.Staff);
        await Call(201, HttpMethod.Post, $"{Questions}/registrations",
            JsonContent.Create(new { channel = "telefoon", text = "Vraag per telefoon", theme = "decreet-leersteun", minutes = 5 }));
        await Call(400, HttpMethod.Post, $"{Questions}/registrations", JsonContent.Create(new { channel = "fax" }));
        await Get(200, $"{Questions}?theme=decreet-leersteun");
        await Get(400, $"{Questions}?month=maart");
        await Get(200, question);
        await Get(404, $"{Questions}/987654");
        await Call(409, HttpMethod.Post, $"{question}/mails/987654/resend");

        await Get(409, $"{question}/faq-draft");
        await Call(400, HttpMethod.Post, $"{question}/answer", JsonContent.Create(new { text = "" }));
        await Call(404, HttpMethod.Post, $"{Questions}/987654/answer", JsonContent.Create(new { text = "Zo." }));
        await Call(200, HttpMethod.Post, $"{question}/close");
        await Call(409, HttpMethod.Post, $"{question}/answer", JsonContent.Create(new { text = "Zo." }));
        await Call(200, HttpMethod.Post, $"{question}/reopen");
        await Call(200, HttpMethod.Post, $"{question}/answer",
            JsonContent.Create(new { text = "De school.", materials = new[] { "fiche-leersteun" } }));
        await Call(200, HttpMethod.Put, $"{question}/minutes", JsonContent.Create(new { minutes = 10 }));
        await Call(400, HttpMethod.Put, $"{question}/minutes", JsonContent.Create(new { minutes = 601 }));
        await Call(404, HttpMethod.Put, $"{Questions}/987654/minutes", JsonContent.Create(new { minutes = 10 }));

        await Get(200, $"{question}/faq-draft");
        var faq = new { slug = "faq-leersteun", anchor = "wie-vraagt-leersteun-aan" };
        await Call(200, HttpMethod.Post, $"{question}/faq", JsonContent.Create(faq));
        await Call(400, HttpMethod.Post, $"{question}/faq", JsonContent.Create(new { slug = "faq-leersteun" }));
        await Call(404, HttpMethod.Post, $"{Questions}/987654/faq", JsonContent.Create(faq));
        await Call(422, HttpMethod.Post, $"{question}/faq", JsonContent.Create(new { slug = "faq-leersteun", anchor = "geen-vraag" }));

        var links = host.App.Services.GetRequiredService<SatisfactionLinks>();
        var id = long.Parse(question[(question.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await Call(200, HttpMethod.Get, $"{SatisfactionLinks.Path}?token={Uri.EscapeDataString(links.Token(id, 5))}",
            client: host.Anonymous);
        await Call(400, HttpMethod.Get, $"{SatisfactionLinks.Path}?token=kapot", client: host.Anonymous);
        await Call(404, HttpMethod.Get, $"{SatisfactionLinks.Path}?token={Uri.EscapeDataString(links.Token(987_654, 5))}",
            client: host.Anonymous);
    }
}
