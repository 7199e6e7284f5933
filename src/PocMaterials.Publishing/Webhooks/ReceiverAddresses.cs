using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace PocMaterials.Publishing.Webhooks;

/// <summary>
/// Keeps webhook deliveries away from the server's own network: loopback, private, link-local, unique-local,
/// shared (CGNAT) and cloud metadata addresses are refused unless <see cref="WebhookOptions.AllowedInternalHosts"/>
/// names them. Checked when a receiver is saved and again on every connection, on the very addresses the socket
/// then connects to, so a name that resolves elsewhere later (DNS rebinding) gets no further.
/// </summary>
public sealed class ReceiverAddresses(IOptions<WebhookOptions> options)
{
    /// <summary>
    /// Why a receiver at this host is refused, or null. A name that does not resolve now is left to the connection's check.
    /// </summary>
    public async Task<string?> RefusalAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return Refusal(host, await AddressesAsync(host, cancellationToken));
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>
    /// The handler of the webhook client: no redirects, no cookies, no proxy, and every address checked before connecting.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        // A redirect could lead a signed body anywhere.
        AllowAutoRedirect = false,
        UseCookies = false,
        // Through a proxy the socket would reach the proxy, and the receiver's address would go unchecked.
        UseProxy = false,
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await AddressesAsync(host, cancellationToken);
        if (Refusal(host, addresses) is { } refusal)
            throw new HttpRequestException(HttpRequestError.ConnectionError, refusal);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> AddressesAsync(string host, CancellationToken cancellationToken) =>
        // Numeric forms (127.1, 2130706433, 0x7f.1, [::1]) are addresses, as the socket would take them.
        IPAddress.TryParse(host.Trim('[', ']'), out var address) ? [address] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    private string? Refusal(string host, IReadOnlyList<IPAddress> addresses)
    {
        var allowed = options.Value.AllowedInternalHosts;
        if (allowed.Contains(host.Trim('[', ']'), StringComparer.OrdinalIgnoreCase))
            return null;
        var allowedAddresses = allowed
            .Select(a => IPAddress.TryParse(a.Trim('[', ']'), out var parsed) ? parsed : null)
            .OfType<IPAddress>()
            .Select(Unmapped)
            .ToHashSet();
        return addresses.Select(Unmapped).FirstOrDefault(a => IsInternal(a) && !allowedAddresses.Contains(a)) is { } refused
            ? $"'{host}' is an internal address ({refused}); receivers must be on the public internet "
                + "(Webhooks:AllowedInternalHosts lists exceptions)."
            : null;
    }

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>
    /// Not a public unicast address: loopback, unspecified, private, link-local (cloud metadata), shared, reserved, multicast.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        address = Unmapped(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 0 or 10 or 127 or >= 224                      // this network, private, loopback, multicast and reserved
                || b[0] == 100 && b[1] is >= 64 and < 128                  // shared address space (CGNAT)
                || b[0] == 169 && b[1] == 254                              // link-local: cloud metadata at 169.254.169.254
                || b[0] == 172 && b[1] is >= 16 and < 32
                || b[0] == 192 && b[1] == 168
                || b[0] == 192 && b[1] == 0 && b[2] == 0                   // IETF protocol assignments
                || b[0] == 198 && b[1] is 18 or 19                         // benchmarking
                || address.Equals(AzureWireServer);                      // Azure's metadata and DHCP host
        }
        var v6 = address.GetAddressBytes();
        return IPAddress.IsLoopback(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            // IPv4 inside IPv6 (compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) reaches that IPv4 address.
            || v6.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && IsInternal(new IPAddress(v6.AsSpan(12, 4)))
            || v6.AsSpan(0, 12).SequenceEqual(Nat64Prefix) && IsInternal(new IPAddress(v6.AsSpan(12, 4)))
            || v6[0] == 0x20 && v6[1] == 0x02 && IsInternal(new IPAddress(v6.AsSpan(2, 4)));
    }

    private static readonly IPAddress AzureWireServer = IPAddress.Parse("168.63.129.16");
    private static readonly byte[] Nat64Prefix = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
}
