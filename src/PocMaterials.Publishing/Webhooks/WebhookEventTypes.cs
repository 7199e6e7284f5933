namespace PocMaterials.Publishing.Webhooks;

/// <summary>The event types a receiver may subscribe to.</summary>
public static class WebhookEventTypes
{
    /// <summary>Became visible: created published, a draft published, or its scheduled date came.</summary>
    public const string Published = "material.published";

    /// <summary>Visible before and after, and its file changed.</summary>
    public const string Updated = "material.updated";

    /// <summary>Was visible, is now a draft, scheduled for later, or no longer for the receiver's roles.</summary>
    public const string Unpublished = "material.unpublished";

    /// <summary>Was visible, and its file is gone.</summary>
    public const string Removed = "material.removed";

    /// <summary>Sent on an editor's request, to try a receiver; nobody subscribes to it.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> Material = [Published, Updated, Unpublished, Removed];
}
