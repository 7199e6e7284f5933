using System.Text;
using MimeKit;

namespace PocMaterials.Testing.Imap;

/// <summary>
/// Messages as real mail servers write them into a bounce mailbox: delivery status notifications in the layouts of
/// Postfix, Exchange Online and Gmail, a delayed delivery, an ARF spam complaint, an out-of-office reply and an
/// unrelated mail. Each bounce is addressed to the return path of the mail that bounced, as an MTA addresses it.
/// </summary>
public static class BounceSamples
{
    public static MimeMessage Postfix(string returnPath, string recipient, string id) => Load($$"""
        Return-Path: <>
        Delivered-To: {{returnPath}}
        Date: Mon, 7 Dec 2026 08:01:02 +0100 (CET)
        From: MAILER-DAEMON@mx1.scholengroep.example (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: {{returnPath}}
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="A1B2C3.1765090862/mx1"
        Message-Id: <{{id}}@mx1.scholengroep.example>

        This is a MIME-encapsulated message.

        --A1B2C3.1765090862/mx1
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx1.scholengroep.example.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        <{{recipient}}>: host mail.scholengroep.example[10.0.0.5] said: 550 5.1.1
            <{{recipient}}>: Recipient address rejected: User unknown in virtual mailbox table

        --A1B2C3.1765090862/mx1
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx1.scholengroep.example
        X-Postfix-Queue-ID: A1B2C3
        Arrival-Date: Mon,  7 Dec 2026 08:01:01 +0100 (CET)

        Final-Recipient: rfc822; {{recipient}}
        Original-Recipient: rfc822;{{recipient}}
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mail.scholengroep.example
        Diagnostic-Code: smtp; 550 5.1.1 <{{recipient}}>: Recipient address rejected: User unknown

        --A1B2C3.1765090862/mx1
        Content-Description: Undelivered Message Headers
        Content-Type: text/rfc822-headers

        From: POC-a-tizer <poc-a-tizer@example.org>
        To: {{recipient}}
        Subject: POC-a-tizer december 2026

        --A1B2C3.1765090862/mx1--
        """);

    public static MimeMessage ExchangeOnline(string returnPath, string recipient, string id) => Load($$"""
        From: postmaster@clbgo.onmicrosoft.com
        To: {{returnPath}}
        Date: Mon, 7 Dec 2026 07:01:02 +0000
        Subject: Undeliverable: POC-a-tizer december 2026
        Message-ID: <{{id}}@AM6PR02MB1234.eurprd02.prod.outlook.com>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
         boundary="_000_AM6PR02MB1234_"

        --_000_AM6PR02MB1234_
        Content-Type: text/plain; charset="us-ascii"

        Your message to {{recipient}} couldn't be delivered.
        {{recipient.Split('@')[0]}} wasn't found at clbgo.be.

        --_000_AM6PR02MB1234_
        Content-Type: message/delivery-status

        Reporting-MTA: dns;AM6PR02MB1234.eurprd02.prod.outlook.com
        Received-From-MTA: dns;mail.example.org
        Arrival-Date: Mon, 7 Dec 2026 07:01:01 +0000

        Final-Recipient: rfc822;{{recipient}}
        Action: failed
        Status: 5.1.10
        Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

        --_000_AM6PR02MB1234_--
        """);

    public static MimeMessage Gmail(string returnPath, string recipient, string id) => Load($$"""
        Delivered-To: {{returnPath}}
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: {{returnPath}}
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        Message-ID: <{{id}}@mx.google.com>
        Date: Mon, 07 Dec 2026 00:01:02 -0800
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="000000000000gmail"; report-type=delivery-status

        --000000000000gmail
        Content-Type: text/plain; charset="UTF-8"

        Address not found. Your message wasn't delivered to {{recipient}} because the address couldn't be found.

        --000000000000gmail
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Arrival-Date: Mon, 07 Dec 2026 00:01:01 -0800

        Final-Recipient: rfc822; {{recipient}}
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; gmail-smtp-in.l.google.com. (2a00:1450:400c:c0b::1a, the server for the domain gmail.com.)
        Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist.
        Last-Attempt-Date: Mon, 07 Dec 2026 00:01:02 -0800

        --000000000000gmail--
        """);

    public static MimeMessage Delayed(string returnPath, string recipient, string id) => Load($$"""
        Delivered-To: {{returnPath}}
        From: MAILER-DAEMON@mx1.scholengroep.example (Mail Delivery System)
        To: {{returnPath}}
        Subject: Delayed Mail (still being retried)
        Message-Id: <{{id}}@mx1.scholengroep.example>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="D1/mx1"

        --D1/mx1
        Content-Type: text/plain; charset=us-ascii

        This is a warning only. Your message could not be delivered for 4 hours; it will be retried until 5 days old.

        --D1/mx1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx1.scholengroep.example

        Final-Recipient: rfc822; {{recipient}}
        Action: delayed
        Status: 4.2.2
        Diagnostic-Code: smtp; 452 4.2.2 Mailbox full

        --D1/mx1--
        """);

    /// <summary>An ARF complaint as a mailbox provider sends it: the reported mail as delivered, with its headers.</summary>
    public static MimeMessage Complaint(MimeMessage reported, string id)
    {
        var original = new StringBuilder();
        foreach (var header in reported.Headers)
            original.Append(header.Field).Append(": ").Append(header.Value.Trim()).Append("\r\n");
        return Load($$"""
            From: staff@feedback.outlook.example
            To: abuse-reports@example.org
            Subject: complaint about message from 192.0.2.10
            Message-ID: <{{id}}@feedback.outlook.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="arf"

            --arf
            Content-Type: text/plain; charset="US-ASCII"

            This is an email abuse report for an email message received from IP 192.0.2.10.

            --arf
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: OutlookFBL/1.0
            Version: 1
            Original-Mail-From: <bounces@example.org>
            Arrival-Date: Mon, 7 Dec 2026 08:10:00 +0000

            --arf
            Content-Type: message/rfc822
            Content-Disposition: inline

            {{original}}
            (body removed)

            --arf--
            """);
    }

    public static MimeMessage OutOfOffice(string returnPath, string id) => Load($$"""
        From: An Peeters <an.peeters@scholengroep.example>
        To: {{returnPath}}
        Subject: Automatisch antwoord: POC-a-tizer december 2026
        Message-ID: <{{id}}@scholengroep.example>
        Auto-Submitted: auto-replied
        X-Auto-Response-Suppress: All
        Content-Type: text/plain; charset=utf-8

        Ik ben afwezig tot 4 januari. Voor dringende vragen: bel het CLB.
        """);

    public static MimeMessage Unrelated(string id) => Load($$"""
        From: Jan Claes <jan.claes@clb.example.org>
        To: bounces@example.org
        Subject: Vraag over de nieuwsbrief van december
        Message-ID: <{{id}}@clb.example.org>
        Content-Type: text/plain; charset=utf-8

        Dag, kan ik de nieuwsbrief ook op papier krijgen? Fout 5.1.1 zag ik nergens.
        """);

    private static MimeMessage Load(string text) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));
}
