using PocMaterials.Content.Taxonomy;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>What became of an import file.</summary>
public abstract record SubscriberImportResult
{
    private SubscriberImportResult()
    {
    }

    public sealed record Imported(ImportCounts Counts) : SubscriberImportResult;

    /// <summary>Nothing was written: every error of the file.</summary>
    public sealed record Rejected(IReadOnlyList<ImportError> Errors) : SubscriberImportResult
    {
        public string Summary => (Errors.Count == 1 ? "1 error" : $"{Errors.Count} errors") + "; nothing was imported.";
    }

    /// <summary>Nothing was written, or even read to the end: the file is over <see cref="SubscriberCsv.MaxBytes"/>.</summary>
    public sealed record TooLarge : SubscriberImportResult
    {
        public string Reason => $"The file is larger than {SubscriberCsv.MaxBytes / (1024 * 1024)} MiB.";
    }
}

/// <summary>
/// An import file, from reading to writing: the one path of the import endpoint and the <c>subscribers import</c> command.
/// </summary>
public sealed class SubscriberImport(SubscriberStore store)
{
    /// <param name="taxonomy">The current taxonomy: roles and centres must be its ids.</param>
    /// <param name="dryRun">Only count what the import would do (in a transaction that is rolled back): its preview.</param>
    public async Task<SubscriberImportResult> ImportAsync(
        Stream csv, MaterialTaxonomy taxonomy, CancellationToken cancellationToken, bool dryRun = false)
    {
        if (await SubscriberCsv.ReadAsync(csv, cancellationToken) is not { } bytes)
            return new SubscriberImportResult.TooLarge();
        var (rows, errors) = SubscriberCsv.Parse(bytes, taxonomy);
        return errors.Count > 0
            ? new SubscriberImportResult.Rejected(errors)
            : new SubscriberImportResult.Imported(await store.ImportAsync(rows, cancellationToken, dryRun));
    }
}
