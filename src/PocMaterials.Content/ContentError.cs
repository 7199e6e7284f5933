namespace PocMaterials.Content;

/// <summary>A problem in a content file, located so an editor can fix it: file, line and field, and what is wrong.</summary>
public sealed record ContentError(string File, int Line, string Field, ContentFault Fault)
{
    /// <summary>The kind of error, stable for machines: a page words it in its own language by it (<see cref="ContentFaults"/>).</summary>
    public string Code => Fault.Code;

    /// <summary>What is wrong, in English, for the command line and the log.</summary>
    public string Message => Fault.Message;

    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>
/// What is wrong, said twice: a stable code with the values a page needs to word it (the unknown term, the limit), and
/// an English message. Made by <see cref="ContentFaults"/> only, so one kind of error always has one code.
/// </summary>
public sealed record ContentFault(string Code, string Message, IReadOnlyDictionary<string, object> Values)
{
    // The message holds every value, so it stands for them: errors compare by value (a reload logs only new ones).
    public bool Equals(ContentFault? other) => other is not null && Code == other.Code && Message == other.Message;

    public override int GetHashCode() => HashCode.Combine(Code, Message);
}
