import Foundation

/// A service's `.env` files, read the way Serverless loads them (issue 8 point 3):
/// `.env.<stage>` over `.env`, and the process environment over both.
enum DotEnv {
    /// - Parameter read: a file's text by absolute path (a run's `ProjectSources` reads each once).
    static func variables(in folder: URL, stage: String, over environment: [String: String],
                          read: (String) -> String? = ProjectSources.disk) -> [String: String] {
        var merged = read(folder.appendingPathComponent(".env").path).map(parse) ?? [:]
        merged.merge(read(folder.appendingPathComponent(".env.\(stage)").path).map(parse) ?? [:]) { _, staged in staged }
        merged.merge(environment) { _, process in process }
        return merged
    }

    /// `KEY=value` lines; `export`, comments, blank lines and surrounding quotes as dotenv allows.
    static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)) }
            guard let split = line.firstIndex(of: "=") else { continue }
            let key = line[..<split].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: split)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { values[key] = value }
        }
        return values
    }
}
