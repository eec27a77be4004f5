import Foundation

/// What Python's standard mail parser (`email.message_from_bytes` with the
/// default policy) reads in an email render, plus facts about its raw lines.
struct EmailProbe {
    struct Part {
        let contentType: String
        let charset: String
        let transferEncoding: String
        /// As the parser decodes it: MIME text uses CRLF line breaks.
        let content: String
        /// The content with CRLF line breaks turned back into `\n`.
        var text: String { content.replacingOccurrences(of: "\r\n", with: "\n") }
    }

    let headers: [String: String]
    let fromAddress: String
    let fromName: String
    let contentType: String
    let boundary: String
    let parts: [Part]
    let defects: [String]
    let hasBareLineFeed: Bool
    let hasNonASCII: Bool
    let longestLine: Int
    let longestHeaderLine: Int
    let encodedPartLines: [String]

    static let script = #"""
    import email, json, sys
    from email import policy
    raw = sys.stdin.buffer.read()
    message = email.message_from_bytes(raw, policy=policy.default)
    defects = [type(d).__name__ for d in message.defects]
    parts = []
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
        if part.is_multipart():
            continue
        parts.append({'type': part.get_content_type(), 'charset': part.get_content_charset() or '',
                      'cte': str(part.get('Content-Transfer-Encoding', '')), 'content': part.get_content()})
    headers = {}
    for name in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'List-Unsubscribe',
                 'List-Unsubscribe-Post'):
        value = message.get(name)
        if value is not None:
            headers[name] = str(value)
    sender = message['From'].addresses[0] if message['From'] is not None else None
    head, _, body = raw.partition(b'\r\n\r\n')
    lines = raw.split(b'\r\n')
    body_lines = [l.decode('ascii', 'replace') for l in body.split(b'\r\n') if not l.startswith(b'--')]
    print(json.dumps({
        'headers': headers,
        'fromAddress': sender.addr_spec if sender else '',
        'fromName': sender.display_name if sender else '',
        'contentType': message.get_content_type(),
        'boundary': message.get_boundary() or '',
        'parts': parts,
        'defects': defects,
        'bareLF': b'\n' in raw.replace(b'\r\n', b''),
        'nonASCII': any(b > 127 for b in raw),
        'longestLine': max(len(l) for l in lines),
        'longestHeaderLine': max(len(l) for l in head.split(b'\r\n')),
        'bodyLines': body_lines,
    }))
    """#

    init(email: String) throws {
        let json = try ExternalTool.python(Self.script, input: Data(email.utf8))
        headers = json["headers"] as? [String: String] ?? [:]
        fromAddress = json["fromAddress"] as? String ?? ""
        fromName = json["fromName"] as? String ?? ""
        contentType = json["contentType"] as? String ?? ""
        boundary = json["boundary"] as? String ?? ""
        parts = (json["parts"] as? [[String: Any]] ?? []).map { part in
            Part(
                contentType: part["type"] as? String ?? "",
                charset: part["charset"] as? String ?? "",
                transferEncoding: part["cte"] as? String ?? "",
                content: part["content"] as? String ?? "")
        }
        defects = json["defects"] as? [String] ?? []
        hasBareLineFeed = json["bareLF"] as? Bool ?? true
        hasNonASCII = json["nonASCII"] as? Bool ?? true
        longestLine = json["longestLine"] as? Int ?? Int.max
        longestHeaderLine = json["longestHeaderLine"] as? Int ?? Int.max
        encodedPartLines = json["bodyLines"] as? [String] ?? []
    }
}
