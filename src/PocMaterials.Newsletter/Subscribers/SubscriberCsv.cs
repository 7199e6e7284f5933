using System.Buffers;
using System.Text;
using CsvHelper;
using PocMaterials.Content.Taxonomy;
using PocMaterials.Content.Visibility;

namespace PocMaterials.Newsletter.Subscribers;

/// <summary>
/// The subscriber import file: UTF-8 CSV with the header <c>email,name,roles,centre</c> (any order), one
/// subscriber a row. Roles are role ids of taxonomy.yml separated by <c>|</c> (a <c>;</c> would be taken for
/// the field separator of a Dutch spreadsheet); clb-medewerker is implied. The centre is a centre id or empty.
/// Every error of every line is reported; a file with any error gives no subscribers at all.
/// </summary>
public static class SubscriberCsv
{
    /// <summary>The largest file taken: far above 2,000 staff, far below what a request should carry.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public const int MaxRows = 50_000;

    public const char RoleSeparator = '|';

    public const string Header = "email,name,roles,centre";

    private const int MaxNameLength = 200;

    private static readonly string[] Columns = Header.Split(',');

    /// <returns>The whole input, or null when it is larger than <see cref="MaxBytes"/> (read no further).</returns>
    public static async Task<byte[]?> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The rows of a file, or every error in it (then no rows).</summary>
    public static (IReadOnlyList<ImportedSubscriber> Rows, IReadOnlyList<ImportError> Errors) Parse(byte[] csv, MaterialTaxonomy taxonomy)
    {
        if (EncodingErrors(csv) is { Count: > 0 } encodingErrors)
            return ([], encodingErrors);
        var errors = new List<ImportError>();
        var rows = new List<ImportedSubscriber>();
        var options = CsvReaderOptions.Default with
        {
            // Fixed rather than detected: a file that a spreadsheet saved with ';' gets a clear header error.
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => errors.Add(new ImportError((int)record.LineNumber, null, Malformed(record.Reason), "malformed")),
        };
        using var reader = CsvReader.Create(csv, options);
        var header = reader.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
            return ([], [new ImportError(null, null, $"the file is empty; the first line must be the header {Header}", "empty-file")]);
        if (HeaderProblem(header) is { } headerProblem)
            return ([], [new ImportError(1, null, headerProblem, "header", string.Join(",", header))]);
        var index = Columns.ToDictionary(
            c => c,
            c => header.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        var firstLineOf = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            if (++count > MaxRows)
                return ([], [new ImportError(line, null, $"the file has more than {MaxRows:N0} rows; split it", "too-many-rows")]);
            if (reader.FieldCount != Columns.Length)
            {
                errors.Add(new ImportError(
                    line, null, $"{reader.FieldCount} fields where the header has {Columns.Length} ({Header})", "field-count"));
                continue;
            }
            var row = Row(line, c => reader.GetString(index[c]), taxonomy, firstLineOf, errors);
            if (row is not null)
                rows.Add(row);
        }
        if (count == 0 && errors.Count == 0)
            errors.Add(new ImportError(null, null, "the file has a header but no subscribers", "no-rows"));
        return errors.Count > 0 ? ([], errors.OrderBy(e => e.Line).ToList()) : (rows, []);
    }

