using System.Text;
using PocMaterials.Newsletter.Subscribers;

namespace PocMaterials.Newsletter.Tests.Subscribers;

/// <summary>Reading import files: every error of every line, or clean rows.</summary>
public sealed class SubscriberCsvTests
{
    private static (IReadOnlyList<ImportedSubscriber> Rows, IReadOnlyList<ImportError> Errors) Parse(string csv) =>
        SubscriberCsv.Parse(Encoding.UTF8.GetBytes(csv), SubscriberDatabase.Taxonomy);

    [Fact]
    public void A_good_file_gives_its_rows_with_clb_medewerker_implied_and_roles_sorted()
    {
        var (rows, errors) = Parse("""
            email,name,roles,centre
            jan.peeters@example.org,Jan Peeters,verpleegkundige|arts,gent
            "an.smet@example.org","Smet, An",,
             els@example.org , Els Maes ,directeur | arts,brussel
            """);

        Assert.Empty(errors);
        Assert.Equal(3, rows.Count);
        Assert.Equal((2, "jan.peeters@example.org", "Jan Peeters", "gent"), (rows[0].Line, rows[0].Email, rows[0].Name, rows[0].Centre));
        Assert.Equal(["arts", "clb-medewerker", "verpleegkundige"], rows[0].Roles);
        Assert.Equal(("Smet, An", null as string), (rows[1].Name, rows[1].Centre));
        Assert.Equal(["clb-medewerker"], rows[1].Roles);
        Assert.Equal(("els@example.org", "Els Maes", 4), (rows[2].Email, rows[2].Name, rows[2].Line));
        Assert.Equal(["arts", "clb-medewerker", "directeur"], rows[2].Roles);
    }

