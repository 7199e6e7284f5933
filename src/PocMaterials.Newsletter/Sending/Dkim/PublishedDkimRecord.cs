using System.Net;
using DnsClient;

namespace PocMaterials.Newsletter.Sending.Dkim;

/// <summary>What DNS publishes for a selector, compared with the key the product signs with.</summary>
public sealed record PublishedDkimRecord(bool Matches, string Verdict)
{
    /// <param name="nameServer">"host" or "host:port"; null: the machine's resolvers.</param>
    public static async Task<PublishedDkimRecord> CheckAsync(DkimKey key, string? nameServer, CancellationToken cancellationToken)
    {
        var client = nameServer is null
            ? new LookupClient(new LookupClientOptions { UseCache = false })
            : new LookupClient(new LookupClientOptions(ParseEndPoint(nameServer)) { UseCache = false });
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(key.RecordName, QueryType.TXT, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException e)
        {
            return new(false, $"DNS did not answer for {key.RecordName}: {e.Message}");
        }
        // A long record comes as several strings of one TXT record, which receivers join without a space.
        var records = response.Answers.TxtRecords().Select(txt => string.Concat(txt.Text)).ToList();
        var dkim = records.Where(text => text.Replace(" ", "", StringComparison.Ordinal).StartsWith("v=DKIM1", StringComparison.Ordinal))
            .ToList();
        if (dkim.Count == 0)
            return new(false, $"No DKIM record is published at {key.RecordName}: publish the record above.");
        if (dkim.Count > 1)
            return new(false, $"{dkim.Count} DKIM records are published at {key.RecordName}: receivers need exactly one.");
        var published = PublicKeyOf(dkim[0]);
        return published == key.PublicKey
            ? new(true, $"The record at {key.RecordName} publishes the key this server signs with.")
            : new(false, $"The record at {key.RecordName} publishes another key (p={Shorten(published)}) than the one this server "
                + $"signs with (p={Shorten(key.PublicKey)}): mails would fail DKIM. Publish the record above.");
    }

    private static string PublicKeyOf(string record) =>
        record.Split(';').Select(tag => tag.Trim()).FirstOrDefault(tag => tag.StartsWith("p=", StringComparison.Ordinal)) is { } p
            ? string.Concat(p[2..].Where(c => !char.IsWhiteSpace(c)))
            : "";

    private static string Shorten(string key) => key.Length <= 24 ? key : key[..12] + "..." + key[^12..];

    private static IPEndPoint ParseEndPoint(string nameServer) =>
        IPEndPoint.TryParse(nameServer, out var endPoint) ? new IPEndPoint(endPoint.Address, endPoint.Port == 0 ? 53 : endPoint.Port)
            : new IPEndPoint(Dns.GetHostAddresses(nameServer)[0], 53);
}