    /// <summary>
    /// Each line holding bytes that are not UTF-8, at its first such byte. Decoded as it is, a file that a spreadsheet
    /// saved as Latin-1 or Windows-1252 would store every accented name with replacement characters.
    /// </summary>
    private static List<ImportError> EncodingErrors(byte[] csv)
    {
        var errors = new List<ImportError>();
        var line = 1;
        var lineStart = 0;
        var rest = csv.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(rest, out var rune, out var length) == OperationStatus.InvalidData)
            {
                var offset = csv.Length - rest.Length;
                if (errors.LastOrDefault()?.Line != line)
                {
                    errors.Add(new ImportError(
                        line,
                        null,
                        $"byte 0x{csv[offset]:X2} (byte {offset - lineStart + 1} of the line) is not UTF-8; " +
                        "save the file as CSV UTF-8 (a spreadsheet's plain CSV may be Latin-1 or Windows-1252)",
                        "not-utf8"));
                }
            }
            else if (rune.Value == '\n')
            {
                line++;
                lineStart = csv.Length - rest.Length + length;
            }
            rest = rest[length..];
        }
        return errors;
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote =>
            "a quote inside a field that does not start with one; put the field in quotes and double the quote",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        _ => $"malformed line ({reason})",
    };

    private static string? HeaderProblem(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (names.Count == Columns.Length && names.Order(StringComparer.Ordinal).SequenceEqual(Columns.Order(StringComparer.Ordinal)))
            return null;
        var found = string.Join(",", header);
        return found.Contains(';', StringComparison.Ordinal)
            ? $"the header must be {Header}, separated by commas; found '{found}' (save the file as CSV with commas, not semicolons)"
            : $"the header must be {Header}; found '{found}'";
    }

    /// <summary>One subscriber as a form gives them, checked as a line of a file is: the row, or its errors (line 1).</summary>
    public static (ImportedSubscriber? Row, IReadOnlyList<ImportError> Errors) Check(
        string email, string name, string roles, string centre, MaterialTaxonomy taxonomy)
    {
        var errors = new List<ImportError>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = email, ["name"] = name, ["roles"] = roles, ["centre"] = centre,
        };
        var row = Row(1, c => fields[c], taxonomy, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), errors);
        return (row, errors);
    }

    private static ImportedSubscriber? Row(
        int line,
        Func<string, string> field,
        MaterialTaxonomy taxonomy,
        Dictionary<string, int> firstLineOf,
        List<ImportError> errors)
    {
        var before = errors.Count;
        var email = field("email").Trim();
        if (SubscriberEmail.Problem(email) is { } emailProblem)
            errors.Add(new ImportError(line, "email", emailProblem, "invalid-email", email));
        else if (!firstLineOf.TryAdd(email, line))
        {
            errors.Add(new ImportError(
                line, "email", $"'{email}' is already on line {firstLineOf[email]} (addresses are compared without case)", "duplicate",
                firstLineOf[email].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var name = field("name").Trim();
        if (name.Length == 0)
            errors.Add(new ImportError(line, "name", "missing name", "required"));
        else if (name.Length > MaxNameLength)
            errors.Add(new ImportError(line, "name", $"the name is longer than {MaxNameLength} characters", "too-long"));
        else if (name.Any(char.IsControl))
            errors.Add(new ImportError(line, "name", "the name contains control characters", "control-character"));

        var roles = field("roles").Split(RoleSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        // As for a webhook receiver: an editor's mail would list drafts and every role's materials.
        if (roles.Contains(StaffRoles.Editor))
        {
            errors.Add(new ImportError(
                line,
                "roles",
                $"'{StaffRoles.Editor}' is not a subscriber's role: it sees drafts and every role's materials; " +
                "give the roles whose materials the mail should show",
                "editor-role"));
        }
        foreach (var role in roles.Where(r => r != StaffRoles.Editor && !taxonomy.Roles.Contains(r)))
        {
            var hint = role.IndexOfAny([';', ',']) >= 0 ? $" (separate roles with {RoleSeparator})" : "";
            var known = string.Join(", ", taxonomy.Roles.All.Select(t => t.Id));
            errors.Add(new ImportError(
                line, "roles", $"unknown role '{role}'{hint}; roles are ids of taxonomy.yml: {known}", "unknown-term", role));
        }

        var centre = field("centre").Trim();
        if (centre.Length > 0 && !taxonomy.Centres.Contains(centre))
            errors.Add(new ImportError(
                line, "centre", $"unknown centre '{centre}'; centres are ids of taxonomy.yml", "unknown-term", centre));

        if (errors.Count > before)
            return null;
        // Sorted and with clb-medewerker, as a token's roles are read: a re-import of the same roles changes nothing.
        string[] allRoles = [.. roles.Append(StaffRoles.Everyone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new ImportedSubscriber(line, email, name, allRoles, centre.Length > 0 ? centre : null);
    }
}