    [Fact]
    public void A_bad_file_lists_every_error_of_every_line_and_gives_no_rows()
    {
        var (rows, errors) = Parse("""
            email,name,roles,centre
            goed@example.org,Goed,,gent
            geen-adres,Piet,,gent
            Jan <jan@example.org>,,piloot,gent
            ok@example.org,Ok,arts;directeur,antwerpen
            GOED@example.org,Dubbel,,
            te,weinig
            jan@localhost,Jan,,
            """);

        Assert.Empty(rows);
        string[] expected =
            [
                "line 3, email: 'geen-adres' is not an email address",
                "line 4, email: 'Jan <jan@example.org>' is not an email address",
                "line 4, name: missing name",
                "line 4, roles: unknown role 'piloot'",
                "line 5, roles: unknown role 'arts;directeur' (separate roles with |)",
                "line 5, centre: unknown centre 'antwerpen'",
                "line 6, email: 'GOED@example.org' is already on line 2 (addresses are compared without case)",
                "line 7: 2 fields where the header has 4 (email,name,roles,centre)",
                "line 8, email: 'jan@localhost' has no internet domain after the @",
            ];
        Assert.Equal(expected.Length, errors.Count);
        // Role and centre errors go on to list the ids of taxonomy.yml.
        foreach (var (error, text) in errors.Zip(expected))
            Assert.StartsWith(text, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "file: the file is empty")]
    [InlineData("\n\n", "file: the file is empty")]
    [InlineData("email,name,roles,centre\n", "file: the file has a header but no subscribers")]
    [InlineData(
        "email,naam,rollen,centrum\na@example.org,A,,\n",
        "line 1: the header must be email,name,roles,centre; found 'email,naam,rollen,centrum'")]
    [InlineData("email;name;roles;centre\na@example.org;A;;\n", "line 1: the header must be email,name,roles,centre, separated by commas")]
    [InlineData("email,name,roles\na@example.org,A,\n", "line 1: the header must be email,name,roles,centre")]
    public void A_file_without_the_header_or_rows_is_one_error(string csv, string error)
    {
        var (rows, errors) = Parse(csv);

        Assert.Empty(rows);
        Assert.StartsWith(error, Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_any_case()
    {
        var (rows, errors) = Parse("Centre,EMAIL,Roles,Name\ngent,a@example.org,arts,An\n");

        Assert.Empty(errors);
        Assert.Equal(("a@example.org", "An", "gent"), (rows[0].Email, rows[0].Name, rows[0].Centre));
    }

    [Fact]
    public void A_file_as_a_spreadsheet_saves_it_with_a_byte_order_mark_and_CRLF_reads_the_same()
    {
        var (rows, errors) = Parse("\uFEFFemail,name,roles,centre\r\na@example.org,An,arts,gent\r\n");

        Assert.Empty(errors);
        Assert.Equal(("a@example.org", "An", "gent", 2), (rows[0].Email, rows[0].Name, rows[0].Centre, rows[0].Line));
    }

    [Fact]
    public void Broken_quoting_is_an_error_of_its_line()
    {
        var (rows, errors) = Parse("email,name,roles,centre\na@example.org,\"An\"x,,\nb@example.org,Bo,,\n");

        Assert.Empty(rows);
        Assert.Equal("line 2: text after the closing quote of a field", Assert.Single(errors).ToString());
    }

    [Fact]
    public void More_rows_than_the_limit_is_one_error()
    {
        var csv = new StringBuilder("email,name,roles,centre\n");
        for (var i = 0; i <= SubscriberCsv.MaxRows; i++)
            csv.Append('p').Append(i).Append("@example.org,P,,\n");

        var (rows, errors) = Parse(csv.ToString());

        Assert.Empty(rows);
        Assert.Contains("more than 50,000 rows", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_stops_past_the_size_limit()
    {
        static Task<byte[]?> ReadAsync(int bytes) => SubscriberCsv.ReadAsync(new MemoryStream(new byte[bytes]), CancellationToken.None);
        Assert.Null(await ReadAsync(SubscriberCsv.MaxBytes + 1));
        Assert.Equal(SubscriberCsv.MaxBytes, (await ReadAsync(SubscriberCsv.MaxBytes))!.Length);
    }

    [Fact]
    public void A_file_that_is_not_UTF_8_is_refused_naming_each_line_and_byte_where_it_is_not()
    {
        var latin1 = Encoding.Latin1.GetBytes(
            "email,name,roles,centre\nok@example.org,Ok,,gent\nrene@example.org,René Peeters,,gent\nzoe@example.org,Zoë Maes,,\n");

        var (rows, errors) = SubscriberCsv.Parse(latin1, SubscriberDatabase.Taxonomy);

        Assert.Empty(rows);
        Assert.Equal([3, 4], errors.Select(e => e.Line));
        Assert.StartsWith(
            "byte 0xE9 (byte 21 of the line) is not UTF-8; save the file as CSV UTF-8", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("byte 0xEB (byte 19 of the line)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_beyond_ASCII_before_the_at_is_refused_and_one_beyond_ASCII_after_it_accepted()
    {
        var (_, errors) = Parse("email,name,roles,centre\nrené@example.org,René,,gent\n");
        var (rows, accepted) = Parse("email,name,roles,centre\nrene@bücher.example.org,René,,gent\n");

        Assert.Equal(
            "line 2, email: 'rené@example.org' has characters beyond ASCII before the @, " +
            "which mail relays without SMTPUTF8 cannot carry; use the address's ASCII form",
            Assert.Single(errors).ToString());
        Assert.Empty(accepted);
        Assert.Single(rows);
    }

    [Fact]
    public void The_editor_role_is_refused_for_a_subscriber()
    {
        var (rows, errors) = Parse("email,name,roles,centre\nred@example.org,Redactie,arts|redacteur,gent\n");

        Assert.Empty(rows);
        var error = Assert.Single(errors);
        Assert.Equal((2, "roles"), (error.Line, error.Column));
        Assert.StartsWith(
            "'redacteur' is not a subscriber's role: it sees drafts and every role's materials", error.Message, StringComparison.Ordinal);
    }
}
