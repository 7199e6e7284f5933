using System.Globalization;
using CsvHelper;

namespace PocMaterials.Reach.Reports;

/// <summary>
/// RFC 4180 CSV for editors, who open it in a spreadsheet: one header row, fields quoted where they must be.
/// Text that a spreadsheet would run as a formula (a search for "=HYPERLINK(...)") is neutralised as OWASP
/// advises: a field starting with =, +, -, @, tab or CR gets a single quote in front, and quotes. Numbers and
/// dates are left alone, so a negative number stays a number.
/// </summary>
public static class Csv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var name in header)
                csv.WriteField(name);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                    csv.WriteField(value);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }
}
