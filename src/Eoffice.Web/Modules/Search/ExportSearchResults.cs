using Eoffice.Web.Modules.Organization.Contracts;
using Eoffice.Web.Platform.Audit;
using Eoffice.Web.Platform.Reporting;
using Eoffice.Web.Platform.Rules;
using Eoffice.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Eoffice.Web.Modules.Search;

/// <summary>
/// Xuất kết quả tìm kiếm (Decree 30 Phụ lục VI III.6): the results of a search — at most <see cref="MaxRows"/>, only what
/// the reader may see, in the chosen columns and order — as .xlsx, PDF or .docx, titled "Kết quả tìm kiếm" with the
/// words and filters described and the printed-by mark, audited as <c>search.export</c>.
/// <c>GET /tim-kiem/xuat?format=xlsx|pdf|docx&amp;q=…&amp;cols=…</c>, the search page's buttons.
/// </summary>
public sealed class ExportSearchResults(RunSearch search, ICurrentUser currentUser, TimeProvider time, IOrganizationDirectory organization,
    IReportPdfRenderer pdf, IAuditLog audit)
{
    public const int MaxRows = 5000;
    public const string Title = "Kết quả tìm kiếm";
    public const string FormatMessage = "Định dạng tệp phải là xlsx, pdf hoặc docx.";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";
    public const string DocxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public enum Format
    {
        Xlsx = 0,
        Pdf = 1,
        Docx = 2,
    }

    public sealed record File(Stream Content, string ContentType, string FileName);

    public static Format? ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "xlsx" => Format.Xlsx,
        "pdf" => Format.Pdf,
        "docx" => Format.Docx,
        _ => null,
    };

    public const string NoCriteriaMessage = "Vui lòng nhập từ khóa hoặc chọn bộ lọc trước khi xuất kết quả.";

    /// <summary>What the endpoint refuses with 400 before anything runs: the format, the search's own checks, an empty search.</summary>
    public static Dictionary<string, string[]> Validate(SearchRequest request, string? format)
    {
        var errors = request.Validate();
        if (ParseFormat(format) is null)
        {
            errors["format"] = [FormatMessage];
        }

        if (errors.Count == 0 && !SearchQueryString.HasCriteria(request))
        {
            errors["q"] = [NoCriteriaMessage];
        }

        return errors;
    }

    public async Task<File> HandleAsync(SearchRequest request, IReadOnlyList<SearchColumn> columns, string? format, CancellationToken cancellationToken)
    {
        if (Validate(request, format) is { Count: > 0 } errors)
        {
            var (field, messages) = errors.First();
            throw RuleException.Invalid(messages[0], field);
        }

        var kind = ParseFormat(format)!.Value;

        var hits = await search.AllAsync(request with { Page = 1 }, MaxRows, cancellationToken);
        var agency = currentUser.AgencyId is { } agencyId ? (await organization.FindAgencyAsync(agencyId, cancellationToken))?.FullName ?? "" : "";
        var report = Build(request, columns, hits, agency, PrintedByMark.Of(currentUser.FullName ?? currentUser.UserName, time.GetUtcNow()), time.GetUtcNow());
        var file = kind switch
        {
            Format.Pdf => await PdfAsync(report, cancellationToken),
            Format.Docx => new File(new MemoryStream(await DocxReportWriter.WriteAsync(report, cancellationToken)), DocxContentType, report.FileName + ".docx"),
            _ => new File(await XlsxWriter.WriteAsync(report, "Kết quả", cancellationToken), XlsxContentType, report.FileName + ".xlsx"),
        };
        await audit.RecordAsync(new AuditEvent("search.export", "search", Details:
            $"{Title} ({kind.ToString().ToLowerInvariant()}, {hits.Count} kết quả): {string.Join("; ", Describe(request, hits))}"), cancellationToken);
        return file;
    }

    private async Task<File> PdfAsync(PrintedReport report, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        await pdf.RenderAsync(report, buffer, cancellationToken);
        buffer.Position = 0;
        return new File(buffer, PdfContentType, report.FileName + ".pdf");
    }

    /// <summary>The report of the hits: a cover describing the search, then the table of the chosen columns.</summary>
    public static PrintedReport Build(SearchRequest request, IReadOnlyList<SearchColumn> columns, IReadOnlyList<SearchHit> hits, string agencyName,
        string printedBy, DateTimeOffset now)
    {
        var lines = Describe(request, hits).ToList();
        lines.Add(hits.Count >= MaxRows
            ? $"Số kết quả: {MaxRows:N0} kết quả đầu tiên (có thể còn nhiều hơn)".Replace(",", ".", StringComparison.Ordinal)
            : $"Số kết quả: {hits.Count}");
        var table = new ReportTable(
            [new ReportColumn("STT", 3, Numeric: true), .. columns.Select(c => c.ToReport())],
            ReportRows.From(hits.Select((hit, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), .. columns.Select(c => SearchColumns.TextOf(c, hit))])));
        var local = Platform.Time.VietnamTime.ToLocal(now);
        return new PrintedReport(Title, agencyName, Landscape: columns.Count > 4, printedBy, new ReportCover(agencyName, Title, lines), [table],
            $"ket-qua-tim-kiem-{local:yyyyMMdd-HHmm}");
    }

    /// <summary>The words and filters in words ("Từ khóa: …", "Loại: Văn bản đến"), names taken from the hits (each has the filtered value).</summary>
    public static IEnumerable<string> Describe(SearchRequest request, IReadOnlyList<SearchHit> hits)
    {
        var first = hits.Count > 0 ? hits[0] : null;
        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            yield return $"Từ khóa: {request.Q.Trim()}";
        }

        if (request.Kind is { } kind)
        {
            yield return $"Loại: {first?.KindName ?? kind}";
        }

        if (request.From is not null || request.To is not null)
        {
            yield return (request.From, request.To) switch
            {
                ({ } f, { } t) => $"Từ ngày {f:dd/MM/yyyy} đến ngày {t:dd/MM/yyyy}",
                ({ } f, null) => $"Từ ngày {f:dd/MM/yyyy}",
                (_, { } t) => $"Đến ngày {t:dd/MM/yyyy}",
                _ => "",
            };
        }

        if (request.Type is { } type)
        {
            yield return $"Loại văn bản: {first?.TypeName ?? type}";
        }

        if (request.Organ is { } organ)
        {
            yield return $"Cơ quan ban hành: {organ}";
        }

        if (request.RegisterId is { } register)
        {
            yield return $"Sổ: {first?.RegisterName ?? register.ToString()}";
        }

        if (request.UnitId is { } unit)
        {
            yield return $"Đơn vị: {first?.UnitName ?? unit.ToString()}";
        }

        if (request.State is { } state)
        {
            yield return $"Trạng thái: {first?.StateName ?? state}";
        }

        yield return $"Sắp xếp: {SortName(request.Sort)}";
    }

    public static string SortName(SearchSort sort) => sort switch
    {
        SearchSort.Oldest => "cũ nhất trước",
        SearchSort.Relevance => "liên quan nhất trước",
        _ => "mới nhất trước",
    };

    internal static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/tim-kiem/xuat", async Task<Results<FileStreamHttpResult, ValidationProblem>> (HttpRequest http, string? format, ExportSearchResults handler,
                CancellationToken ct) =>
                {
                    var request = SearchQueryString.FromValues(key => http.Query[key]);
                    if (Validate(request, format) is { Count: > 0 } errors)
                    {
                        return TypedResults.ValidationProblem(errors, title: errors.First().Value[0]);
                    }

                    var columns = SearchColumns.Parse(string.Join(',', http.Query["cols"].ToArray())) ?? SearchColumns.Default;
                    var file = await handler.HandleAsync(request, columns, format, ct);
                    return TypedResults.File(file.Content, file.ContentType, file.FileName);
                })
            .RequireAuthorization()
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType, additionalContentTypes: [PdfContentType, DocxContentType])
            .ProducesValidationProblem()
            .WithName("ExportSearchResults")
            .WithSummary("Xuất kết quả tìm kiếm (.xlsx, PDF hoặc .docx), tối đa 5.000 kết quả, với các cột đã chọn.");
}
