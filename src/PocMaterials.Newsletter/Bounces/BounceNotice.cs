namespace PocMaterials.Newsletter.Bounces;

/// <summary>What a message in the bounce mailbox says about a delivery.</summary>
public enum BounceKind
{
    /// <summary>The address does not exist or refuses for good (5.x.x): suppressed at once.</summary>
    Hard,

    /// <summary>Delivery failed for now (4.x.x, delayed): suppressed after several within a while.</summary>
    Soft,

    /// <summary>The reader marked the mail as spam (an ARF feedback report): suppressed at once, counted apart.</summary>
    Complaint,

    /// <summary>An out-of-office or other automatic reply: recognised, and changes nothing.</summary>
    AutoReply,
}

/// <summary>A recognised message: its kind, the delivery it is about, and the code and answer the report gives.</summary>
/// <param name="Key">What identifies the message itself, so reading it twice records it once.</param>
public sealed record BounceNotice(string Key, BounceKind Kind, BouncedDelivery? Delivery, string? Status, string? Diagnostic);
