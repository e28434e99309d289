using System.Globalization;
using System.Xml;
using static Eoffice.Web.Modules.Exchange.Edxml.EdxmlNames;

namespace Eoffice.Web.Modules.Exchange.Edxml;

/// <summary>
/// Builds the XML of document and status packages (unsigned; <see cref="EdxmlSignature"/> signs it): the envelope, the
/// header's <c>MessageHeader</c> and <c>TraceHeaderList</c>, the body's manifest and the base64 attachments, in the
/// element order of QCVN 102. Optional elements without a value are left out.
/// </summary>
public static class EdxmlWriter
{
    public static XmlDocument Build(EdxmlDocumentPackage package)
    {
        var (xml, header, envelope) = Envelope();
        var message = Child(header, MessageHeader);
        Organ(message, "From", package.From);
        foreach (var to in package.To)
        {
            Organ(message, "To", to);
        }

        var code = Child(message, "Code");
        Text(code, "CodeNumber", package.Code.CodeNumber);
        Text(code, "CodeNotation", package.Code.CodeNotation);
        var promulgation = Child(message, "PromulgationInfo");
        Text(promulgation, "Place", package.Place);
        Text(promulgation, "PromulgationDate", Date(package.PromulgationDate));
        var type = Child(message, "DocumentType");
        Text(type, "Type", package.DocumentType.Type);
        Text(type, "TypeDetail", package.DocumentType.TypeDetail);
        Text(type, "TypeName", package.DocumentType.TypeName);
        Text(message, "Subject", package.Subject);
        Text(message, "Content", package.Content);
        if (package.Signer is { } signer)
        {
            var info = Child(message, "SignerInfo");
            Text(info, "Competence", signer.Competence);
            Text(info, "Position", signer.Position);
            Text(info, "FullName", signer.FullName);
        }

        Text(message, "DueDate", package.DueDate is { } due ? Date(due) : null);
        if (package.ToPlaces.Count > 0)
        {
            var places = Child(message, "ToPlaces");
            foreach (var place in package.ToPlaces)
            {
                Text(places, "Place", place);
            }
        }

        var other = Child(message, "OtherInfo");
        Text(other, "Priority", Number(package.OtherInfo.Priority));
        Text(other, "SphereOfPromulgation", package.OtherInfo.SphereOfPromulgation);
        Text(other, "TyperNotation", package.OtherInfo.TyperNotation);
        Text(other, "PromulgationAmount", Number(package.OtherInfo.PromulgationAmount));
        Text(other, "PageAmount", Number(package.OtherInfo.PageAmount));
        Text(other, "Direction", package.OtherInfo.Instruction);
        if (package.OtherInfo.Appendixes is { Count: > 0 } appendixes)
        {
            var list = Child(other, "Appendixes");
            foreach (var appendix in appendixes)
            {
                Text(list, "Appendix", appendix);
            }
        }

        foreach (var response in package.ResponseFor)
        {
            ResponseFor(message, response);
        }

        Text(message, "SteeringType", Number(package.SteeringType));
        Text(message, "DocumentId", package.DocumentId);

        var traces = Child(header, "TraceHeaderList");
        foreach (var trace in package.Traces)
        {
            var hop = Child(traces, "TraceHeader");
            Text(hop, "OrganId", trace.OrganId);
            Text(hop, "Timestamp", Timestamp(trace.Timestamp));
        }

        Business(traces, package.Business);

        var body = Child(envelope, Body);
        var manifest = Child(body, Manifest);
        manifest.SetAttribute("version", "1.0");
        foreach (var attachment in package.Attachments)
        {
            var reference = Child(manifest, "Reference");
            Text(reference, "ContentId", attachment.ContentId);
            Text(reference, "ContentType", attachment.ContentType);
            Text(reference, "AttachmentName", attachment.AttachmentName);
            Text(reference, "Description", attachment.Description);
        }

        var encoded = Child(envelope, AttachmentEncoded);
        foreach (var attachment in package.Attachments)
        {
            var file = Child(encoded, "Attachment");
            Text(file, "ContentId", attachment.ContentId);
            Text(file, "AttachmentName", attachment.AttachmentName);
            Text(file, "ContentType", attachment.ContentType);
            Text(file, "ContentTransferEncoded", Convert.ToBase64String(attachment.Content));
        }

        return xml;
    }

