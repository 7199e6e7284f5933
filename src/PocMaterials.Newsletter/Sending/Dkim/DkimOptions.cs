using System.ComponentModel.DataAnnotations;

namespace PocMaterials.Newsletter.Sending.Dkim;

/// <summary>
/// DKIM signing of every mail the product sends (newsletter, test mail): receivers such as Microsoft 365 and Gmail
/// file unsigned bulk mail as spam. On by default whenever mails carry a real sender (<see cref="SmtpOptions.From"/>).
/// </summary>
public sealed class DkimOptions
{
    public const string Section = "Dkim";

    /// <summary>Sign mails; false only where the relay signs them itself.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The selector: the key is published at &lt;selector&gt;._domainkey.&lt;domain&gt;. A new selector is a new key.</summary>
    [RegularExpression("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", ErrorMessage = "Dkim:Selector is one DNS label: a-z, 0-9 and '-'.")]
    public string Selector { get; set; } = "poc";

    /// <summary>The signing domain (d=); the domain of <see cref="SmtpOptions.From"/> when empty, which DMARC wants.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The RSA private key (PEM). Empty: dkim-&lt;domain&gt;-&lt;selector&gt;.key in the data folder, made on first use, so a
    /// backup of the data folder keeps the key whose public half is in DNS.
    /// </summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The DNS server <c>dkim --check</c> asks ("host" or "host:port"); empty: the machine's resolvers.</summary>
    public string? NameServer { get; set; }
}
