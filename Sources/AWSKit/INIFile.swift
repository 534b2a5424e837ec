/// The INI dialect of ~/.aws/config and ~/.aws/credentials, parsed by hand (it is
/// small): `[section]` headers, `key = value` or `key: value` lines (botocore's
/// configparser takes whichever delimiter comes first), `#`/`;` comment lines, and
/// indented sub-keys under a key with an empty value (`s3 =\n  max = 1`), which
/// are kept as `parent.sub`.
struct INIFile: Sendable, Equatable {
    /// Sections in file order; a section named twice has its keys merged.
    var sections: [String: [String: String]] = [:]
    var order: [String] = []

    static func parse(_ text: String, path: String) throws(AWSError) -> INIFile {
        var file = INIFile()
        var current: String?
        var parentKey: String?
        // "\r\n" is one Character in Swift, so split on either form of line end.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, rawLine) in lines.enumerated() {
            let lineNumber = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let stripped = line.trimmingSpaces()
            if stripped.isEmpty || stripped.hasPrefix("#") || stripped.hasPrefix(";") { continue }
            if stripped.hasPrefix("[") {
                guard stripped.hasSuffix("]") else {
                    throw .unreadableFile(path: path, line: lineNumber, reason: "a section header without its closing ']'")
                }
                let name = String(stripped.dropFirst().dropLast()).trimmingSpaces()
                current = name
                parentKey = nil
                if file.sections[name] == nil {
                    file.sections[name] = [:]
                    file.order.append(name)
                }
                continue
            }
            guard let section = current else {
                throw .unreadableFile(path: path, line: lineNumber, reason: "a setting before any [section] header")
            }
            let indented = line.first == " " || line.first == "\t"
            guard let equals = stripped.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw .unreadableFile(path: path, line: lineNumber, reason: "a line that is neither 'key = value' nor a [section]")
            }
            let key = String(stripped[..<equals]).trimmingSpaces().lowercased()
            let value = String(stripped[stripped.index(after: equals)...]).trimmingSpaces()
            if indented, let parent = parentKey {
                file.sections[section]![parent + "." + key] = value
                continue
            }
            file.sections[section]![key] = value
            parentKey = value.isEmpty ? key : nil
        }
        return file
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
