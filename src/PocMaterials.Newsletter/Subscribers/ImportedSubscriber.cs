namespace PocMaterials.Newsletter.Subscribers;

/// <summary>A valid row of an import file, checked and normalised: roles sorted, clb-medewerker among them.</summary>
public sealed record ImportedSubscriber(int Line, string Email, string Name, string[] Roles, string? Centre);

/// <summary>
/// What is wrong with an import file: a line (null for the file as a whole), a column if one is at fault, and why; the
/// stable code (README, Subscribers) and the value at fault let a page say it in Dutch.
/// </summary>
public sealed record ImportError(int? Line, string? Column, string Message, string Code, string? Value = null)
{
    public override string ToString() =>
        (Line is null ? "file" : $"line {Line}") + (Column is null ? "" : $", {Column}") + ": " + Message;
}

/// <summary>What an import did, per row of the file.</summary>
public sealed record ImportCounts(int Created, int Updated, int Unchanged, int SkippedUnsubscribed);
