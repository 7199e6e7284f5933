namespace PocMaterials.Testing.Smtp;

/// <summary>
/// How a <see cref="TestSmtpServer"/> misbehaves. Set at start, or replaced on a running server with
/// <see cref="TestSmtpServer.SetBehaviourAsync"/>; a replacement applies to every SMTP command after it returns.
/// The default accepts everything at once.
/// </summary>
public sealed record SmtpBehaviour
{
    /// <summary>Addresses answered <c>550 5.1.1</c> at RCPT TO (case-insensitive); the connection stays open.</summary>
    public IReadOnlyCollection<string> RejectPermanently { get; init; } = [];

    /// <summary>Addresses answered <c>451 4.3.0</c> at RCPT TO (case-insensitive); the connection stays open.</summary>
    public IReadOnlyCollection<string> RejectTransiently { get; init; } = [];

    /// <summary>
    /// Accept this many messages, counted from when this behaviour took effect, then answer every further
    /// message's end of DATA with <c>421 4.3.2</c> and close that connection: a server failing mid-run.
    /// Null: no limit.
    /// </summary>
    public int? AcceptMessages { get; init; }

    /// <summary>Waited after each message's data arrives, before its final reply (250 or 421).</summary>
    public TimeSpan DelayPerMessage { get; init; } = TimeSpan.Zero;
}
