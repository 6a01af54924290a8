import CGMime

/// Reads header fields, parameters, addresses and dates out of GMime objects.
enum HeaderReader {
    /// Header fields of one entity in original order (RFC 5322 section 2.2), decoding RFC 2047
    /// encoded-words. Enforces the header-count and physical-line-length bounds.
    static func headers(of object: UnsafeMutablePointer<GMimeObject>, path: String,
                        walker: GMimeWalker) throws(MailError) -> [MailHeader] {
        guard let list = g_mime_object_get_header_list(object) else { return [] }
        let count = max(0, Int(g_mime_header_list_get_count(list)))
        try walker.countHeaders(count, path: path)
        var result: [MailHeader] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            guard let header = g_mime_header_list_get_header_at(list, Int32(index)) else { continue }
            let name = swiftString(g_mime_header_get_name(header)) ?? ""
            if let raw = g_mime_header_get_raw_value(header) {
                try checkLineLengths(nameLength: name.utf8.count, raw: raw, path: path, limits: walker.limits)
            }
            result.append(MailHeader(name: name, value: decodedValue(header)))
        }
        return result
    }

    /// RFC 5322 section 2.1.1 line limit, applied to each physical (folded) line of the field.
    private static func checkLineLengths(nameLength: Int, raw: UnsafePointer<CChar>, path: String,
                                         limits: MailLimits) throws(MailError) {
        var lineLength = nameLength + 1
        var cursor = raw
        while cursor.pointee != 0 {
            if cursor.pointee == 0x0A {
                lineLength = 0
            } else if cursor.pointee != 0x0D {
                lineLength += 1
                if lineLength > limits.maxHeaderLineBytes {
                    throw .limitExceeded(.headerLineBytes, limit: limits.maxHeaderLineBytes, path: path)
                }
            }
            cursor += 1
        }
    }

    /// Unfolded value with RFC 2047 encoded-words decoded by `EncodedWords` (which keeps
    /// malformed encoded-words as literal text instead of dropping them or decoding noise).
    private static func decodedValue(_ header: UnsafeMutablePointer<GMimeHeader>) -> String {
        guard let raw = g_mime_header_get_raw_value(header) else { return "" }
        let bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw)).filter { $0 != 0x0D && $0 != 0x0A }
        return EncodedWords.decode(bytes).trimmingSpaces()
    }

    /// Content-Type / Content-Disposition parameters; GMime has already joined RFC 2231
    /// continuations (name*0*, name*1*) and decoded charset'lang'%XX values to UTF-8.
    static func parameters(_ list: UnsafeMutablePointer<GMimeParamList>?) -> [MailHeader] {
        guard let list else { return [] }
        return (0..<max(0, Int(g_mime_param_list_length(list)))).compactMap { index in
            guard let param = g_mime_param_list_get_parameter_at(list, Int32(index)) else { return nil }
            return MailHeader(name: swiftString(g_mime_param_get_name(param)) ?? "",
                              value: swiftString(g_mime_param_get_value(param)) ?? "")
        }
    }

    /// Mailboxes of an address list (RFC 5322 section 3.4); groups are flattened.
    static func addresses(_ list: UnsafeMutablePointer<InternetAddressList>?) -> [MailAddress] {
        guard let list else { return [] }
        var result: [MailAddress] = []
        for index in 0..<max(0, Int(internet_address_list_length(list))) {
            guard let address = internet_address_list_get_address(list, Int32(index)) else { continue }
            if cg_is_mailbox(address) != 0 {
                let name = swiftString(internet_address_get_name(address)).flatMap { $0.isEmpty ? nil : $0 }
                let addr = swiftString(internet_address_mailbox_get_addr(gcast(address, to: InternetAddressMailbox.self))) ?? ""
                result.append(MailAddress(name: name, address: addr))
            } else if cg_is_group(address) != 0 {
                result += addresses(internet_address_group_get_members(gcast(address, to: InternetAddressGroup.self)))
            }
        }
        return result
    }

    static func date(_ value: OpaquePointer?) -> MailDate? {
        guard let value else { return nil }
        return MailDate(secondsSince1970: Int64(g_date_time_to_unix(value)),
                        utcOffsetSeconds: Int(g_date_time_get_utc_offset(value) / 1_000_000))
    }

    /// Splits a Received field (RFC 5322 section 3.6.7): tokens after "from"/"by", date after the last ';'.
    static func receivedHop(_ header: MailHeader) -> ReceivedHop {
        let value = header.value
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        func after(_ keyword: String) -> String? {
            guard let index = tokens.firstIndex(where: { $0.lowercased() == keyword }), index + 1 < tokens.count
            else { return nil }
            return String(tokens[index + 1])
        }
        var date: MailDate?
        if let semicolon = value.lastIndex(of: ";") {
            let text = String(value[value.index(after: semicolon)...]).trimmingSpaces()
            if let parsed = g_mime_utils_header_decode_date(text) {
                date = Self.date(parsed)
                g_date_time_unref(parsed)
            }
        }
        return ReceivedHop(value: value, from: after("from"), by: after("by"), date: date)
    }
}
