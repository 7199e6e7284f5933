using System.Globalization;
using System.Text.Encodings.Web;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Web.Endpoints;

/// <summary>The small Dutch pages of unsubscribing: every value in them is HTML-encoded.</summary>
internal static class UnsubscribePage
{
    private const string Style = "body { font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.5 } "
        + "button { font-size: 1em; padding: .5em 1.5em }";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");

    public static string Confirm(Subscriber subscriber, string token, StaffCalendar calendar)
    {
        var email = Encode(subscriber.Email);
        if (subscriber.UnsubscribedAt is { } at)
        {
            var day = TimeZoneInfo.ConvertTime(at, calendar.Zone).ToString("d MMMM yyyy", Dutch);
            return Page("Al uitgeschreven", $"<p>{email} is sinds {Encode(day)} uitgeschreven voor de POC-a-tizer.</p>");
        }
        // The form posts back to this URL with its token; only that POST unsubscribes.
        return Page("Uitschrijven voor de POC-a-tizer", $"""
            <p>Wil je de POC-a-tizer, de maandelijkse nieuwsbrief van POC+, niet meer ontvangen op {email}?</p>
            <form method="post" action="?token={Encode(Uri.EscapeDataString(token))}">
              <input type="hidden" name="List-Unsubscribe" value="One-Click">
              <button type="submit">Uitschrijven</button>
            </form>
            """);
    }

    public static string Done() =>
        Page("Uitgeschreven", "<p>Je bent uitgeschreven. Je ontvangt de POC-a-tizer niet meer.</p>");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Page(string title, string body) => $$"""
        <!DOCTYPE html>
        <html lang="nl">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{title}}</title>
          <style>{{Style}}</style>
        </head>
        <body>
          <h1>{{title}}</h1>
          {{body}}
        </body>
        </html>
        """;
}
