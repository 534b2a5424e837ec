/// Reads the answer of `git cat-file --batch`: for each object asked, in order,
/// `<sha> <type> <size>\n<bytes>\n`, or `<name> missing\n`.
enum CatFileBatch {
    /// The contents of each object, nil where git had none.
    static func contents(_ output: [UInt8], count: Int) -> [[UInt8]?] {
        var results: [[UInt8]?] = []
        results.reserveCapacity(count)
        var offset = 0
        while results.count < count, offset < output.count {
            guard let newline = output[offset...].firstIndex(of: 0x0A) else { break }
            let header = output[offset..<newline].split(separator: 0x20)
            offset = newline + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
                  offset + size <= output.count else {
                results.append(nil)
                continue
            }
            results.append(Array(output[offset..<offset + size]))
            offset += size + 1
        }
        while results.count < count { results.append(nil) }
        return results
    }
}
