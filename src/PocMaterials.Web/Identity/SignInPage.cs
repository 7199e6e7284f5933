using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Web.Identity;

/// <summary>The Dutch sign-in page: a button to the provider, and in Development a choice of roles and centre.</summary>
/// <param name="Error">
/// The code of a failed sign-in (<see cref="ClaimsRefused"/>, <see cref="ProviderFailed"/>), from the address.
/// </param>
internal sealed record SignInPage(MaterialTaxonomy Taxonomy, string Back, bool Oidc, bool Development, string? Error, bool SignedOut)
{
    public const string ClaimsRefused = "rechten";
    public const string ProviderFailed = "aanbieder";

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public IResult Result(HttpResponse response, string antiforgeryToken, int status)
    {
        WebApp.PageHeaders.Apply(response);
        return Results.Content(Render(antiforgeryToken), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private const string Head = """
        <!doctype html>
        <html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Aanmelden · Materialenbank POC+</title><link rel="stylesheet" href="{{assets}}/app.css"></head>
        <body><a class="skip" href="#Inhoud">Naar de inhoud</a>
        <header class="top"><span class="brand">Materialenbank <span>POC+ GO! CLB</span></span></header>
        <main id="Inhoud" tabindex="-1" class="narrow"><h1>Aanmelden</h1>
        """;

    private string Render(string token)
    {
        var page = new StringBuilder();
        page.Append(Head.Replace("{{assets}}", WebApp.WebAppAssets.Path, StringComparison.Ordinal));
        if (SignedOut)
            page.Append("<p class=\"notice\" role=\"status\">Je bent afgemeld.</p>");
        if (Error is not null)
            page.Append("<p class=\"notice error\" role=\"alert\">").Append(Error switch
            {
                ClaimsRefused => "Aanmelden lukte niet: je account geeft geen rol of centrum die de materialenbank kent. "
                    + "Vraag POC+ om je rol na te kijken.",
                ProviderFailed => "Aanmelden lukte niet: de aanmelding bij je GO!-account werd afgebroken of mislukte. "
                    + "Probeer het opnieuw.",
                _ => "Aanmelden lukte niet. Probeer het opnieuw.",
            }).Append("</p>");
        if (Oidc)
        {
            page.Append("<p><a class=\"button\" href=\"/aanmelden?via=oidc&amp;terug=")
                .Append(UrlEncoder.Default.Encode(Back))
                .Append("\">Aanmelden met je GO!-account</a></p>");
        }
        if (Development)
            AppendDevelopmentForm(page, token);
        else if (!Oidc)
            page.Append("<p>Aanmelden is op deze server niet ingesteld (Identity:Oidc:Authority). Vraag het de beheerder.</p>");
        page.Append("</main></body></html>");
        return page.ToString();
    }

    private void AppendDevelopmentForm(StringBuilder page, string token)
    {
        page.Append("<form method=\"post\" action=\"/aanmelden\" class=\"signin\">\n"
            + "<p>Ontwikkelomgeving: kies met welke rollen en voor welk centrum je de materialenbank bekijkt. "
            + "Elke medewerker is ook CLB-medewerker.</p>\n"
            + "<p><label for=\"name\">Je naam</label><br><input type=\"text\" id=\"name\" name=\"name\" maxlength=\"200\" "
            + "autocomplete=\"name\" aria-describedby=\"name-uitleg\"><br><span id=\"name-uitleg\" class=\"muted\">Zo staan je "
            + "versies, goedkeuringen en acties in de materialenbank; zonder naam tonen we je rollen.</span></p>\n"
            + "<p><label for=\"email\">Je e-mailadres</label><br><input type=\"email\" id=\"email\" name=\"email\" "
            + "maxlength=\"254\" autocomplete=\"email\" aria-describedby=\"email-uitleg\"><br><span id=\"email-uitleg\" "
            + "class=\"muted\">Optioneel: hierop krijg je het antwoord op een vraag aan POC+.</span></p>\n"
            + "<fieldset><legend>Rollen</legend>");
        foreach (var role in Taxonomy.Roles.All)
        {
            var id = "rol-" + role.Id;
            page.Append("<div class=\"check\"><input type=\"checkbox\" name=\"role\" id=\"").Append(Html.Encode(id))
                .Append("\" value=\"").Append(Html.Encode(role.Id)).Append("\"> <label for=\"")
                .Append(Html.Encode(id)).Append("\">").Append(Html.Encode(role.Label)).Append("</label></div>");
        }
        page.Append("</fieldset><p><label for=\"centre\">Centrum</label><select id=\"centre\" name=\"centre\">"
            + "<option value=\"\">Geen centrum</option>");
        foreach (var centre in Taxonomy.Centres.All)
        {
            page.Append("<option value=\"").Append(Html.Encode(centre.Id)).Append("\">")
                .Append(Html.Encode(centre.Label)).Append("</option>");
        }
        page.Append("</select></p><input type=\"hidden\" name=\"terug\" value=\"").Append(Html.Encode(Back))
            .Append("\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"").Append(Html.Encode(token))
            .Append("\"><p><button type=\"submit\">Aanmelden</button></p></form>");
    }
}