    public static XmlDocument Build(EdxmlStatusPackage status)
    {
        var (xml, header, envelope) = Envelope();
        var message = Child(header, MessageHeader);
        ResponseFor(message, status.ResponseFor);
        Organ(message, "From", status.From);
        if (status.Staff is { } staff)
        {
            Staff(message, staff);
        }

        Text(message, "StatusCode", status.StatusCode);
        Text(message, "Description", status.Description);
        Text(message, "Timestamp", Timestamp(status.Timestamp));
        Child(header, "TraceHeaderList");
        Child(envelope, Body);
        return xml;
    }

    private static (XmlDocument Xml, XmlElement Header, XmlElement Envelope) Envelope()
    {
        var xml = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        xml.AppendChild(xml.CreateXmlDeclaration("1.0", "UTF-8", null));
        var envelope = xml.CreateElement(Prefix, EdxmlNames.Envelope, Namespace);
        xml.AppendChild(envelope);
        return (xml, Child(envelope, Header), envelope);
    }

    private static void Organ(XmlElement parent, string name, EdxmlOrgan organ)
    {
        var element = Child(parent, name);
        Text(element, "OrganId", organ.OrganId);
        Text(element, "OrganizationInCharge", organ.OrganizationInCharge);
        Text(element, "OrganName", organ.OrganName);
        Text(element, "OrganAdd", organ.OrganAdd);
        Text(element, "Email", organ.Email);
        Text(element, "Telephone", organ.Telephone);
        Text(element, "Fax", organ.Fax);
        Text(element, "Website", organ.Website);
    }

    private static void ResponseFor(XmlElement parent, EdxmlResponseFor response)
    {
        var element = Child(parent, "ResponseFor");
        Text(element, "OrganId", response.OrganId);
        Text(element, "Code", response.Code);
        Text(element, "PromulgationDate", response.PromulgationDate is { } date ? Date(date) : null);
        Text(element, "DocumentId", response.DocumentId);
    }

    private static void Staff(XmlElement parent, EdxmlStaff staff)
    {
        var element = Child(parent, "StaffInfo");
        Text(element, "Department", staff.Department);
        Text(element, "Staff", staff.Staff);
        Text(element, "Mobile", staff.Mobile);
        Text(element, "Email", staff.Email);
    }

    private static void Business(XmlElement traces, EdxmlBusiness business)
    {
        var element = Child(traces, "Bussiness");
        Text(element, "BussinessDocType", Number((int)business.Kind));
        Text(element, "BussinessDocReason", business.Reason);
        if (business.Receivers is { Count: > 0 } receivers)
        {
            var info = Child(element, "BussinessDocumentInfo");
            var list = Child(info, "ReceiverList");
            foreach (var receiver in receivers)
            {
                var item = Child(list, "Receiver");
                Text(item, "ReceiverType", Number(receiver.ReceiverType));
                Text(item, "OrganId", receiver.OrganId);
            }
        }

        Text(element, "DocumentId", business.DocumentId);
        if (business.Staff is { } staff)
        {
            Staff(element, staff);
        }

        Text(element, "Paper", Number(business.Paper));
        if (business.Replacements is { Count: > 0 } replacements)
        {
            var list = Child(element, "ReplacementInfoList");
            foreach (var replacement in replacements)
            {
                var item = Child(list, "ReplacementInfo");
                Text(item, "DocumentId", replacement.DocumentId);
                var organs = Child(item, "OrganIdList");
                foreach (var organ in replacement.OrganIds)
                {
                    Text(organs, "OrganId", organ);
                }
            }
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static XmlElement Child(XmlElement parent, string name)
    {
        var element = parent.OwnerDocument.CreateElement(Prefix, name, Namespace);
        parent.AppendChild(element);
        return element;
    }

    private static void Text(XmlElement parent, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Child(parent, name).InnerText = value;
        }
    }
}
