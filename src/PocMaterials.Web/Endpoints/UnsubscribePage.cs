using System.Globalization;
using PocMaterials.Content.Visibility;
using PocMaterials.Newsletter.Subscribers;
using static PocMaterials.Web.Endpoints.NewsletterPages;

namespace PocMaterials.Web.Endpoints;

/// <summary>The small Dutch pages of unsubscribing: every value in them is HTML-encoded.</summary>
internal static class UnsubscribePage
{
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
}
