namespace PocMaterials.Content;

/// <summary>A problem in a content file, located so an editor can fix it: file, line and field.</summary>
public sealed record ContentError(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}
